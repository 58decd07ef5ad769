import type { MailTemplate } from '../../platform/mail/templates.tsx'

/**
 * Mails of the calls to isolated people. The person is named by first name and initial only: the
 * mail leaves the platform, the agents read the rest on their queue.
 */
export const callsMails = {
  /** To every agent of the territory, at once: a caller's « inquiétude », or a person nobody reaches. */
  'calls-alert': {
    subject: 'calls.mail.alert.subject',
    required: ['name', 'what', 'person', 'link'],
    blocks: ({ t, data }) => [
      { kind: 'paragraph', text: t('calls.mail.alert.greeting', { name: data.name! }) },
      { kind: 'paragraph', text: data.what! },
      { kind: 'paragraph', text: t('calls.mail.alert.queue') },
      { kind: 'button', label: t('calls.mail.alert.button'), href: data.link! },
    ],
  },
} satisfies Record<string, MailTemplate>
