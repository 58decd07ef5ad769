import type { MailTemplate } from '../../platform/mail/templates.tsx'

/**
 * What the author of a held listing hears once a moderator decided: published, or not with the
 * reason. Titles are the author's words; the mail layout escapes them.
 */
export const listingReviewMails = {
  'listing-review-published': {
    subject: 'listingReview.mail.published.subject',
    required: ['name', 'title', 'link'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('listingReview.mail.greeting', { name: data.name! }) },
      { kind: 'paragraph', text: t('listingReview.mail.published.intro', { title: data.title! }) },
      { kind: 'button', label: t('listingReview.mail.published.button'), href: data.link! },
    ],
  },
  'listing-review-rejected': {
    subject: 'listingReview.mail.rejected.subject',
    required: ['name', 'title', 'reason', 'link'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('listingReview.mail.greeting', { name: data.name! }) },
      { kind: 'paragraph', text: t('listingReview.mail.rejected.intro', { title: data.title! }) },
      { kind: 'paragraph', text: data.reason! },
      { kind: 'button', label: t('listingReview.mail.rejected.button'), href: data.link! },
      { kind: 'note', text: t('listingReview.mail.rejected.note') },
    ],
  },
} satisfies Record<string, MailTemplate>
