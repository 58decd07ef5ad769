import { accountMails } from '../../domains/accounts/account.mails.ts'
import { staffMails } from '../../domains/accounts/staff.mails.ts'
import { alertMails } from '../../domains/listings/alerts.mails.ts'
import { listingMails } from '../../domains/listings/listing.mails.ts'
import { conversationMails } from '../../domains/matches/conversation.mails.ts'
import { notificationMails } from '../../domains/notifications/notification.mails.ts'
import { formatDateTime, type Locale, type MessageKey, type Translate, translator } from '../i18n/i18n.ts'
import type { Territory } from '../tenancy/territory.ts'
import { type MailBlock, type MailFrame, renderMailHtml, renderMailText } from './mail-layout.tsx'

export interface MailContext {
  t: Translate
  locale: Locale
  territory: Territory | null
  /** the platform's name as the recipient knows it */
  platform: string
  data: Record<string, string>
  now: Date
  /** the platform's address for links, when configured */
  baseUrl: string | null
}

export interface MailTemplate {
  subject: MessageKey
  /** data the caller must give; checked when the mail is written, not when the job runs */
  required: readonly string[]
  blocks(ctx: MailContext): MailBlock[]
}

const templates = {
  /** `entraide mail:test --to …`: proves the configuration sends mail. */
  test: {
    subject: 'mail.test.subject',
    required: [],
    blocks: ({ t, platform, data, now, locale, baseUrl }) => [
      { kind: 'paragraph', text: t('mail.greeting') },
      { kind: 'paragraph', text: t('mail.test.intro', { platform }) },
      ...(data.note ? [{ kind: 'paragraph' as const, text: t('mail.test.note', { note: data.note }) }] : []),
      ...(baseUrl
        ? [{ kind: 'button' as const, label: t('mail.test.open', { platform }), href: baseUrl }]
        : []),
      {
        kind: 'note',
        text: `${t('mail.test.sentAt', { date: formatDateTime(now, locale) })} ${t('mail.test.nothingToDo')}`,
      },
    ],
  },
  ...accountMails,
  ...staffMails,
  ...alertMails,
  ...listingMails,
  ...notificationMails,
  ...conversationMails,
} satisfies Record<string, MailTemplate>

export type MailTemplateName = keyof typeof templates

export function isMailTemplateName(name: string): name is MailTemplateName {
  return Object.hasOwn(templates, name)
}

export interface RenderedMail {
  subject: string
  html: string
  text: string
}

const DEFAULT_COLOUR = '#1f4e8c'

export function renderMail(
  name: MailTemplateName,
  input: {
    locale: Locale
    territory: Territory | null
    data: Record<string, string>
    now: Date
    baseUrl: string | null
  },
): RenderedMail {
  const template: MailTemplate = templates[name]
  const missing = template.required.filter((key) => typeof input.data[key] !== 'string')
  if (missing.length > 0) throw new Error(`mail template "${name}" needs data: ${missing.join(', ')}`)
  const t = translator(input.locale)
  const { territory } = input
  const platform = territory?.platformName ?? 'Entraide'
  const ctx: MailContext = { ...input, t, platform }
  // A subject is one header line: a line break in data must not start another header.
  const subject = t(template.subject, { platform, ...input.data }).replace(/[\r\n]+/g, ' ')
  const footer = territory
    ? [
        t('mail.layout.sentBy', { platform, owner: territory.officialName }),
        t('mail.layout.contact', { email: territory.contactEmail }),
      ]
    : [t('mail.layout.sentByPlatform', { platform })]
  const frame: MailFrame = {
    locale: input.locale,
    subject,
    brand: platform,
    colour:
      territory && /^#[0-9a-f]{6}$/i.test(territory.primaryColor) ? territory.primaryColor : DEFAULT_COLOUR,
    blocks: template.blocks(ctx),
    footer,
  }
  return { subject, html: renderMailHtml(frame), text: renderMailText(frame) }
}
