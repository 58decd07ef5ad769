import { defineMessages } from '../../../platform/i18n/define.ts'

/** Texts of signing in and out, and of passwords: choosing, changing, resetting. */
export const accountMessages = defineMessages(
  {
    'password.tooShort':
      'Le mot de passe doit faire au moins {min} caractères. Une phrase de plusieurs mots est facile à retenir.',
    'password.tooLong': 'Le mot de passe doit faire au plus {max} caractères',
    'password.personal': 'Le mot de passe ne doit pas reprendre votre nom ou votre adresse électronique',
    'password.common': 'Ce mot de passe est trop courant : ajoutez des mots moins prévisibles',
    'password.pattern':
      'Ce mot de passe suit une suite trop facile à deviner (répétitions, « azerty », « 1234 »…)',
    'password.weak': 'Ce mot de passe est trop facile à deviner : allongez-le avec quelques mots de plus',
    'password.current.required': 'Indiquez votre mot de passe actuel',
    'password.current.wrong': 'Ce n’est pas votre mot de passe actuel',
    'password.change.title': 'Changer de mot de passe',
    'password.change.current.label': 'Mot de passe actuel',
    'password.change.new.label': 'Nouveau mot de passe',
    'password.change.endOthers': 'Déconnecter mes autres appareils (conseillé)',
    'password.change.submit': 'Changer mon mot de passe',
    'password.change.back': 'Revenir à mon compte',
    'password.changed.title': 'Mot de passe changé',
    'password.changed.text': 'Votre nouveau mot de passe est enregistré.',
    'password.changed.others': 'Appareils déconnectés : {count}.',

    'login.title': 'Se connecter',
    'login.email.label': 'Adresse électronique',
    'login.email.required': 'Indiquez votre adresse électronique',
    'login.password.label': 'Mot de passe',
    'login.password.required': 'Indiquez votre mot de passe',
    'login.failed': 'Adresse électronique ou mot de passe incorrect',
    'login.submit': 'Se connecter',
    'login.forgotLink': 'Mot de passe oublié ?',
    'login.noAccount': 'Pas encore de compte ?',
    'login.signUpLink': 'Créer un compte',
    'login.logout.title': 'Se déconnecter',
    'login.logout.confirm': 'Vous allez vous déconnecter de cet appareil.',
    'login.logout.submit': 'Me déconnecter',
    'login.loggedOut.title': 'Vous êtes déconnecté',
    'login.loggedOut.text':
      'Votre session est fermée sur cet appareil. Sur un ordinateur partagé, vous pouvez aussi fermer le navigateur.',
    'login.loggedOut.again': 'Se connecter à nouveau',
    'login.unconfirmed.title': 'Confirmez d’abord votre adresse électronique',
    'login.unconfirmed.text':
      'Votre mot de passe est le bon, mais votre adresse n’est pas encore confirmée. Ouvrez le lien que nous vous avons envoyé par courriel à l’inscription : il confirme votre adresse et vous connecte.',
    'login.unconfirmed.resend':
      'Le lien est valable 24 heures. Vous ne le trouvez plus, ou il a expiré ? Demandez-en un nouveau.',

    'reset.request.title': 'Mot de passe oublié',
    'reset.request.intro':
      'Indiquez l’adresse électronique de votre compte. Nous y enverrons un lien pour choisir un nouveau mot de passe.',
    'reset.request.email.label': 'Adresse électronique',
    'reset.request.submit': 'Recevoir un lien',
    'reset.sent.title': 'Vérifiez votre boîte mail',
    'reset.sent.text':
      'Si un compte existe pour {email}, nous venons d’y envoyer un lien pour choisir un nouveau mot de passe.',
    'reset.sent.validity': 'Ce lien est valable 1 heure et ne sert qu’une fois.',
    'reset.sent.nothing':
      'Rien reçu après quelques minutes ? Regardez dans les courriers indésirables et vérifiez l’adresse saisie.',
    'reset.sent.again': 'Recommencer avec une autre adresse',
    'reset.sent.login': 'Revenir à la connexion',
    'reset.form.title': 'Choisir un nouveau mot de passe',
    'reset.form.password.label': 'Nouveau mot de passe',
    'reset.form.sessions': 'Par sécurité, tous les appareils connectés à votre compte seront déconnectés.',
    'reset.form.submit': 'Enregistrer mon mot de passe',
    'reset.done.title': 'Mot de passe changé',
    'reset.done.text':
      'Votre nouveau mot de passe est enregistré. Tous les appareils connectés à votre compte ont été déconnectés.',
    'reset.done.login': 'Se connecter',
    'reset.invalid.title': 'Ce lien ne fonctionne plus',
    'reset.invalid.text':
      'Il a déjà servi, ou il a expiré : un lien pour changer de mot de passe est valable 1 heure.',
    'reset.invalid.again': 'Demander un nouveau lien',
    'reset.mail.subject': 'Choisir un nouveau mot de passe',
    'reset.mail.greeting': 'Bonjour {name},',
    'reset.mail.intro': 'Vous avez demandé à changer le mot de passe de votre compte sur {platform} :',
    'reset.mail.button': 'Choisir un nouveau mot de passe',
    'reset.mail.validity': 'Ce lien est valable 1 heure et ne sert qu’une fois.',
    'reset.mail.notYou': 'Vous n’avez rien demandé ? Ignorez ce message : votre mot de passe reste le même.',
    'reset.unknown.subject': 'Demande de nouveau mot de passe',
    'reset.unknown.greeting': 'Bonjour,',
    'reset.unknown.intro':
      'Quelqu’un, peut-être vous, a demandé un nouveau mot de passe sur {platform} pour cette adresse. Aucun compte n’utilise cette adresse : vous pouvez en créer un.',
    'reset.unknown.button': 'Créer un compte',
    'reset.unknown.notYou':
      'Vous avez peut-être créé votre compte avec une autre adresse. Vous n’avez rien demandé ? Ignorez ce message.',
  },
  {
    'password.tooShort':
      'The password must be at least {min} characters long. A sentence of several words is easy to remember.',
    'password.tooLong': 'The password must be at most {max} characters long',
    'password.personal': 'The password must not contain your name or email address',
    'password.common': 'This password is too common: add less predictable words',
    'password.pattern': 'This password follows a pattern that is easy to guess (repeats, “qwerty”, “1234”…)',
    'password.weak': 'This password is too easy to guess: make it longer with a few more words',
    'password.current.required': 'Enter your current password',
    'password.current.wrong': 'This is not your current password',
    'password.change.title': 'Change your password',
    'password.change.current.label': 'Current password',
    'password.change.new.label': 'New password',
    'password.change.endOthers': 'Sign out my other devices (recommended)',
    'password.change.submit': 'Change my password',
    'password.change.back': 'Back to my account',
    'password.changed.title': 'Password changed',
    'password.changed.text': 'Your new password is saved.',
    'password.changed.others': 'Devices signed out: {count}.',

    'login.title': 'Sign in',
    'login.email.label': 'Email address',
    'login.email.required': 'Enter your email address',
    'login.password.label': 'Password',
    'login.password.required': 'Enter your password',
    'login.failed': 'Wrong email address or password',
    'login.submit': 'Sign in',
    'login.forgotLink': 'Forgotten your password?',
    'login.noAccount': 'No account yet?',
    'login.signUpLink': 'Create an account',
    'login.logout.title': 'Sign out',
    'login.logout.confirm': 'You are about to sign out of this device.',
    'login.logout.submit': 'Sign me out',
    'login.loggedOut.title': 'You are signed out',
    'login.loggedOut.text':
      'Your session on this device is closed. On a shared computer, you may also close the browser.',
    'login.loggedOut.again': 'Sign in again',
    'login.unconfirmed.title': 'Confirm your email address first',
    'login.unconfirmed.text':
      'Your password is right, but your address is not confirmed yet. Open the link we emailed you when you signed up: it confirms your address and signs you in.',
    'login.unconfirmed.resend':
      'The link is valid for 24 hours. Cannot find it, or has it expired? Ask for a new one.',

    'reset.request.title': 'Forgotten password',
    'reset.request.intro':
      'Enter the email address of your account. We will send it a link to choose a new password.',
    'reset.request.email.label': 'Email address',
    'reset.request.submit': 'Get a link',
    'reset.sent.title': 'Check your mailbox',
    'reset.sent.text':
      'If an account exists for {email}, we have just sent it a link to choose a new password.',
    'reset.sent.validity': 'This link is valid for 1 hour and works once.',
    'reset.sent.nothing':
      'Nothing after a few minutes? Look in your spam folder and check the address you typed.',
    'reset.sent.again': 'Try again with another address',
    'reset.sent.login': 'Back to sign in',
    'reset.form.title': 'Choose a new password',
    'reset.form.password.label': 'New password',
    'reset.form.sessions': 'For your security, every device signed in to your account will be signed out.',
    'reset.form.submit': 'Save my password',
    'reset.done.title': 'Password changed',
    'reset.done.text':
      'Your new password is saved. Every device signed in to your account has been signed out.',
    'reset.done.login': 'Sign in',
    'reset.invalid.title': 'This link no longer works',
    'reset.invalid.text': 'It has already been used, or it has expired: a password link is valid for 1 hour.',
    'reset.invalid.again': 'Ask for a new link',
    'reset.mail.subject': 'Choose a new password',
    'reset.mail.greeting': 'Hello {name},',
    'reset.mail.intro': 'You asked to change the password of your account on {platform}:',
    'reset.mail.button': 'Choose a new password',
    'reset.mail.validity': 'This link is valid for 1 hour and works once.',
    'reset.mail.notYou': 'You did not ask? Ignore this message: your password stays the same.',
    'reset.unknown.subject': 'New password request',
    'reset.unknown.greeting': 'Hello,',
    'reset.unknown.intro':
      'Someone, perhaps you, asked for a new password on {platform} for this address. No account uses this address: you can create one.',
    'reset.unknown.button': 'Create an account',
    'reset.unknown.notYou':
      'You may have created your account with another address. You did not ask? Ignore this message.',
  },
)
