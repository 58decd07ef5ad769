import { defineMessages } from '../../platform/i18n/define.ts'

export const notificationMessages = defineMessages(
  {
    'notifications.kind.match.response': '{name} a répondu à votre annonce « {title} »',
    'notifications.kind.match.accepted': '{name} a accepté votre réponse à « {title} »',
    'notifications.kind.match.declined': '{name} a décliné votre réponse à « {title} »',
    'notifications.kind.match.withdrawn': '{name} a retiré sa réponse à « {title} »',
    'notifications.kind.match.cancelled': '{name} a annulé la mise en relation pour « {title} »',
    'notifications.kind.match.doneMarked': '{name} indique que l’aide pour « {title} » a été réalisée',
    'notifications.kind.match.confirmed': '{name} a confirmé que l’aide pour « {title} » a été réalisée',
    'notifications.kind.match.thanked': '{name} vous remercie pour « {title} »',
    'notifications.kind.match.inactive':
      'Pas de nouvelles depuis 7 jours pour « {title} » : où en êtes-vous ?',
    'notifications.kind.listing.noResponse':
      'Votre demande « {title} » n’a pas encore reçu de réponse : quelques conseils pour la faire connaître',
    'notifications.mail.subject': '{text}',
    'notifications.mail.open': 'Ouvrir sur la plateforme',
    'notifications.mail.why':
      'Vous recevez ce courriel parce que vos préférences de notification sur {platform} le demandent.',
    'notifications.mail.unsubscribe': 'Ne plus recevoir ces courriels',
  },
  {
    'notifications.kind.match.response': '{name} responded to your listing “{title}”',
    'notifications.kind.match.accepted': '{name} accepted your response to “{title}”',
    'notifications.kind.match.declined': '{name} declined your response to “{title}”',
    'notifications.kind.match.withdrawn': '{name} withdrew their response to “{title}”',
    'notifications.kind.match.cancelled': '{name} cancelled the match for “{title}”',
    'notifications.kind.match.doneMarked': '{name} says the help for “{title}” was given',
    'notifications.kind.match.confirmed': '{name} confirmed the help for “{title}” was given',
    'notifications.kind.match.thanked': '{name} thanks you for “{title}”',
    'notifications.kind.match.inactive': 'No news for 7 days about “{title}”: how is it going?',
    'notifications.kind.listing.noResponse':
      'Your ask “{title}” has no response yet: a few tips to make it known',
    'notifications.mail.subject': '{text}',
    'notifications.mail.open': 'Open on the platform',
    'notifications.mail.why':
      'You receive this email because your notification settings on {platform} ask for it.',
    'notifications.mail.unsubscribe': 'Stop these emails',
  },
)
