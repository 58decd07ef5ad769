import { defineMessages } from '../../platform/i18n/define.ts'

/** What the author of a listing waiting for a moderator reads: why, how long, and what comes next. */
export const listingReviewMessages = defineMessages(
  {
    'listingReview.intro':
      'Une personne de l’équipe de modération lit votre annonce avant de la publier. Vous pouvez la modifier en attendant.',
    'listingReview.reason.review':
      'Sur cette plateforme, un modérateur relit les nouvelles annonces avant leur publication : c’est une règle du Département, pas un reproche.',
    'listingReview.reason.sanction':
      'Votre annonce est masquée à la suite d’une décision de modération sur votre compte.',
    'listingReview.wait.hours': 'Un modérateur la lit en général sous {hours} heures.',
    'listingReview.wait.hour': 'Un modérateur la lit en général en moins d’une heure.',
    'listingReview.wait.unknown': 'Un modérateur la lit dès qu’il est disponible.',
    'listingReview.wait.mail':
      'Vous recevrez un courriel quand elle sera publiée, ou si elle ne peut pas l’être, avec la raison.',
    'listingReview.notice.posted':
      'Votre annonce est enregistrée. Elle sera publiée après la relecture d’un modérateur.',
    'listingReview.mail.greeting': 'Bonjour {name},',
    'listingReview.mail.published.subject': 'Votre annonce « {title} » est publiée',
    'listingReview.mail.published.intro':
      'Un modérateur a lu votre annonce « {title} » : elle est publiée, et les personnes qui suivent ce type d’aide sont prévenues.',
    'listingReview.mail.published.button': 'Voir mon annonce',
    'listingReview.mail.rejected.subject': 'Votre annonce « {title} » n’est pas publiée',
    'listingReview.mail.rejected.intro':
      'Un modérateur a lu votre annonce « {title} » : elle ne peut pas être publiée.',
    'listingReview.mail.rejected.reason':
      'Sur la plateforme, l’aide est toujours gratuite : une annonce ne peut demander ni proposer d’argent, de paiement ou de vente.',
    'listingReview.mail.rejected.button': 'Voir mes annonces',
    'listingReview.mail.rejected.note':
      'Vous pouvez publier une nouvelle annonce qui respecte la charte. Pour toute question, écrivez à l’équipe depuis la page de contact.',
  },
  {
    'listingReview.intro':
      'Someone from the moderation team reads your listing before publishing it. You can edit it meanwhile.',
    'listingReview.reason.review':
      'On this platform, a moderator reads new listings before they are published: it is the Département’s rule, not a reproach.',
    'listingReview.reason.sanction':
      'Your listing is hidden following a moderation decision on your account.',
    'listingReview.wait.hours': 'A moderator usually reads it within {hours} hours.',
    'listingReview.wait.hour': 'A moderator usually reads it within an hour.',
    'listingReview.wait.unknown': 'A moderator reads it as soon as one is available.',
    'listingReview.wait.mail':
      'You will receive an email when it is published, or if it cannot be, with the reason.',
    'listingReview.notice.posted':
      'Your listing is saved. It will be published once a moderator has read it.',
    'listingReview.mail.greeting': 'Hello {name},',
    'listingReview.mail.published.subject': 'Your listing “{title}” is published',
    'listingReview.mail.published.intro':
      'A moderator read your listing “{title}”: it is published, and the people following this kind of help are told.',
    'listingReview.mail.published.button': 'See my listing',
    'listingReview.mail.rejected.subject': 'Your listing “{title}” is not published',
    'listingReview.mail.rejected.intro': 'A moderator read your listing “{title}”: it cannot be published.',
    'listingReview.mail.rejected.reason':
      'On the platform, help is always free: a listing may not ask for or offer money, payment or a sale.',
    'listingReview.mail.rejected.button': 'See my listings',
    'listingReview.mail.rejected.note':
      'You may post a new listing that follows the charter. For any question, write to the team from the contact page.',
  },
)
