import type { MailTemplate } from '../../platform/mail/templates.tsx'

export const staffMails = {} satisfies Record<string, MailTemplate>
