import type { MailTemplate } from '../../platform/mail/templates.tsx'

/** One notification sent at once; its sentence was written by notify() in the recipient's language. */
export const notificationMails = {
  notification: {
    subject: 'notifications.mail.subject',
    required: ['text', 'link', 'unsubscribe'],
    blocks: ({ t, platform, data }) => [
      { kind: 'paragraph', text: data.text! },
      { kind: 'button', label: t('notifications.mail.open'), href: data.link! },
      { kind: 'note', text: t('notifications.mail.why', { platform }) },
      { kind: 'button', label: t('notifications.mail.unsubscribe'), href: data.unsubscribe! },
    ],
  },
} satisfies Record<string, MailTemplate>
