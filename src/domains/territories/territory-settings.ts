import type { MessageKey } from '../../platform/i18n/i18n.ts'
import {
  type LegalDetailKey,
  legalDetailKeys,
  nameFormKeys,
  type TerritoryLegalDetails,
  type TerritoryNameForms,
} from '../../platform/tenancy/territory.schema.ts'
import type { Issue } from '../../platform/validation.ts'

export type NameFormKey = (typeof nameFormKeys)[number]
export type SettingsField = 'institutionUrl' | NameFormKey | LegalDetailKey | 'smsDailyCap'
export type SettingsInput = Record<SettingsField, string>

export const settingsFields: readonly SettingsField[] = [
  'institutionUrl',
  ...nameFormKeys,
  ...legalDetailKeys,
  'smsDailyCap',
]

/** What a valid form gives: empty name forms are left out (they are derived), empty details too. */
export interface Settings {
  institutionUrl: string | null
  nameForms: Partial<TerritoryNameForms>
  legalDetails: TerritoryLegalDetails
  /** SMS per Paris day, in billed SMS (a long message counts for several) */
  smsDailyCap: number
}

export const TEXT_MAX = 300
export const URL_MAX = 200
export const FORM_MAX = 80
/** The default cap, a few hundred euros a month at most; an administrator raises it knowingly. */
export const SMS_CAP_DEFAULT = 200
export const SMS_CAP_MAX = 100_000

/** How each form must open, so that « {areaOf} » reads « du Calvados » and never « Calvados ». */
const FORM_OPENING: Record<NameFormKey, RegExp> = {
  area: /^(le |la |les |l’|\p{Lu})/u,
  areaOf: /^(du |de la |de l’|des |de |d’)/,
  areaIn: /^(dans |en |à |au |aux )/,
  institution: /^(le |la |les |l’)/,
  institutionOf: /^(du |de la |de l’|des |de |d’)/,
  institutionTo: /^(au |aux |à la |à l’|à )/,
}

const FORM_ERROR = {
  area: 'settings.error.form.area',
  areaOf: 'settings.error.form.areaOf',
  areaIn: 'settings.error.form.areaIn',
  institution: 'settings.error.form.institution',
  institutionOf: 'settings.error.form.institutionOf',
  institutionTo: 'settings.error.form.institutionTo',
} as const satisfies Record<NameFormKey, MessageKey>

const DATE_FIELDS = new Set<SettingsField>(['statementDate', 'auditDate'])

/** Typed as people type: straight apostrophes become typographic, runs of spaces one space. */
const tidy = (value: string) => value.replace(/'/g, '’').replace(/\s+/g, ' ').trim()

/**
 * Checks the settings form. Markup (« < », « > ») is refused in every text: the pages escape it,
 * but a legal notice holding tags would be someone's attempt, not an address. The institution's
 * link is https only, without credentials. Dates are real days, not after `today`.
 */
export function checkSettings(input: SettingsInput, today: string): { value: Settings; issues: Issue[] } {
  const issues: Issue[] = []
  const value: Settings = {
    institutionUrl: null,
    nameForms: {},
    legalDetails: {},
    smsDailyCap: SMS_CAP_DEFAULT,
  }
  const refuse = (field: SettingsField, key: MessageKey, params?: Record<string, string | number>) =>
    issues.push(params ? { field, key, params } : { field, key })

  for (const field of settingsFields) {
    const text = tidy(input[field] ?? '')
    if (text === '') continue
    if (/[<>]/.test(text)) {
      refuse(field, 'settings.error.markup')
      continue
    }
    if (field === 'smsDailyCap') {
      const digits = text.replace(/[\s\u202f]/g, '')
      if (/^\d{1,6}$/.test(digits) && Number(digits) <= SMS_CAP_MAX) value.smsDailyCap = Number(digits)
      else refuse(field, 'settings.error.smsCap', { max: SMS_CAP_MAX })
    } else if (field === 'institutionUrl') {
      const url = checkUrl(text)
      if (url) value.institutionUrl = url
      else refuse(field, 'settings.error.url')
    } else if ((nameFormKeys as readonly string[]).includes(field)) {
      const key = field as NameFormKey
      if (text.length > FORM_MAX) refuse(field, 'settings.error.formLength', { max: FORM_MAX })
      else if (!FORM_OPENING[key].test(text)) refuse(field, FORM_ERROR[key])
      else value.nameForms[key] = text
    } else if (DATE_FIELDS.has(field)) {
      if (!isDay(text)) refuse(field, 'settings.error.date')
      else if (text > today) refuse(field, 'settings.error.future')
      else value.legalDetails[field as LegalDetailKey] = text
    } else if (field === 'auditRate') {
      const rate = Number(text.replace(',', '.').replace(/\s*%$/, ''))
      if (!/^\d{1,3}([.,]\d{1,2})?\s*%?$/.test(text) || !(rate >= 0 && rate <= 100))
        refuse(field, 'settings.error.rate')
      else value.legalDetails.auditRate = String(rate)
    } else if (text.length > TEXT_MAX) refuse(field, 'settings.error.length', { max: TEXT_MAX })
    else value.legalDetails[field as LegalDetailKey] = text
  }
  if (
    value.legalDetails.auditDate &&
    !value.legalDetails.auditRate &&
    !issues.some((i) => i.field === 'auditRate')
  )
    refuse('auditRate', 'settings.error.rateMissing')
  return { value, issues }
}

function checkUrl(text: string): string | null {
  if (text.length > URL_MAX || !text.startsWith('https://')) return null
  try {
    const url = new URL(text)
    if (url.protocol !== 'https:' || url.username || url.password || !url.hostname.includes('.')) return null
    return url.href
  } catch {
    return null
  }
}

function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const day = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text
}
