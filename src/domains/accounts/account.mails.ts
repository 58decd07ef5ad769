import type { MailTemplate } from '../../platform/mail/templates.tsx'

export const accountMails = {} satisfies Record<string, MailTemplate>
