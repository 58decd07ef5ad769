import { catalogues, easyCatalogues, type PlatformMessageKeys } from './catalogues.ts'
import { dateTimeFormat } from './intl.ts'

export const locales = ['fr', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'fr'

/**
 * Every text key the code may name, so that `t()` is checked at compile time. The platform's keys
 * are here; each domain adds its own in its module file by declaration merging, the way Fastify
 * decorators are typed, so the platform imports no domain.
 */
export interface MessageCatalogue extends PlatformMessageKeys {}
export type MessageKey = Extract<keyof MessageCatalogue, string>
export type Params = Record<string, string | number>
export type Translate = (key: MessageKey, params?: Params) => string

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

export interface TranslatorOptions {
  /** prefer the easy-to-read text of a key where one is written (easy-read.ts) */
  easyRead?: boolean
}

/**
 * `names` fills the placeholders a text leaves to its context (the territory's name forms, see
 * platform/tenancy/name-forms.ts): a request's translator and a mail's carry them, so no caller
 * pastes a name into a sentence; what a caller passes wins.
 */
export function translator(locale: Locale, names?: Params, options: TranslatorOptions = {}): Translate {
  const table: Record<string, string> = catalogues[locale]
  const easy: Record<string, string> | undefined = options.easyRead ? easyCatalogues[locale] : undefined
  return (key, given) => {
    // A key no module registered shows as itself rather than crashing a page.
    const template = easy?.[key] ?? table[key] ?? catalogues.fr[key] ?? key
    if ((given === undefined && names === undefined) || !template.includes('{')) return template
    // A value ending with an abbreviation's dot (« Jeanne L. ») closes the sentence with that
    // one dot, as French and English typography want, not two.
    return template.replace(/\{(\w+)\}(\.?)/g, (whole: string, name: string, stop: string) => {
      const found = given?.[name] ?? names?.[name]
      if (found === undefined) return whole
      const value = String(found)
      return stop && value.endsWith('.') ? value : value + stop
    })
  }
}

/** Picks the first supported language of an Accept-Language header, French when none fits. */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return defaultLocale
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';')
      const q = rest.find((p) => p.trim().startsWith('q='))
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 }
    })
    .sort((a, b) => b.q - a.q)
  return (ranked.find((r) => isLocale(r.lang))?.lang as Locale | undefined) ?? defaultLocale
}

/** Dates are stored in UTC and always shown in the territory's time zone. */
export function formatDateTime(date: Date, locale: Locale): string {
  return dateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(date)
}
