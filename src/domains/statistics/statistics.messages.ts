import { defineMessages } from '../../platform/i18n/define.ts'

/** The words the bilan shares with the rest of the app: its audit entries. */
export const statisticsMessages = defineMessages(
  {
    'statistics.audit.exported': 'Tableaux du bilan exportés',
  },
  {
    'statistics.audit.exported': 'Bilan tables exported',
  },
)
