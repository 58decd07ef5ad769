import type { MailTemplate } from '../../platform/mail/templates.tsx'

/**
 * The mass call for volunteers. Subject and body are the coordinator's words: the layout escapes
 * them in HTML and the subject loses its line breaks, so no text becomes markup or a header.
 */
export const calloutMails = {
  'volunteer-callout': {
    subject: 'callout.mail.subject',
    required: ['subject', 'body', 'link', 'unsubscribe'],
    blocks: ({ t, platform, data }) => [
      ...data
        .body!.split(/\n{2,}/)
        .map((text) => ({ kind: 'paragraph' as const, text: text.replace(/\n/g, ' ') })),
      { kind: 'button', label: t('callout.mail.open'), href: data.link! },
      { kind: 'note', text: t('callout.mail.why', { platform }) },
      { kind: 'link', small: true, label: t('callout.mail.unsubscribe'), href: data.unsubscribe! },
    ],
  },
} satisfies Record<string, MailTemplate>
