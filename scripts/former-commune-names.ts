// The names of former communes that now belong to a current one, for build-communes.ts: people
// go on writing « Condé-sur-Noireau » years after it became part of Condé-en-Normandie.
// See data/README.md for the sources and their limits.
import { normaliseCommuneName } from '../src/platform/geo/normalise.ts'

export interface EtalabPlace {
  code: string
  nom: string
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal'
  departement: string
  anciensCodes?: string[]
  /** for a commune déléguée or associée: the current commune it belongs to */
  chefLieu?: string
}

/** One row of La Poste's base: the commune it was filed under, and its `Ligne_5` locality. */
export interface LaPosteLocality {
  insee: string
  communeName: string
  locality: string
}

export interface FormerNames {
  /** current commune's INSEE code → former names, proper spelling, sorted */
  byCommune: Map<string, string[]>
  fromEtalab: number
  fromLaPoste: number
}

/** Words written in lower case inside a name (« Saint-Pierre-sur-Dives »), capitalised only first. */
const PARTICLES = new Set([
  'a',
  'au',
  'aux',
  'd',
  'de',
  'des',
  'du',
  'en',
  'es',
  'et',
  'l',
  'la',
  'le',
  'les',
  'lez',
  'sous',
  'sur',
])
const ARTICLES = new Set(['le', 'la', 'les'])

const capitalise = (word: string) => word.charAt(0).toLocaleUpperCase('fr') + word.slice(1)

/**
 * How each word is spelt in the official names (« eglise » → « église »), the commonest form when
 * several exist. La Poste writes names in capitals without accents; this gives most of them back.
 */
function wordSpellings(names: Iterable<string>): Map<string, string> {
  const seen = new Map<string, Map<string, number>>()
  for (const name of names)
    for (const word of name.split(/[\s'’-]+/)) {
      const key = normaliseCommuneName(word)
      if (!key || key.includes(' ')) continue
      const form = word.toLocaleLowerCase('fr')
      const forms = seen.get(key) ?? new Map<string, number>()
      forms.set(form, (forms.get(form) ?? 0) + 1)
      seen.set(key, forms)
    }
  const best = new Map<string, string>()
  for (const [key, forms] of seen) best.set(key, [...forms].sort((a, b) => b[1] - a[1])[0]![0])
  return best
}

/**
 * A La Poste name (« ST GERMAIN DU CRIOULT », « L EPINE ») written as the Code officiel
 * géographique writes names: a leading article apart, the other words joined by hyphens, l' and
 * d' elided, accents from the official spelling of the same word elsewhere.
 */
export function officialSpelling(laPosteName: string, spellings: Map<string, string>): string {
  const words = normaliseCommuneName(laPosteName).split(' ').filter(Boolean)
  let out = ''
  for (let i = 0; i < words.length; i++) {
    const key = words[i]!
    // Unknown words keep no accent, save the ending « -ière(s) », never spelt otherwise in names.
    const form = spellings.get(key) ?? key.replace(/iere(s?)$/, 'ière$1')
    const previous = words[i - 1]
    // « pres » is the meadows after an article (« des Prés »), else « près » (near).
    const meadows = key === 'pres' && (previous === 'des' || previous === 'les' || previous === 'aux')
    const particle = PARTICLES.has(key) || (key === 'pres' && !meadows)
    const word = i === 0 || !particle ? capitalise(meadows ? 'prés' : form) : key === 'pres' ? 'près' : form
    if (i === 0) out = word
    else if (previous === 'l' || previous === 'd') out += word
    else if (i === 1 && ARTICLES.has(words[0]!)) out += ` ${word}`
    else out += `-${word}`
    if ((key === 'l' || key === 'd') && i < words.length - 1) out += "'"
  }
  return out
}

/**
 * For each current commune, the names it was known by: its communes déléguées and associées
 * (official names), then, for a commune that absorbed others, the localities La Poste still files
 * under it or under its former codes. A La Poste locality that is the current name of another
 * commune of its département is left out: that commune was restored (Sannerville) and must not be
 * offered twice.
 */
export function formerNames(all: readonly EtalabPlace[], laPoste: readonly LaPosteLocality[]): FormerNames {
  const current = new Map(all.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]))
  const currentNames = new Set(
    [...current.values()].map((c) => `${c.departement}|${normaliseCommuneName(c.nom)}`),
  )
  const spellings = wordSpellings(all.map((c) => c.nom))
  const officialNames = new Map(all.map((c) => [normaliseCommuneName(c.nom), c.nom]))
  const byCode = new Map<string, LaPosteLocality[]>()
  for (const row of laPoste) byCode.set(row.insee, [...(byCode.get(row.insee) ?? []), row])

  const found = new Map<string, Map<string, { name: string; source: 'etalab' | 'laposte' }>>()
  const add = (code: string, name: string, source: 'etalab' | 'laposte') => {
    const commune = current.get(code)
    const key = normaliseCommuneName(name)
    if (!commune || !key || key === normaliseCommuneName(commune.nom)) return
    if (source === 'laposte' && currentNames.has(`${commune.departement}|${key}`)) return
    const names = found.get(code) ?? new Map()
    if (!names.has(key)) names.set(key, { name, source })
    found.set(code, names)
  }

  for (const c of all)
    if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu)
      add(c.chefLieu, c.nom, 'etalab')
  for (const commune of current.values()) {
    const former = (commune.anciensCodes ?? []).filter((code) => !current.has(code))
    if (former.length === 0 && !found.has(commune.code)) continue
    const rows = [commune.code, ...former].flatMap((code) => byCode.get(code) ?? [])
    const spelt = (text: string) =>
      officialNames.get(normaliseCommuneName(text)) ?? officialSpelling(text, spellings)
    for (const row of rows) {
      // Filed under a former code: La Poste's base predates that merger, so the name is a former one too.
      if (row.insee !== commune.code) add(commune.code, spelt(row.communeName), 'laposte')
      if (row.locality) add(commune.code, spelt(row.locality), 'laposte')
    }
  }

  const byCommune = new Map<string, string[]>()
  let fromEtalab = 0
  let fromLaPoste = 0
  for (const [code, names] of found) {
    const list = [...names.values()]
    fromEtalab += list.filter((n) => n.source === 'etalab').length
    fromLaPoste += list.filter((n) => n.source === 'laposte').length
    byCommune.set(
      code,
      list.map((n) => n.name).sort((a, b) => a.localeCompare(b, 'fr')),
    )
  }
  return { byCommune, fromEtalab, fromLaPoste }
}
