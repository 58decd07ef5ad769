import { totpMessages } from '../second-factor/totp.messages.ts'
import { adminMessages } from './admin.messages.ts'
import { auditMessages } from './audit.messages.ts'

/** Texts of the staff area, the second factor and the audit log, French first. */
export const staffMessages = {
  fr: { ...adminMessages.fr, ...totpMessages.fr, ...auditMessages.fr },
  en: { ...adminMessages.en, ...totpMessages.en, ...auditMessages.en },
}
