import { defineMessages } from '../../platform/i18n/define.ts'

/** The words of dispatch: the asks nobody answered, suggestions, proposals and bulk dispatch. */
export const dispatchMessages = defineMessages(
  {
    'dispatch.audit.proposed': 'Demande proposée à des bénévoles',
    'dispatch.audit.accepted': 'Proposition acceptée par un ou une bénévole',
    'dispatch.audit.planSent': 'Répartition groupée envoyée',
    'dispatch.audit.settingsChanged': 'Délai avant la liste des demandes sans réponse modifié',
  },
  {
    'dispatch.audit.proposed': 'Ask proposed to volunteers',
    'dispatch.audit.accepted': 'Proposal accepted by a volunteer',
    'dispatch.audit.planSent': 'Bulk dispatch sent',
    'dispatch.audit.settingsChanged': 'Delay before the unanswered asks list changed',
  },
)
