import type { MailTemplate } from '../../platform/mail/templates.tsx'

/**
 * Alerts of saved searches. Data is written by alerts.jobs.ts: the listing's words as its author
 * typed them (escaped by the layout), and links to the listing and to the one-click unsubscribe.
 */
export const alertMails = {
  /** One new listing matches an alert « à chaque annonce ». */
  'alert-immediate': {
    subject: 'alerts.mail.subject',
    required: ['title', 'category', 'commune', 'summary', 'link', 'unsubscribe'],
    blocks: ({ t, platform, data }) => [
      { kind: 'paragraph', text: t('alerts.mail.intro', { summary: data.summary! }) },
      {
        kind: 'paragraph',
        text: t('alerts.mail.listing', {
          title: data.title!,
          category: data.category!,
          commune: data.commune!,
        }),
      },
      { kind: 'button', label: t('alerts.mail.open'), href: data.link! },
      { kind: 'note', text: t('alerts.mail.why', { platform }) },
      { kind: 'button', label: t('alerts.mail.unsubscribe'), href: data.unsubscribe! },
    ],
  },
  /** The day's new listings for an alert « une fois par jour »; `items` holds one listing a line. */
  'alert-digest': {
    subject: 'alerts.digest.subject',
    required: ['count', 'items', 'summary', 'link', 'unsubscribe'],
    blocks: ({ t, platform, data }) => [
      { kind: 'paragraph', text: t('alerts.digest.intro', { summary: data.summary! }) },
      ...data.items!.split('\n').map((line) => ({ kind: 'paragraph' as const, text: line })),
      { kind: 'button', label: t('alerts.digest.more'), href: data.link! },
      { kind: 'note', text: t('alerts.mail.why', { platform }) },
      { kind: 'button', label: t('alerts.mail.unsubscribe'), href: data.unsubscribe! },
    ],
  },
} satisfies Record<string, MailTemplate>
