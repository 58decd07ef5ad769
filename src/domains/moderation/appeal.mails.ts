import type { MailTemplate } from '../../platform/mail/templates.tsx'

/**
 * The person's mails about a sanction's life: the decision again with a fresh appeal link, the
 * answer to their appeal, the end of a suspension. The moderator is never named.
 */
export const appealMails = {
  /** Asked for from the sign-in page of a suspended account: the decision and a new link to contest it. */
  'sanction-reminder': {
    subject: 'appeal.mail.reminder.subject',
    required: ['name', 'what', 'reason', 'explanation', 'link'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('appeal.mail.greeting', { name: data.name! }) },
      { kind: 'paragraph', text: data.what! },
      { kind: 'paragraph', text: t('appeal.mail.reason', { reason: data.reason! }) },
      { kind: 'paragraph', text: t('appeal.mail.explanation', { text: data.explanation! }) },
      { kind: 'paragraph', text: t('appeal.mail.howToAppeal') },
      { kind: 'button', label: t('appeal.mail.button'), href: data.link! },
      { kind: 'note', text: t('appeal.mail.linkNote') },
    ],
  },
  /** Another moderator answered the appeal: lifted or kept, with their words. */
  'appeal-answered': {
    subject: 'appeal.mail.answered.subject',
    required: ['name', 'outcome', 'answer'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('appeal.mail.greeting', { name: data.name! }) },
      { kind: 'paragraph', text: data.outcome! },
      { kind: 'paragraph', text: t('appeal.mail.answer', { text: data.answer! }) },
      ...(data.signIn
        ? [{ kind: 'button' as const, label: t('appeal.mail.signIn'), href: data.signIn }]
        : []),
    ],
  },
  /** A suspension's time is up: the person may sign in again. */
  'suspension-ended': {
    subject: 'appeal.mail.ended.subject',
    required: ['name', 'link'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('appeal.mail.greeting', { name: data.name! }) },
      { kind: 'paragraph', text: t('appeal.mail.ended.text') },
      { kind: 'button', label: t('appeal.mail.signIn'), href: data.link! },
    ],
  },
} satisfies Record<string, MailTemplate>
