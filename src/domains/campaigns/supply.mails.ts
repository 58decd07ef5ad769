import type { MailTemplate } from '../../platform/mail/templates.tsx'

/**
 * Mails to makers. Titles, units and reasons are people's words: the mail layout escapes them in
 * HTML, and the subject line loses line breaks, so no text can become markup or a header.
 */
export const supplyMails = {
  /** To the maker, when those who run the campaign confirm a batch on receipt. */
  'campaign-batch-confirmed': {
    subject: 'supply.mail.confirmed.subject',
    required: ['name', 'title', 'declared', 'received', 'link'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('supply.mail.greeting', { name: data.name! }) },
      {
        kind: 'paragraph',
        text: t('supply.mail.confirmed.body', {
          declared: data.declared!,
          title: data.title!,
          received: data.received!,
        }),
      },
      { kind: 'button', label: t('supply.mail.button'), href: data.link! },
    ],
  },
  /** To the maker, when a batch is refused, with the reason. */
  'campaign-batch-refused': {
    subject: 'supply.mail.refused.subject',
    required: ['name', 'title', 'declared', 'reason', 'link'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('supply.mail.greeting', { name: data.name! }) },
      {
        kind: 'paragraph',
        text: t('supply.mail.refused.body', {
          declared: data.declared!,
          title: data.title!,
          reason: data.reason!,
        }),
      },
      { kind: 'button', label: t('supply.mail.button'), href: data.link! },
    ],
  },
} satisfies Record<string, MailTemplate>
