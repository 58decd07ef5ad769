import { defineMessages } from '../../../platform/i18n/define.ts'

/** Texts of joining: the sign-up form, confirming an address, changing it. */
export const signUpMessages = defineMessages(
  {
    'signup.title': 'Créer un compte',
    'signup.intro':
      'Un compte sur {platform} permet de demander de l’aide, d’en proposer et de répondre aux annonces. C’est gratuit.',
    'signup.haveAccount': 'Vous avez déjà un compte ?',
    'signup.loginLink': 'Se connecter',
    'signup.displayName.label': 'Votre nom',
    'signup.displayName.hint':
      'Celui que les autres membres verront : votre prénom suffit, par exemple « Zoé » ou « Jean-Éric M ».',
    'signup.email.label': 'Adresse électronique',
    'signup.email.hint': 'Nous vous enverrons un lien pour la confirmer. Elle n’est montrée à personne.',
    'signup.sent.text':
      'Nous avons envoyé un courriel à {email}. Ouvrez-le pour confirmer votre adresse et vous connecter : le lien est valable 24 heures. Si un compte utilisait déjà cette adresse, ce courriel vous explique comment vous y connecter.',
    'signup.existing.subject': 'Quelqu’un a voulu créer un compte avec votre adresse',
    'signup.existing.greeting': 'Bonjour {name},',
    'signup.existing.intro':
      'Quelqu’un, peut-être vous, a voulu créer un compte sur {platform} avec cette adresse. Vous y avez déjà un compte : aucun autre n’a été créé.',
    'signup.existing.login': 'Me connecter',
    'signup.existing.forgot': 'Vous ne vous souvenez plus de votre mot de passe ? Choisissez-en un nouveau.',
    'signup.existing.reset': 'Choisir un nouveau mot de passe',
    'signup.existing.notYou': 'Ce n’était pas vous ? Ignorez ce message : votre compte ne change pas.',
    'signup.password.label': 'Mot de passe',
    'signup.password.hint':
      'Au moins {min} caractères, sans autre règle. Une phrase de quelques mots, facile à retenir pour vous, convient très bien.',
    'signup.commune.label': 'Votre commune',
    'signup.commune.hint':
      'Son nom ou son code postal, par exemple « Bayeux » ou « 14400 ». Elle doit se trouver {areaIn}.',
    'signup.commune.required': 'Indiquez votre commune',
    'signup.commune.tooLong': 'Le nom de la commune doit faire 100 caractères au plus',
    'signup.commune.choose': 'Plusieurs communes correspondent : choisissez la vôtre',
    'signup.commune.notCovered':
      'Nous ne trouvons pas « {query} » parmi les communes {areaOf}. Vérifiez l’orthographe ou essayez le code postal.',
    'signup.phone.label': 'Numéro de téléphone (facultatif)',
    'signup.phone.hint':
      'Il n’est montré à personne avant que vous acceptiez une mise en relation. Un agent du Département peut s’en servir pour vous rappeler.',
    'signup.charter.label':
      'J’accepte la charte de l’entraide : l’aide est gratuite, aucun argent ne change de mains.',
    'signup.charter.link': 'Lire la charte',
    'signup.charter.required': 'Cochez la case pour accepter la charte de l’entraide',
    'signup.privacy.label':
      'J’ai pris connaissance de la notice sur l’utilisation de mes données personnelles.',
    'signup.privacy.link': 'Lire la notice',
    'signup.privacy.required': 'Cochez la case pour indiquer que vous avez pris connaissance de la notice',
    'signup.newTab': '(nouvel onglet)',
    'signup.submit': 'Créer mon compte',

    'email.required': 'Indiquez votre adresse électronique',
    'email.tooLong': 'L’adresse électronique doit faire 254 caractères au plus',
    'email.invalid': 'Indiquez une adresse électronique complète, par exemple nom@exemple.fr',

    'verify.banner.title': 'Confirmez votre adresse électronique',
    'verify.banner.text':
      'Vous pouvez déjà tout lire. Pour publier ou répondre, ouvrez le lien que nous vous avons envoyé par courriel.',
    'verify.banner.resend': 'Renvoyer le lien',
    'verify.check.title': 'Vérifiez votre boîte mail',
    'verify.check.sent':
      'Nous avons envoyé un lien à {email}. Ouvrez-le pour confirmer votre adresse : il est valable 24 heures.',
    'verify.check.resent': 'Un nouveau lien vient d’être envoyé à {email}.',
    'verify.check.opens':
      'Ouvrez-le pour confirmer votre adresse et vous connecter : il est valable 24 heures.',
    'verify.check.meanwhile':
      'Votre compte est créé. En attendant, vous pouvez déjà lire les annonces ; pour publier ou répondre, confirmez votre adresse.',
    'verify.check.nothing':
      'Rien reçu après quelques minutes ? Regardez dans les courriers indésirables, ou demandez un nouveau lien.',
    'verify.check.wrongAddress': 'Ce n’est pas la bonne adresse ? Changez-la',
    'verify.confirm.title': 'Confirmer votre adresse électronique',
    'verify.confirm.text': 'Appuyez sur le bouton pour confirmer que cette adresse est bien la vôtre.',
    'verify.confirm.submit': 'Confirmer mon adresse',
    'verify.done.title': 'Adresse confirmée',
    'verify.done.text':
      'Merci, votre adresse électronique est confirmée. Vous pouvez maintenant publier et répondre.',
    'verify.done.already': 'Votre adresse {email} est confirmée.',
    'verify.done.signedIn':
      'Merci, votre adresse électronique est confirmée et vous êtes connecté. Vous pouvez maintenant publier et répondre.',
    'verify.done.back': 'Reprendre là où vous en étiez',
    'verify.done.account': 'Compléter mon compte',
    'verify.done.continue': 'Aller à l’accueil',
    'verify.done.login': 'Se connecter',
    'verify.invalid.title': 'Ce lien ne fonctionne plus',
    'verify.invalid.text':
      'Il a déjà servi, ou il a expiré : un lien de confirmation est valable 24 heures. Vous pouvez en demander un nouveau.',
    'verify.invalid.already': 'Votre adresse est de toute façon déjà confirmée : vous n’avez rien à faire.',
    'verify.invalid.login': 'Se connecter pour recevoir un nouveau lien',
    'verify.mail.subject': 'Confirmez votre adresse électronique',
    'verify.mail.greeting': 'Bonjour {name},',
    'verify.mail.intro':
      'Pour terminer la création de votre compte sur {platform}, confirmez votre adresse :',
    'verify.mail.button': 'Confirmer mon adresse',
    'verify.mail.validity': 'Ce lien est valable 24 heures et ne sert qu’une fois.',
    'verify.mail.notYou': 'Vous n’avez pas créé de compte sur {platform} ? Ignorez ce message.',

    'email.change.title': 'Changer d’adresse électronique',
    'email.change.current': 'Votre adresse actuelle : {email}',
    'email.change.intro':
      'Nous enverrons un lien à la nouvelle adresse. Elle ne remplacera l’actuelle qu’une fois ce lien ouvert.',
    'email.change.new.label': 'Nouvelle adresse électronique',
    'email.change.password.label': 'Votre mot de passe',
    'email.change.password.hint': 'Pour vérifier que c’est bien vous.',
    'email.change.submit': 'Envoyer le lien',
    'email.change.same': 'C’est déjà votre adresse : indiquez la nouvelle',
    'email.change.taken': 'Cette adresse est déjà celle d’un autre compte',
    'email.sent.title': 'Vérifiez votre nouvelle boîte mail',
    'email.sent.text':
      'Nous avons envoyé un lien à {email}. Ouvrez-le pour confirmer la nouvelle adresse : il est valable 24 heures.',
    'email.sent.meanwhile': 'D’ici là, votre adresse reste {current}.',
    'email.confirm.title': 'Confirmer votre nouvelle adresse',
    'email.confirm.text':
      'Appuyez sur le bouton pour utiliser cette adresse. Nous préviendrons votre ancienne adresse du changement.',
    'email.confirm.submit': 'Utiliser cette adresse',
    'email.confirm.invalid.title': 'Ce lien ne fonctionne plus',
    'email.confirm.invalid.text':
      'Il a déjà servi, il a expiré (24 heures), ou une adresse plus récente a été demandée depuis.',
    'email.confirm.taken.title': 'Adresse déjà utilisée',
    'email.confirm.taken.text':
      'Un autre compte utilise cette adresse depuis votre demande. Votre adresse n’a pas changé.',
    'email.confirm.again': 'Changer d’adresse électronique',
    'email.done.title': 'Adresse changée',
    'email.done.text': 'Votre adresse électronique est maintenant {email}.',
    'email.change.mail.subject': 'Confirmez votre nouvelle adresse électronique',
    'email.change.mail.greeting': 'Bonjour {name},',
    'email.change.mail.intro': 'Pour utiliser cette adresse sur {platform}, confirmez-la :',
    'email.change.mail.button': 'Confirmer ma nouvelle adresse',
    'email.change.mail.validity':
      'Ce lien est valable 24 heures et ne sert qu’une fois. Tant qu’il n’est pas ouvert, votre adresse ne change pas.',
    'email.change.mail.notYou': 'Vous n’avez rien demandé ? Ignorez ce message : rien ne changera.',
    'email.changed.mail.subject': 'Votre adresse électronique a changé',
    'email.changed.mail.greeting': 'Bonjour {name},',
    'email.changed.mail.intro':
      'L’adresse électronique de votre compte sur {platform} vient d’être remplacée par {email}. Les prochains messages iront à cette adresse.',
    'email.changed.mail.notYou':
      'Ce n’est pas vous ? Votre compte est peut-être utilisé par quelqu’un d’autre : écrivez au plus vite à {contact}.',
  },
  {
    'signup.title': 'Create an account',
    'signup.intro':
      'An account on {platform} lets you ask for help, offer it and answer listings. It is free.',
    'signup.haveAccount': 'Already have an account?',
    'signup.loginLink': 'Sign in',
    'signup.displayName.label': 'Your name',
    'signup.displayName.hint':
      'The one other members will see: your first name is enough, for example “Zoé” or “Jean-Éric M”.',
    'signup.email.label': 'Email address',
    'signup.email.hint': 'We will send you a link to confirm it. It is shown to no one.',
    'signup.sent.text':
      'We sent an email to {email}. Open it to confirm your address and sign in: the link is valid for 24 hours. If an account already used this address, the email tells you how to sign in to it.',
    'signup.existing.subject': 'Someone tried to create an account with your address',
    'signup.existing.greeting': 'Hello {name},',
    'signup.existing.intro':
      'Someone, perhaps you, tried to create an account on {platform} with this address. You already have an account there: no other was created.',
    'signup.existing.login': 'Sign in',
    'signup.existing.forgot': 'Cannot remember your password? Choose a new one.',
    'signup.existing.reset': 'Choose a new password',
    'signup.existing.notYou': 'It was not you? Ignore this message: your account does not change.',
    'signup.password.label': 'Password',
    'signup.password.hint':
      'At least {min} characters, no other rule. A sentence of a few words that is easy for you to remember works well.',
    'signup.commune.label': 'Your commune',
    'signup.commune.hint': 'Its name or postcode, for example “Bayeux” or “14400”. It must be {areaIn}.',
    'signup.commune.required': 'Enter your commune',
    'signup.commune.tooLong': 'The commune name must be 100 characters or fewer',
    'signup.commune.choose': 'Several communes match: choose yours',
    'signup.commune.notCovered':
      'We cannot find “{query}” among the communes {areaOf}. Check the spelling or try the postcode.',
    'signup.phone.label': 'Phone number (optional)',
    'signup.phone.hint':
      'It is shown to no one until you accept a match. A member of the Département’s staff may use it to call you back.',
    'signup.charter.label': 'I accept the mutual aid charter: help is free, no money changes hands.',
    'signup.charter.link': 'Read the charter',
    'signup.charter.required': 'Tick the box to accept the mutual aid charter',
    'signup.privacy.label': 'I have read the notice on how my personal data is used.',
    'signup.privacy.link': 'Read the notice',
    'signup.privacy.required': 'Tick the box to confirm you have read the notice',
    'signup.newTab': '(new tab)',
    'signup.submit': 'Create my account',

    'email.required': 'Enter your email address',
    'email.tooLong': 'The email address must be 254 characters or fewer',
    'email.invalid': 'Enter a full email address, for example name@example.com',

    'verify.banner.title': 'Confirm your email address',
    'verify.banner.text':
      'You can already read everything. To post or respond, open the link we sent you by email.',
    'verify.banner.resend': 'Send the link again',
    'verify.check.title': 'Check your mailbox',
    'verify.check.sent':
      'We sent a link to {email}. Open it to confirm your address: it is valid for 24 hours.',
    'verify.check.resent': 'A new link has just been sent to {email}.',
    'verify.check.opens': 'Open it to confirm your address and sign in: it is valid for 24 hours.',
    'verify.check.meanwhile':
      'Your account is created. Meanwhile you can already read listings; to post or respond, confirm your address.',
    'verify.check.nothing': 'Nothing after a few minutes? Look in your spam folder, or ask for a new link.',
    'verify.check.wrongAddress': 'Not the right address? Change it',
    'verify.confirm.title': 'Confirm your email address',
    'verify.confirm.text': 'Press the button to confirm that this address is yours.',
    'verify.confirm.submit': 'Confirm my address',
    'verify.done.title': 'Address confirmed',
    'verify.done.text': 'Thank you, your email address is confirmed. You can now post and respond.',
    'verify.done.already': 'Your address {email} is confirmed.',
    'verify.done.signedIn':
      'Thank you, your email address is confirmed and you are signed in. You can now post and respond.',
    'verify.done.back': 'Go back to where you were',
    'verify.done.account': 'Complete my account',
    'verify.done.continue': 'Go to the home page',
    'verify.done.login': 'Sign in',
    'verify.invalid.title': 'This link no longer works',
    'verify.invalid.text':
      'It has already been used, or it has expired: a confirmation link is valid for 24 hours. You can ask for a new one.',
    'verify.invalid.already': 'Your address is already confirmed anyway: there is nothing to do.',
    'verify.invalid.login': 'Sign in to get a new link',
    'verify.mail.subject': 'Confirm your email address',
    'verify.mail.greeting': 'Hello {name},',
    'verify.mail.intro': 'To finish creating your account on {platform}, confirm your address:',
    'verify.mail.button': 'Confirm my address',
    'verify.mail.validity': 'This link is valid for 24 hours and works once.',
    'verify.mail.notYou': 'You did not create an account on {platform}? Ignore this message.',

    'email.change.title': 'Change your email address',
    'email.change.current': 'Your current address: {email}',
    'email.change.intro':
      'We will send a link to the new address. It replaces the current one only once that link is opened.',
    'email.change.new.label': 'New email address',
    'email.change.password.label': 'Your password',
    'email.change.password.hint': 'To check that it is really you.',
    'email.change.submit': 'Send the link',
    'email.change.same': 'This is already your address: enter the new one',
    'email.change.taken': 'This address already belongs to another account',
    'email.sent.title': 'Check your new mailbox',
    'email.sent.text':
      'We sent a link to {email}. Open it to confirm the new address: it is valid for 24 hours.',
    'email.sent.meanwhile': 'Until then, your address stays {current}.',
    'email.confirm.title': 'Confirm your new address',
    'email.confirm.text':
      'Press the button to use this address. We will tell your old address about the change.',
    'email.confirm.submit': 'Use this address',
    'email.confirm.invalid.title': 'This link no longer works',
    'email.confirm.invalid.text':
      'It has already been used, it has expired (24 hours), or a more recent address has been asked for since.',
    'email.confirm.taken.title': 'Address already in use',
    'email.confirm.taken.text':
      'Another account has used this address since your request. Your address has not changed.',
    'email.confirm.again': 'Change your email address',
    'email.done.title': 'Address changed',
    'email.done.text': 'Your email address is now {email}.',
    'email.change.mail.subject': 'Confirm your new email address',
    'email.change.mail.greeting': 'Hello {name},',
    'email.change.mail.intro': 'To use this address on {platform}, confirm it:',
    'email.change.mail.button': 'Confirm my new address',
    'email.change.mail.validity':
      'This link is valid for 24 hours and works once. Until it is opened, your address does not change.',
    'email.change.mail.notYou': 'You did not ask? Ignore this message: nothing will change.',
    'email.changed.mail.subject': 'Your email address has changed',
    'email.changed.mail.greeting': 'Hello {name},',
    'email.changed.mail.intro':
      'The email address of your account on {platform} has just been replaced by {email}. Future messages will go to that address.',
    'email.changed.mail.notYou':
      'Not you? Someone else may be using your account: write as soon as possible to {contact}.',
  },
)
