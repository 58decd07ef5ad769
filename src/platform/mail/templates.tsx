import { formatDateTime, type Locale, type MessageKey, type Translate, translator } from '../i18n/i18n.ts'
import { territoryNames } from '../tenancy/name-forms.ts'
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

/** `entraide mail:test --to …`: proves the configuration sends mail. */
const testMail: MailTemplate = {
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
}

/**
 * Names of the mails the code may send. Each domain adds its templates' names in its module file
 * by declaration merging, so a misspelt name fails the type check while the platform imports no
 * domain; the templates themselves are registered at start from the module descriptions.
 */
export interface MailTemplateRegistry {
  test: MailTemplate
}
export type MailTemplateName = Extract<keyof MailTemplateRegistry, string>

const templates = new Map<string, MailTemplate>([['test', testMail]])

export function registerMailTemplates(named: Record<string, MailTemplate>): void {
  for (const [name, template] of Object.entries(named)) {
    const known = templates.get(name)
    if (known && known !== template) throw new Error(`two mail templates are named "${name}"`)
    templates.set(name, template)
  }
}

/** Every registered mail, for the tests that hold them all to the same rules. */
export function mailTemplateNames(): MailTemplateName[] {
  return [...templates.keys()] as MailTemplateName[]
}

export function isMailTemplateName(name: string): name is MailTemplateName {
  return templates.has(name)
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
  const template = templates.get(name)
  if (!template) throw new Error(`mail template "${name}" is not registered`)
  const missing = template.required.filter((key) => typeof input.data[key] !== 'string')
  if (missing.length > 0) throw new Error(`mail template "${name}" needs data: ${missing.join(', ')}`)
  const { territory } = input
  const t = translator(input.locale, territoryNames(territory, input.locale))
  const platform = territory?.platformName ?? 'Entraide'
  const ctx: MailContext = { ...input, t, platform }
  // A subject is one header line: a line break in data must not start another header.
  const subject = t(template.subject, { platform, ...input.data }).replace(/[\r\n]+/g, ' ')
  const footer = territory
    ? [t('mail.layout.sentBy'), t('mail.layout.contact', { email: territory.contactEmail })]
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
