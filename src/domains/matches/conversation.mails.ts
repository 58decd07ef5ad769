import type { MailTemplate } from '../../platform/mail/templates.tsx'

export const conversationMails = {} satisfies Record<string, MailTemplate>
