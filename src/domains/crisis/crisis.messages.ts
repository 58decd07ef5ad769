import { defineMessages } from '../../platform/i18n/define.ts'

/** The words of crisis mode and of the mass calls for volunteers. */
export const crisisMessages = defineMessages(
  {
    'crisis.title': 'Mode crise',
  },
  {
    'crisis.title': 'Crisis mode',
  },
)
