import { defineMessages } from '../../../platform/i18n/define.ts'

export const totpMessages = defineMessages(
  {
    'totp.title': 'Double authentification',
    'totp.enrol.intro':
      'Les comptes de l’équipe protègent les données de nombreuses personnes : en plus du mot de passe, un code à usage unique affiché par une application de votre téléphone vous sera demandé à chaque connexion.',
    'totp.enrol.step1':
      'Installez une application d’authentification sur votre téléphone, par exemple FreeOTP, Aegis, Microsoft Authenticator ou Google Authenticator.',
    'totp.enrol.step2': 'Dans l’application, ajoutez un compte en scannant ce code QR.',
    'totp.enrol.qrAlt': 'Code QR à scanner avec votre application d’authentification',
    'totp.enrol.manual': 'Si vous ne pouvez pas scanner le code, saisissez cette clé dans l’application :',
    'totp.enrol.step3': 'Saisissez ci-dessous le code à 6 chiffres que l’application affiche.',
    'totp.enrol.submit': 'Activer la double authentification',
    'totp.enrol.expired':
      'Ce formulaire a expiré : scannez le nouveau code QR, puis saisissez le code affiché',
    'totp.code.label': 'Code à 6 chiffres',
    'totp.code.hint': 'Le code change toutes les 30 secondes.',
    'totp.code.required': 'Saisissez le code affiché par votre application',
    'totp.code.format': 'Le code doit comporter 6 chiffres, par exemple 123456',
    'totp.code.wrong':
      'Ce code ne convient pas. Saisissez le code affiché en ce moment ; si cela continue, vérifiez l’heure de votre téléphone',
    'totp.codes.title': 'Vos codes de secours',
    'totp.codes.ready': 'La double authentification est activée.',
    'totp.codes.intro':
      'Si vous perdez votre téléphone, chacun de ces codes permet de vous connecter une fois à la place du code de l’application. Imprimez-les ou notez-les, et rangez-les en lieu sûr.',
    'totp.codes.once':
      'Ces codes ne seront plus jamais affichés. Ils remplacent les codes de secours précédents, qui ne fonctionnent plus.',
    'totp.codes.continue': 'J’ai noté mes codes, continuer',
    'totp.enabled.since': 'La double authentification est activée depuis le {date}.',
    'totp.enabled.codesLeft': 'Codes de secours encore utilisables : {count}.',
    'totp.renew.title': 'Obtenir de nouveaux codes de secours',
    'totp.renew.intro':
      'Si vous avez utilisé ou perdu vos codes de secours, demandez-en de nouveaux : les anciens ne fonctionneront plus.',
    'totp.renew.submit': 'Obtenir de nouveaux codes',
    'totp.login.title': 'Vérification en deux étapes',
    'totp.login.intro':
      'Ouvrez votre application d’authentification et saisissez le code affiché pour {platform}.',
    'totp.login.label': 'Code de l’application ou code de secours',
    'totp.login.hint': '6 chiffres, ou un code de secours comme « abcde-fghjk ».',
    'totp.login.submit': 'Valider',
    'totp.login.lost':
      'Téléphone perdu et plus de code de secours ? Un administrateur de la plateforme peut vous aider à retrouver l’accès.',
  },
  {
    'totp.title': 'Two-step verification',
    'totp.enrol.intro':
      'Staff accounts protect the data of many people: besides your password, you will be asked at each sign-in for a one-time code shown by an app on your phone.',
    'totp.enrol.step1':
      'Install an authenticator app on your phone, for example FreeOTP, Aegis, Microsoft Authenticator or Google Authenticator.',
    'totp.enrol.step2': 'In the app, add an account by scanning this QR code.',
    'totp.enrol.qrAlt': 'QR code to scan with your authenticator app',
    'totp.enrol.manual': 'If you cannot scan the code, type this key into the app:',
    'totp.enrol.step3': 'Enter below the 6-digit code the app shows.',
    'totp.enrol.submit': 'Turn on two-step verification',
    'totp.enrol.expired': 'This form has expired: scan the new QR code, then enter the code shown',
    'totp.code.label': '6-digit code',
    'totp.code.hint': 'The code changes every 30 seconds.',
    'totp.code.required': 'Enter the code your app shows',
    'totp.code.format': 'The code must be 6 digits, for example 123456',
    'totp.code.wrong':
      'This code does not match. Enter the code shown right now; if this goes on, check the time on your phone',
    'totp.codes.title': 'Your recovery codes',
    'totp.codes.ready': 'Two-step verification is on.',
    'totp.codes.intro':
      'If you lose your phone, each of these codes lets you sign in once instead of the app’s code. Print them or write them down, and keep them somewhere safe.',
    'totp.codes.once':
      'These codes will never be shown again. They replace your previous recovery codes, which no longer work.',
    'totp.codes.continue': 'I have kept my codes, continue',
    'totp.enabled.since': 'Two-step verification has been on since {date}.',
    'totp.enabled.codesLeft': 'Recovery codes still usable: {count}.',
    'totp.renew.title': 'Get new recovery codes',
    'totp.renew.intro':
      'If you used or lost your recovery codes, ask for new ones: the old ones will stop working.',
    'totp.renew.submit': 'Get new codes',
    'totp.login.title': 'Two-step verification',
    'totp.login.intro': 'Open your authenticator app and enter the code it shows for {platform}.',
    'totp.login.label': 'App code or recovery code',
    'totp.login.hint': '6 digits, or a recovery code such as “abcde-fghjk”.',
    'totp.login.submit': 'Continue',
    'totp.login.lost':
      'Lost your phone and out of recovery codes? An administrator of the platform can help you back in.',
  },
)
