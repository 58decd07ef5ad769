import type { EasyRead } from './define.ts'
import type { Locale, MessageKey } from './i18n.ts'

/**
 * Declares a concept's easy-to-read texts (FALC, « Facile à lire et à comprendre ») for keys its
 * usual texts already have: a key no catalogue declares fails to compile, and English must word
 * exactly the French keys. A page in easy-read mode shows these where they exist, the usual text
 * elsewhere, so a journey can be rewritten one sentence at a time.
 */
export function defineEasyRead<const F extends Partial<Record<MessageKey, string>>>(
  fr: F & Record<Exclude<keyof F, MessageKey>, never>,
  en: { [K in keyof F]: string },
): EasyRead {
  return { fr, en }
}

/** The placeholders a text names, once each: an easy text may name a person twice, never another. */
const holes = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort().join(', ')

/**
 * What is wrong with some easy texts against the usual catalogues: a key the catalogue lacks, or
 * placeholders that differ from the usual text's (a dropped {name} would leave a blank; an added
 * one would show as « {name} »). Empty when all is right.
 */
export function easyReadProblems(
  usual: Record<Locale, Record<string, string>>,
  easy: Record<Locale, Partial<Record<string, string>>>,
): string[] {
  const problems: string[] = []
  for (const locale of Object.keys(easy) as Locale[]) {
    for (const [key, text] of Object.entries(easy[locale])) {
      const plain = usual[locale][key]
      if (plain === undefined) problems.push(`${locale} ${key}: no usual text has this key`)
      else if (!text?.trim()) problems.push(`${locale} ${key}: empty`)
      else if (holes(text) !== holes(plain))
        problems.push(`${locale} ${key}: placeholders {${holes(text)}} instead of {${holes(plain)}}`)
    }
  }
  return problems
}
