import { defineMessages } from '../../platform/i18n/define.ts'

export const reportMessages = defineMessages({}, {})
