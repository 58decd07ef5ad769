import type { MailTemplate } from '../../platform/mail/templates.tsx'

/**
 * Mails about one's own listings. Titles are the author's words: the mail layout escapes them in
 * HTML, and the subject line loses line breaks, so no text can become markup or a header.
 */
export const listingMails = {
  /** Three days before expiry; the link opens a page that renews with a click, signed in. */
  'listing-expiring': {
    subject: 'listing.mail.expiring.subject',
    required: ['name', 'title', 'date', 'link'],
    blocks: ({ t, platform, data }) => [
      { kind: 'paragraph', text: t('listing.mail.expiring.greeting', { name: data.name! }) },
      {
        kind: 'paragraph',
        text: t('listing.mail.expiring.intro', { title: data.title!, platform, date: data.date! }),
      },
      { kind: 'button', label: t('listing.mail.expiring.button'), href: data.link! },
      { kind: 'note', text: t('listing.mail.expiring.note') },
    ],
  },
} satisfies Record<string, MailTemplate>
