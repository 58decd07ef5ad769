import type { MailTemplate } from '../../platform/mail/templates.tsx'

/**
 * Mails about pledges. Titles, units and names are people's words: the mail layout escapes them
 * in HTML, and the subject line loses line breaks, so no text can become markup or a header.
 */
export const needMails = {
  /** To each manager of the organisation, when someone pledges to one of its needs. */
  'need-pledged': {
    subject: 'needs.mail.pledged.subject',
    required: ['name', 'person', 'amount', 'title', 'dropPoint', 'link'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('needs.mail.pledged.greeting', { name: data.name! }) },
      {
        kind: 'paragraph',
        text: t('needs.mail.pledged.body', {
          person: data.person!,
          amount: data.amount!,
          title: data.title!,
          dropPoint: data.dropPoint!,
        }),
      },
      { kind: 'button', label: t('needs.mail.pledged.button'), href: data.link! },
    ],
  },
  /** To the giver, when the organisation confirms what it received. */
  'pledge-received': {
    subject: 'needs.mail.received.subject',
    required: ['name', 'amount', 'title', 'link'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('needs.mail.pledged.greeting', { name: data.name! }) },
      {
        kind: 'paragraph',
        text: t('needs.mail.received.body', { amount: data.amount!, title: data.title! }),
      },
      { kind: 'button', label: t('needs.mail.received.button'), href: data.link! },
    ],
  },
} satisfies Record<string, MailTemplate>
