import { defineMessages } from '../../../platform/i18n/define.ts'

export const pushMessages = defineMessages(
  {
    'push.title': 'Notifications sur cet appareil',
    'push.intro':
      'Votre téléphone peut vous prévenir quand quelqu’un vous répond ou vous écrit, même quand la plateforme n’est pas ouverte. Vous choisissez lesquelles, appareil par appareil, et vous pouvez les arrêter à tout moment.',
    'push.subscribe': 'Recevoir les notifications sur ce téléphone',
    'push.unsupported':
      'Ce navigateur ne peut pas recevoir les notifications de la plateforme. Vous êtes prévenu par courriel, comme vous l’avez choisi dans votre profil.',
    'push.working': 'Un instant : votre téléphone va vous demander si vous acceptez les notifications.',
    'push.denied':
      'Les notifications sont bloquées pour ce site. Pour les recevoir, autorisez-les dans les réglages du navigateur, puis appuyez de nouveau sur le bouton.',
    'push.failed': 'L’abonnement n’a pas abouti. Vérifiez votre connexion, puis réessayez.',
    'push.devices': 'Appareils qui reçoivent les notifications',
    'push.none': 'Aucun appareil ne reçoit encore les notifications.',
    'push.device.unknown': 'Appareil non reconnu',
    'push.device.legend': '{device}, ajouté le {date}',
    'push.device.hint': 'Cochez ce que cet appareil doit recevoir.',
    'push.device.save': 'Enregistrer les choix',
    'push.device.saveWhich': 'pour {device}, ajouté le {date}',
    'push.device.remove': 'Ne plus recevoir sur cet appareil',
    'push.device.removeWhich': '{device}, ajouté le {date}',
    'push.done.added': 'Cet appareil recevra désormais les notifications cochées ci-dessous.',
    'push.done.saved': 'Vos choix pour cet appareil sont enregistrés.',
    'push.done.removed': 'Cet appareil ne recevra plus de notifications.',
    'push.error.endpoint':
      'Ce navigateur a donné une adresse de notification que la plateforme ne peut pas utiliser',
    'push.error.keys': 'Les clés de chiffrement données par ce navigateur ne sont pas valables',
    'push.error.types': 'Choisissez parmi les notifications proposées',
    'push.error.tooMany':
      'Vous recevez déjà les notifications sur {max} appareils : retirez-en un avant d’en ajouter un autre',
  },
  {
    'push.title': 'Notifications on this device',
    'push.intro':
      'Your phone can tell you when someone replies or writes to you, even when the platform is not open. You choose which ones, device by device, and you can stop them at any time.',
    'push.subscribe': 'Get notifications on this phone',
    'push.unsupported':
      'This browser cannot receive the platform’s notifications. You are told by email, as you chose in your profile.',
    'push.working': 'One moment: your phone will ask whether you accept notifications.',
    'push.denied':
      'Notifications are blocked for this site. To receive them, allow them in the browser’s settings, then press the button again.',
    'push.failed': 'Subscribing did not work. Check your connection, then try again.',
    'push.devices': 'Devices that receive notifications',
    'push.none': 'No device receives notifications yet.',
    'push.device.unknown': 'Unrecognised device',
    'push.device.legend': '{device}, added on {date}',
    'push.device.hint': 'Tick what this device should receive.',
    'push.device.save': 'Save the choices',
    'push.device.saveWhich': 'for {device}, added on {date}',
    'push.device.remove': 'Stop receiving on this device',
    'push.device.removeWhich': '{device}, added on {date}',
    'push.done.added': 'This device will now receive the notifications ticked below.',
    'push.done.saved': 'Your choices for this device are saved.',
    'push.done.removed': 'This device will no longer receive notifications.',
    'push.error.endpoint': 'This browser gave a notification address the platform cannot use',
    'push.error.keys': 'The encryption keys this browser gave are not valid',
    'push.error.types': 'Choose among the notifications offered',
    'push.error.tooMany':
      'You already receive notifications on {max} devices: remove one before adding another',
  },
)
