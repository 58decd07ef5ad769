import type { MailTemplate } from '../../../platform/mail/templates.tsx'

/**
 * Mails of the identity flows. Every link in them carries its token in the query string (request
 * logs omit it) and leads to a page that asks for a click: a mail scanner that opens links spends nothing.
 */
export const accountMails = {
  /** After sign-up and on « renvoyer le lien ». */
  'verify-email': {
    subject: 'verify.mail.subject',
    required: ['name', 'link'],
    blocks: ({ t, platform, data }) => [
      { kind: 'paragraph', text: t('verify.mail.greeting', { name: data.name! }) },
      { kind: 'paragraph', text: t('verify.mail.intro', { platform }) },
      { kind: 'button', label: t('verify.mail.button'), href: data.link! },
      { kind: 'note', text: t('verify.mail.validity') },
      { kind: 'note', text: t('verify.mail.notYou', { platform }) },
    ],
  },
  /**
   * Sign-up with an address that has an account: the page said the same as for a new address, so
   * the mail is where the person learns it, and only the owner of the mailbox does.
   */
  'signup-existing': {
    subject: 'signup.existing.subject',
    required: ['name', 'login', 'reset'],
    blocks: ({ t, platform, data }) => [
      { kind: 'paragraph', text: t('signup.existing.greeting', { name: data.name! }) },
      { kind: 'paragraph', text: t('signup.existing.intro', { platform }) },
      { kind: 'button', label: t('signup.existing.login'), href: data.login! },
      { kind: 'paragraph', text: t('signup.existing.forgot') },
      { kind: 'link', label: t('signup.existing.reset'), href: data.reset! },
      { kind: 'note', text: t('signup.existing.notYou') },
    ],
  },
  /** « Mot de passe oublié » for an address that has an account. */
  'reset-password': {
    subject: 'reset.mail.subject',
    required: ['name', 'link'],
    blocks: ({ t, platform, data }) => [
      { kind: 'paragraph', text: t('reset.mail.greeting', { name: data.name! }) },
      { kind: 'paragraph', text: t('reset.mail.intro', { platform }) },
      { kind: 'button', label: t('reset.mail.button'), href: data.link! },
      { kind: 'note', text: t('reset.mail.validity') },
      { kind: 'note', text: t('reset.mail.notYou') },
    ],
  },
  /**
   * « Mot de passe oublié » for an address with no account: the page said the same as for a known
   * address, so the mail is where the person learns it, and only the owner of the mailbox does.
   */
  'reset-password-unknown': {
    subject: 'reset.unknown.subject',
    required: ['link'],
    blocks: ({ t, platform, data }) => [
      { kind: 'paragraph', text: t('reset.unknown.greeting') },
      { kind: 'paragraph', text: t('reset.unknown.intro', { platform }) },
      { kind: 'button', label: t('reset.unknown.button'), href: data.link! },
      { kind: 'note', text: t('reset.unknown.notYou') },
    ],
  },
  /** Sent to the new address: the change happens only when this link is used. */
  'email-change-confirm': {
    subject: 'email.change.mail.subject',
    required: ['name', 'link'],
    blocks: ({ t, platform, data }) => [
      { kind: 'paragraph', text: t('email.change.mail.greeting', { name: data.name! }) },
      { kind: 'paragraph', text: t('email.change.mail.intro', { platform }) },
      { kind: 'button', label: t('email.change.mail.button'), href: data.link! },
      { kind: 'note', text: t('email.change.mail.validity') },
      { kind: 'note', text: t('email.change.mail.notYou') },
    ],
  },
  /** Sent to the old address once the change is done, so a hijacked account does not go unnoticed. */
  'email-changed-notice': {
    subject: 'email.changed.mail.subject',
    required: ['name', 'newEmail'],
    blocks: ({ t, platform, data, territory }) => [
      { kind: 'paragraph', text: t('email.changed.mail.greeting', { name: data.name! }) },
      {
        kind: 'paragraph',
        text: t('email.changed.mail.intro', { platform, email: data.newEmail! }),
      },
      {
        kind: 'note',
        text: t('email.changed.mail.notYou', { contact: territory?.contactEmail ?? platform }),
      },
    ],
  },
} satisfies Record<string, MailTemplate>
