import type { MailTemplate } from '../../platform/mail/templates.tsx'

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ kind: 'paragraph' as const, text: `– ${line}` }))

/**
 * Mails about missions. Subjects name the mission at most, never a volunteer: a subject shows in
 * notifications and lists anyone may glance at. Titles are the organisation's words, escaped by
 * the mail layout.
 */
export const missionMails = {
  /** To a manager who chose « each time »: a volunteer signed up. */
  'mission-signup': {
    subject: 'mission.mail.signup.subject',
    required: ['name', 'volunteer', 'title', 'slots', 'link'],
    blocks: ({ t, data, platform }) => [
      { kind: 'paragraph', text: t('mission.mail.greeting', { name: data.name! }) },
      {
        kind: 'paragraph',
        text: t('mission.mail.signup.intro', { volunteer: data.volunteer!, title: data.title! }),
      },
      ...lines(data.slots),
      { kind: 'button', label: t('mission.mail.roster'), href: data.link! },
      { kind: 'note', text: t('mission.mail.noticesNote', { platform }) },
    ],
  },
  /** To a manager who chose « each time »: a volunteer withdrew. */
  'mission-withdrawal': {
    subject: 'mission.mail.withdrawal.subject',
    required: ['name', 'volunteer', 'title', 'slots', 'link'],
    blocks: ({ t, data, platform }) => [
      { kind: 'paragraph', text: t('mission.mail.greeting', { name: data.name! }) },
      {
        kind: 'paragraph',
        text: t('mission.mail.withdrawal.intro', { volunteer: data.volunteer!, title: data.title! }),
      },
      ...lines(data.slots),
      { kind: 'button', label: t('mission.mail.roster'), href: data.link! },
      { kind: 'note', text: t('mission.mail.noticesNote', { platform }) },
    ],
  },
  /** To a manager who chose the daily digest: yesterday's sign-ups and withdrawals, one line each. */
  'mission-digest': {
    subject: 'mission.mail.digest.subject',
    required: ['name', 'lines', 'link'],
    blocks: ({ t, data, platform }) => [
      { kind: 'paragraph', text: t('mission.mail.greeting', { name: data.name! }) },
      { kind: 'paragraph', text: t('mission.mail.digest.intro') },
      ...lines(data.lines),
      { kind: 'button', label: t('mission.mail.digest.button'), href: data.link! },
      { kind: 'note', text: t('mission.mail.noticesNote', { platform }) },
    ],
  },
  /** To a volunteer, the day before their slot. */
  'mission-reminder': {
    subject: 'mission.mail.reminder.subject',
    required: ['name', 'organisation', 'title', 'slot', 'place', 'link'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('mission.mail.greeting', { name: data.name! }) },
      {
        kind: 'paragraph',
        text: t('mission.mail.reminder.intro', { organisation: data.organisation!, title: data.title! }),
      },
      { kind: 'paragraph', text: data.slot! },
      { kind: 'paragraph', text: t('mission.mail.reminder.place', { place: data.place! }) },
      { kind: 'button', label: t('mission.mail.reminder.button'), href: data.link! },
      { kind: 'note', text: t('mission.mail.reminder.note') },
    ],
  },
  /** To a volunteer whose slot the organisation cancelled. */
  'mission-slot-cancelled': {
    subject: 'mission.mail.cancelled.subject',
    required: ['name', 'organisation', 'title', 'slot', 'link'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('mission.mail.greeting', { name: data.name! }) },
      {
        kind: 'paragraph',
        text: t('mission.mail.cancelled.intro', { organisation: data.organisation!, title: data.title! }),
      },
      { kind: 'paragraph', text: data.slot! },
      { kind: 'button', label: t('mission.mail.cancelled.button'), href: data.link! },
    ],
  },
  /** « Remercier »: once per sign-up the organisation marked as attended. */
  'mission-thanks': {
    subject: 'mission.mail.thanks.subject',
    required: ['name', 'organisation', 'title', 'link'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('mission.mail.greeting', { name: data.name! }) },
      {
        kind: 'paragraph',
        text: t('mission.mail.thanks.intro', { organisation: data.organisation!, title: data.title! }),
      },
      { kind: 'button', label: t('mission.mail.thanks.button'), href: data.link! },
    ],
  },
} satisfies Record<string, MailTemplate>
