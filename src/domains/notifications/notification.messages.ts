import { defineMessages } from '../../platform/i18n/define.ts'

export const notificationMessages = defineMessages(
  {
    'notifications.push.message': 'Vous avez reçu un nouveau message. Touchez pour le lire.',
    'notifications.push.savedSearch': 'Nouvelle annonce pour votre recherche enregistrée : « {title} »',
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
    'notifications.kind.match.listingEnded':
      'L’annonce « {title} » n’est plus ouverte : votre réponse est close. Merci de l’avoir proposée !',
    'notifications.kind.listing.noResponse':
      'Votre demande « {title} » n’a pas encore reçu de réponse : quelques conseils pour la faire connaître',
    'notifications.kind.supply.allocated':
      '{amount} pour vous (« {title} ») : à retirer à {point}, {address}, {hours}, à partir du {from}',
    'notifications.kind.supply.refused': 'Votre demande pour « {title} » n’a pas été retenue : {reason}',
    'notifications.kind.dispatch.proposed':
      'L’équipe du Département vous propose une demande restée sans réponse : « {title} ». Pouvez-vous aider ?',
    'notifications.kind.dispatch.taken':
      'Une autre personne s’est proposée pour « {title} », merci d’avoir regardé !',
    'notifications.kind.unknown': 'Du nouveau sur la plateforme',
    'notifications.title': 'Notifications',
    'notifications.intro': 'Ce qui s’est passé pour vous sur la plateforme, du plus récent au plus ancien.',
    'notifications.empty': 'Vous n’avez aucune notification pour l’instant.',
    'notifications.unread': 'Non lue',
    'notifications.unreadSummary.one': 'Vous avez 1 notification non lue.',
    'notifications.unreadSummary.many': 'Vous avez {count} notifications non lues.',
    'notifications.markAll': 'Tout marquer comme lu',
    'notifications.markedAll': 'Toutes vos notifications sont marquées comme lues.',
    'notifications.more': 'Voir les notifications plus anciennes',
    'notifications.first': 'Revenir aux plus récentes',
    'notifications.pages': 'Pages des notifications',
    'notifications.preferences': 'Choisir comment être prévenu',
    'notifications.error.cursor':
      'Ce lien de page n’est plus valable : revenez aux notifications les plus récentes.',
    'notifications.header.unread.one': '{count} non lue',
    'notifications.header.unread.many': '{count} non lues',
    'notifications.unsubscribe.title': 'Ne plus recevoir ces courriels',
    'notifications.unsubscribe.intro':
      'Vous ne recevrez plus de courriels pour « {type} ». Ces notifications resteront visibles sur la plateforme, dans la page Notifications.',
    'notifications.unsubscribe.button': 'Ne plus recevoir ces courriels',
    'notifications.unsubscribe.done': 'C’est fait : vous ne recevrez plus de courriels pour « {type} ».',
    'notifications.unsubscribe.again':
      'Pour les recevoir de nouveau, connectez-vous et choisissez « Tout de suite » ou « Une fois par jour » dans votre profil, rubrique « Être prévenu par courriel ».',
    'notifications.unsubscribe.profile': 'Choisir mes courriels dans mon profil',
    'notifications.unsubscribe.invalid':
      'Ce lien de désabonnement n’est pas valable. Vous pouvez choisir les courriels que vous recevez dans votre profil, une fois connecté.',
    'notifications.digest.subject': 'Vos notifications du jour sur {platform}',
    'notifications.digest.intro': 'Voici ce qui s’est passé pour vous sur {platform} :',
    'notifications.digest.more': 'Et {count} autres, à retrouver sur la plateforme.',
    'notifications.digest.open': 'Voir mes notifications',
    'notifications.digest.why':
      'Vous recevez ce résumé une fois par jour parce que vos préférences de notification sur {platform} le demandent.',
    'notifications.mail.subject': '{text}',
    'notifications.mail.open': 'Ouvrir sur la plateforme',
    'notifications.mail.why':
      'Vous recevez ce courriel parce que vos préférences de notification sur {platform} le demandent.',
    'notifications.mail.unsubscribe': 'Ne plus recevoir ces courriels',
  },
  {
    'notifications.push.message': 'You have a new message. Tap to read it.',
    'notifications.push.savedSearch': 'New listing for your saved search: “{title}”',
    'notifications.kind.match.response': '{name} responded to your listing “{title}”',
    'notifications.kind.match.accepted': '{name} accepted your response to “{title}”',
    'notifications.kind.match.declined': '{name} declined your response to “{title}”',
    'notifications.kind.match.withdrawn': '{name} withdrew their response to “{title}”',
    'notifications.kind.match.cancelled': '{name} cancelled the match for “{title}”',
    'notifications.kind.match.doneMarked': '{name} says the help for “{title}” was given',
    'notifications.kind.match.confirmed': '{name} confirmed the help for “{title}” was given',
    'notifications.kind.match.thanked': '{name} thanks you for “{title}”',
    'notifications.kind.match.inactive': 'No news for 7 days about “{title}”: how is it going?',
    'notifications.kind.match.listingEnded':
      'The listing “{title}” is no longer open: your response is closed. Thank you for offering!',
    'notifications.kind.listing.noResponse':
      'Your ask “{title}” has no response yet: a few tips to make it known',
    'notifications.kind.supply.allocated':
      '{amount} for you (“{title}”): collect them at {point}, {address}, {hours}, from {from}',
    'notifications.kind.supply.refused': 'Your request for “{title}” was not accepted: {reason}',
    'notifications.kind.dispatch.proposed':
      'The Département’s team proposes you an ask nobody answered: “{title}”. Can you help?',
    'notifications.kind.dispatch.taken':
      'Someone else offered to help with “{title}”, thank you for looking!',
    'notifications.kind.unknown': 'Something new on the platform',
    'notifications.title': 'Notifications',
    'notifications.intro': 'What happened for you on the platform, newest first.',
    'notifications.empty': 'You have no notifications yet.',
    'notifications.unread': 'Unread',
    'notifications.unreadSummary.one': 'You have 1 unread notification.',
    'notifications.unreadSummary.many': 'You have {count} unread notifications.',
    'notifications.markAll': 'Mark all as read',
    'notifications.markedAll': 'All your notifications are marked as read.',
    'notifications.more': 'See older notifications',
    'notifications.first': 'Back to the newest',
    'notifications.pages': 'Notification pages',
    'notifications.preferences': 'Choose how you are told',
    'notifications.error.cursor': 'This page link is no longer valid: go back to the newest notifications.',
    'notifications.header.unread.one': '{count} unread',
    'notifications.header.unread.many': '{count} unread',
    'notifications.unsubscribe.title': 'Stop these emails',
    'notifications.unsubscribe.intro':
      'You will no longer receive emails for “{type}”. These notifications will stay visible on the platform, on the Notifications page.',
    'notifications.unsubscribe.button': 'Stop these emails',
    'notifications.unsubscribe.done': 'Done: you will no longer receive emails for “{type}”.',
    'notifications.unsubscribe.again':
      'To receive them again, sign in and choose “Straight away” or “Once a day” in your profile, under “Email notifications”.',
    'notifications.unsubscribe.profile': 'Choose my emails in my profile',
    'notifications.unsubscribe.invalid':
      'This unsubscribe link is not valid. You can choose which emails you receive in your profile, once signed in.',
    'notifications.digest.subject': 'Your notifications of the day on {platform}',
    'notifications.digest.intro': 'Here is what happened for you on {platform}:',
    'notifications.digest.more': 'And {count} more, on the platform.',
    'notifications.digest.open': 'See my notifications',
    'notifications.digest.why':
      'You receive this summary once a day because your notification settings on {platform} ask for it.',
    'notifications.mail.subject': '{text}',
    'notifications.mail.open': 'Open on the platform',
    'notifications.mail.why':
      'You receive this email because your notification settings on {platform} ask for it.',
    'notifications.mail.unsubscribe': 'Stop these emails',
  },
)
