import { defineMessages } from '../../platform/i18n/define.ts'

/** The words of the calls to isolated people (« appels de convivialité »). */
export const callsMessages = defineMessages(
  {
    'calls.title': 'Appels de convivialité',
  },
  {
    'calls.title': 'Friendly calls',
  },
)
