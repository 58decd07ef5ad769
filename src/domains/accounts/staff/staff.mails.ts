import type { MailTemplate } from '../../../platform/mail/templates.tsx'
import { isStaffRole, ROLE_LABEL } from './staff.ts'

export const staffMails = {
  /** An administrator (or `entraide create-admin`) invites someone to the territory's staff. */
  'staff-invite': {
    subject: 'staff.invite.mail.subject',
    required: ['link', 'role', 'inviter'],
    blocks: ({ t, platform, data }) => {
      const role = isStaffRole(data.role) ? t(ROLE_LABEL[data.role]) : ''
      return [
        { kind: 'paragraph', text: t('mail.greeting') },
        {
          kind: 'paragraph',
          text: data.inviter
            ? t('staff.invite.mail.intro', { name: data.inviter, platform, role })
            : t('staff.invite.mail.introOperator', { platform, role }),
        },
        { kind: 'button', label: t('staff.invite.mail.button'), href: data.link! },
        { kind: 'paragraph', text: t('staff.invite.mail.secondFactor') },
        { kind: 'note', text: t('staff.invite.mail.expiry') },
      ]
    },
  },
} satisfies Record<string, MailTemplate>
