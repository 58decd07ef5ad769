import type { MailBlock } from '../../platform/mail/mail-layout.tsx'
import type { MailTemplate } from '../../platform/mail/templates.tsx'

/**
 * Alerts of saved searches. Data is written by alerts.jobs.ts: the listing's words as its author
 * typed them (escaped by the layout), and links to the listing and to the one-click unsubscribe.
 */
/** The lines of a section, under its title when it has one; nothing when it has no line. */
function section(title: string | null, lines: string): MailBlock[] {
  const items = lines.split('\n').filter((line) => line !== '')
  if (items.length === 0) return []
  return [
    ...(title ? [{ kind: 'paragraph' as const, text: title }] : []),
    ...items.map((line) => ({ kind: 'paragraph' as const, text: line })),
  ]
}

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
      { kind: 'link', small: true, label: t('alerts.mail.unsubscribe'), href: data.unsubscribe! },
    ],
  },
  /** One new mission of a verified organisation matches an alert « à chaque annonce ». */
  'alert-mission': {
    subject: 'alerts.mission.subject',
    required: ['title', 'line', 'summary', 'link', 'unsubscribe'],
    blocks: ({ t, platform, data }) => [
      { kind: 'paragraph', text: t('alerts.mission.intro', { summary: data.summary! }) },
      { kind: 'paragraph', text: data.line! },
      { kind: 'button', label: t('alerts.mission.open'), href: data.link! },
      { kind: 'note', text: t('alerts.mail.why', { platform }) },
      { kind: 'link', small: true, label: t('alerts.mail.unsubscribe'), href: data.unsubscribe! },
    ],
  },
  /**
   * The day's news for an alert « une fois par jour »: `items` holds one listing a line, and
   * `missions` (optional, absent in mails queued before missions joined) one mission a line, each
   * in its own section when both have some.
   */
  'alert-digest': {
    subject: 'alerts.digest.subject',
    required: ['count', 'items', 'summary', 'link', 'unsubscribe'],
    blocks: ({ t, platform, data }) => [
      { kind: 'paragraph', text: t('alerts.digest.intro', { summary: data.summary! }) },
      ...section(data.missions ? t('alerts.digest.listings') : null, data.items!),
      ...section(t('alerts.digest.missions'), data.missions ?? ''),
      { kind: 'button', label: t('alerts.digest.more'), href: data.link! },
      { kind: 'note', text: t('alerts.mail.why', { platform }) },
      { kind: 'link', small: true, label: t('alerts.mail.unsubscribe'), href: data.unsubscribe! },
    ],
  },
} satisfies Record<string, MailTemplate>
