import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { MailTemplate } from '../../platform/mail/templates.tsx'

const decisionText: Record<string, MessageKey> = {
  verify: 'organisation.mail.decision.verify',
  refuse: 'organisation.mail.decision.refuse',
  suspend: 'organisation.mail.decision.suspend',
  reinstate: 'organisation.mail.decision.reinstate',
}

export const organisationMails = {
  /** A manager invites someone to join the organisation, as manager or member. */
  'organisation-invite': {
    subject: 'organisation.mail.invite.subject',
    required: ['link', 'organisation', 'inviter', 'role'],
    blocks: ({ t, platform, data }) => [
      { kind: 'paragraph', text: t('mail.greeting') },
      {
        kind: 'paragraph',
        text: t(
          data.role === 'manager' ? 'organisation.mail.invite.manager' : 'organisation.mail.invite.member',
          {
            name: data.inviter!,
            organisation: data.organisation!,
            platform,
          },
        ),
      },
      { kind: 'button', label: t('organisation.mail.invite.button'), href: data.link! },
      { kind: 'note', text: t('organisation.mail.invite.expiry') },
    ],
  },
  /** Staff or a partner verified, refused, suspended or reinstated the organisation. */
  'organisation-decision': {
    subject: 'organisation.mail.decision.subject',
    required: ['organisation', 'decision', 'reason', 'link'],
    blocks: ({ t, platform, data }) => {
      const key = decisionText[data.decision ?? '']
      return [
        { kind: 'paragraph', text: t('mail.greeting') },
        ...(key
          ? [{ kind: 'paragraph' as const, text: t(key, { organisation: data.organisation!, platform }) }]
          : []),
        ...(data.reason
          ? [
              {
                kind: 'paragraph' as const,
                text: t('organisation.mail.decision.reason', { reason: data.reason }),
              },
            ]
          : []),
        { kind: 'button', label: t('organisation.mail.decision.button'), href: data.link! },
      ]
    },
  },
} satisfies Record<string, MailTemplate>
