import { defineMessages } from '../../platform/i18n/define.ts'

/** The words of the moderation queue, shared by its pages, its mails and the audit log. */
export const moderationMessages = defineMessages(
  {
    'moderation.audit.decided': 'Décision de modération',
    'moderation.audit.contentRead': 'Contenu signalé lu par un modérateur, avec un motif',
    'moderation.audit.policyChanged': 'Relecture avant publication modifiée',
    'moderation.audit.warned': 'Avertissement donné',
    'moderation.audit.banned': 'Compte exclu définitivement',
    'moderation.audit.lifted': 'Sanction levée',
    'moderation.audit.appealFiled': 'Recours déposé',
    'moderation.audit.appealGranted': 'Recours accepté',
    'moderation.audit.appealUpheld': 'Recours rejeté, décision maintenue',
    'moderation.audit.listingHidden': 'Annonce masquée par la modération',
    'moderation.audit.changeRequested': 'Modification demandée à l’auteur',
  },
  {
    'moderation.audit.decided': 'Moderation decision',
    'moderation.audit.contentRead': 'Reported content read by a moderator, with a reason',
    'moderation.audit.policyChanged': 'Review before publication changed',
    'moderation.audit.warned': 'Warning given',
    'moderation.audit.banned': 'Account banned',
    'moderation.audit.lifted': 'Sanction lifted',
    'moderation.audit.appealFiled': 'Appeal filed',
    'moderation.audit.appealGranted': 'Appeal granted',
    'moderation.audit.appealUpheld': 'Appeal refused, decision kept',
    'moderation.audit.listingHidden': 'Listing hidden by moderation',
    'moderation.audit.changeRequested': 'Change asked of the author',
  },
)
