import type { Locale, Params } from '../i18n/i18n.ts'
import { nameFormKeys, type TerritoryNameForms } from './territory.schema.ts'

export { nameFormKeys, type TerritoryNameForms }

const VOWEL = /^[aeiouyhàâäéèêëîïôöûüœæ]/i
const ARTICLE = /^(le|la|les)\s+|^l[’']/i

/** « le Calvados » → « Calvados »; a name without article stays as it is. */
export function withoutArticle(form: string): string {
  return form.replace(ARTICLE, '')
}

/**
 * « le X » → « du X », « la X » → « de la X », « les X » → « des X », « l’X » → « de l’X »; a
 * name without article takes « de », elided before a vowel or a mute h (« d’Entraide Calvados »).
 */
export function ofForm(form: string): string {
  const m = /^(le|la|les)\s+(.*)$/i.exec(form)
  if (m) {
    const article = m[1]!.toLowerCase()
    return `${article === 'le' ? 'du' : article === 'les' ? 'des' : 'de la'} ${m[2]}`
  }
  if (/^l[’']/i.test(form)) return `de l’${form.slice(2)}`
  return VOWEL.test(form) ? `d’${form}` : `de ${form}`
}

/** « le X » → « au X », « les X » → « aux X », « la X » → « à la X », « l’X » → « à l’X », else « à X ». */
export function toForm(form: string): string {
  const m = /^(le|la|les)\s+(.*)$/i.exec(form)
  if (m) {
    const article = m[1]!.toLowerCase()
    return `${article === 'le' ? 'au' : article === 'les' ? 'aux' : 'à la'} ${m[2]}`
  }
  if (/^l[’']/i.test(form)) return `à l’${form.slice(2)}`
  return `à ${form}`
}

const FEMININE_WORD = /^(Collectivité|Communauté|Métropole|Région|Ville|Mairie|Préfecture|Maison)(?=\s|$)/
/** Names that open with a common noun take an article (« du Département… »), unlike a brand name. */
const INSTITUTION_WORD =
  /^(Département|Conseil|Territoire|Collectivité|Communauté|Métropole|Région|Ville|Mairie|Préfecture)(?=\s|$)/

/** A name with its article, guessed from its first word when the name has none. */
function articled(name: string): string {
  const trimmed = name.trim().replace(/^l'/i, 'l’')
  if (ARTICLE.test(trimmed)) return trimmed.replace(/^(Le|La|Les|L’)/, (a) => a.toLowerCase())
  if (VOWEL.test(trimmed)) return `l’${trimmed}`
  if (FEMININE_WORD.test(trimmed)) return `la ${trimmed}`
  return `le ${trimmed}`
}

/** « Département du Calvados » names its area « le Calvados »; « de l’Orne » « l’Orne »; « de Mayotte » « Mayotte ». */
function areaOfOfficial(officialName: string): string | null {
  const m = /\s(du|de la|de l[’']|des|de)\s*(.+)$/.exec(officialName.trim())
  if (!m) return null
  const [, link, rest] = m
  if (link === 'du') return `le ${rest}`
  if (link === 'de la') return `la ${rest}`
  if (link === 'des') return `les ${rest}`
  if (link?.startsWith('de l')) return `l’${rest}`
  return rest!
}

/**
 * The forms a territory starts with, derived from its names: the institution with its article,
 * the area from the institution's name (« Département du Calvados » → « le Calvados »), or from
 * the platform's name without its first word (« Entraide Calvados » → « le Calvados »).
 */
export function deriveNameForms(officialName: string, platformName: string): TerritoryNameForms {
  const institution = articled(officialName)
  const fromPlatform = platformName.trim().split(/\s+/).slice(1).join(' ') || platformName.trim()
  const area = areaOfOfficial(officialName) ?? articled(fromPlatform)
  return {
    area,
    areaOf: ofForm(area),
    areaIn: ARTICLE.test(area) ? `dans ${area}` : `en ${area}`,
    institution,
    institutionOf: ofForm(institution),
    institutionTo: toForm(institution),
  }
}

/** What is stored, completed by what is derived: a form never missing, whatever an old row holds. */
export function resolveNameForms(
  stored: Partial<TerritoryNameForms> | null,
  officialName: string,
  platformName: string,
): TerritoryNameForms {
  const derived = deriveNameForms(officialName, platformName)
  const forms = { ...derived }
  for (const key of nameFormKeys) {
    const value = stored?.[key]?.trim()
    if (value) forms[key] = value
  }
  return forms
}

/** « d’Entraide Calvados »; a platform named after its area (« Calvados ») takes the area's form. */
function platformOf(platform: string, area: string): string {
  if (platform === withoutArticle(area)) return ofForm(area)
  return ofForm(INSTITUTION_WORD.test(platform) ? articled(platform) : platform)
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * The placeholders every text may use to name the territory, in the reader's language: a request's
 * translator and a mail's fill them, so a sentence writes « {institutionTo} » and reads « au
 * Département du Calvados » (« to the Département du Calvados »), never a name pasted after « de ».
 */
export function territoryNames(
  territory: { platformName: string; officialName: string; nameForms: TerritoryNameForms } | null,
  locale: Locale,
): Params | undefined {
  if (!territory) return undefined
  const { platformName: platform, officialName: official, nameForms: f } = territory
  if (locale === 'en') {
    const area = withoutArticle(f.area)
    return {
      platform,
      official,
      platformOf: `of ${platform}`,
      institution: `the ${official}`,
      Institution: `The ${official}`,
      institutionOf: `of the ${official}`,
      institutionTo: `to the ${official}`,
      area,
      areaOf: `of ${area}`,
      areaIn: `in ${area}`,
    }
  }
  return {
    platform,
    official,
    platformOf: platformOf(platform, f.area),
    institution: f.institution,
    Institution: capital(f.institution),
    institutionOf: f.institutionOf,
    institutionTo: f.institutionTo,
    area: f.area,
    areaOf: f.areaOf,
    areaIn: f.areaIn,
  }
}
