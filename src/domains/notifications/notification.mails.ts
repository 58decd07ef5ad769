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
      { kind: 'link', small: true, label: t('notifications.mail.unsubscribe'), href: data.unsubscribe! },
    ],
  },
  /**
   * The daily digest: `items` holds one sentence a line (line breaks inside a sentence were made
   * spaces), `more` how many were left out of the mail, if any.
   */
  'notification-digest': {
    subject: 'notifications.digest.subject',
    required: ['items', 'link', 'unsubscribe'],
    blocks: ({ t, platform, data }) => [
      { kind: 'paragraph', text: t('notifications.digest.intro', { platform }) },
      ...data.items!.split('\n').map((line) => ({ kind: 'paragraph' as const, text: `• ${line}` })),
      ...(data.more
        ? [{ kind: 'paragraph' as const, text: t('notifications.digest.more', { count: data.more }) }]
        : []),
      { kind: 'button', label: t('notifications.digest.open'), href: data.link! },
      { kind: 'note', text: t('notifications.digest.why', { platform }) },
      { kind: 'link', small: true, label: t('notifications.mail.unsubscribe'), href: data.unsubscribe! },
    ],
  },
} satisfies Record<string, MailTemplate>
