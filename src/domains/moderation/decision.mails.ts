import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { MailTemplate } from '../../platform/mail/templates.tsx'

/** What was decided, in the person's words: the key of each decision's first sentence. */
const whatKeys: Record<string, MessageKey> = {
  reject: 'decision.mail.what.reject',
  change: 'decision.mail.what.change',
  hide: 'decision.mail.what.hide',
  warn: 'decision.mail.what.warn',
  suspend: 'decision.mail.what.suspend',
  ban: 'decision.mail.what.ban',
}

/**
 * The person is told of every decision that concerns them, in plain words: what, why (the
 * reason and the moderator's own words), until when, and how to contest it: the link opens the
 * appeal form without signing in (a suspended person cannot), and « Mon compte » offers it too.
 * Subjects name nothing: a subject shows in lists anyone may glance at.
 */
export const decisionMails = {
  'moderation-decision': {
    subject: 'decision.mail.subject',
    required: ['name', 'decision', 'subject', 'reason', 'explanation', 'appealLink'],
    blocks: ({ t, data, platform }) => {
      const what = whatKeys[data.decision ?? '']
      return [
        { kind: 'paragraph', text: t('decision.mail.greeting', { name: data.name! }) },
        ...(what
          ? [{ kind: 'paragraph' as const, text: t(what, { subject: data.subject!, platform }) }]
          : []),
        ...(data.until
          ? [{ kind: 'paragraph' as const, text: t('decision.mail.until', { until: data.until }) }]
          : []),
        { kind: 'paragraph', text: t('decision.mail.reason', { reason: data.reason! }) },
        { kind: 'paragraph', text: t('decision.mail.words', { explanation: data.explanation! }) },
        { kind: 'paragraph', text: t('decision.mail.appeal') },
        { kind: 'button', label: t('decision.mail.appealButton'), href: data.appealLink! },
        { kind: 'note', text: t('decision.mail.account', { platform }) },
      ]
    },
  },
  /** A held mission or need published from the queue (a listing has its own mail, `tellAuthorReviewed`). */
  'moderation-published': {
    subject: 'decision.mail.published.subject',
    required: ['name', 'subject', 'link'],
    blocks: ({ t, data, platform }) => [
      { kind: 'paragraph', text: t('decision.mail.greeting', { name: data.name! }) },
      { kind: 'paragraph', text: t('decision.mail.published.text', { subject: data.subject!, platform }) },
      { kind: 'button', label: t('decision.mail.published.button'), href: data.link! },
    ],
  },
  /** To the other party of an exchange a suspension or a ban stopped: no name of a reason, no detail. */
  'moderation-exchange-paused': {
    subject: 'decision.mail.paused.subject',
    required: ['name', 'link'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('decision.mail.greeting', { name: data.name! }) },
      { kind: 'paragraph', text: t('decision.mail.paused.text') },
      { kind: 'button', label: t('decision.mail.paused.button'), href: data.link! },
    ],
  },
} satisfies Record<string, MailTemplate>
