// What the French stemmer leaves apart and a person does not: a plural after a vowel, and the
// names of the categories. Pure functions over the text of a tsquery (as PostgreSQL prints it)
// and the lexemes of the category names, so the rules are tested without a database.

/**
 * Snowball's French stemmer removes a final « s » except after a, i, o, u, è or s: « vélos »
 * stays 'velos' while « vélo » is 'velo' (so are photos, stylos, radios, menus). The search asks
 * for both forms of such a lexeme; the other plurals the stemmer already joins.
 */
export function pluralVariant(lexeme: string): string | null {
  if (!/^[a-z]{3,}$/.test(lexeme)) return null
  if (/[aiou]s$/.test(lexeme)) return lexeme.slice(0, -1)
  if (/[aiou]$/.test(lexeme)) return `${lexeme}s`
  return null
}

/** The form both a singular and its plural fold to: the lexeme without that final « s ». */
export const singular = (lexeme: string) => (/^[a-z]{2,}[aiou]s$/.test(lexeme) ? lexeme.slice(0, -1) : lexeme)

/** A quoted lexeme of a printed tsquery; a quote inside it is doubled. Not one with a weight or prefix. */
const QUOTED = /'((?:[^']|'')*)'(?!:)/g

/** The lexemes of a printed tsquery, each once, in order. */
export function lexemesOf(text: string): string[] {
  return [...new Set([...text.matchAll(QUOTED)].map((m) => m[1]!.replace(/''/g, "'")))]
}

/**
 * The query with each lexeme that has a plural variant asked in both forms: `'velo' & 'roug'`
 * becomes `('velo' | 'velos') & 'roug'`. Operators, phrases and negations keep their meaning,
 * since the pair stands where the lexeme stood.
 */
export function foldPlurals(text: string): string {
  return text.replace(QUOTED, (whole, lexeme: string) => {
    const other = pluralVariant(lexeme)
    return other ? `('${lexeme}' | '${other}')` : whole
  })
}

/**
 * How many listings a query of plain words may match, from the counts kept by lexeme: each word
 * matches at least its commonest form and at most both forms together. Null when the words are
 * several (they may never go together) or use operators: then only the listings can tell.
 */
export function wordCountBounds(
  lexemes: string[],
  counts: Record<string, number>,
  conjunction: boolean,
): { least: number; most: number } | null {
  if (!conjunction || lexemes.length === 0) return null
  const bounds = lexemes.map((x) => {
    const forms = [x, pluralVariant(x)].filter((f): f is string => f !== null)
    const each = forms.map((f) => Number(counts[f] ?? 0))
    return { least: Math.max(...each), most: each.reduce((a, b) => a + b, 0) }
  })
  if (bounds.some((b) => b.most <= 0)) return { least: 0, most: 0 }
  return bounds.length === 1 ? bounds[0]! : null
}

/**
 * The categories whose name holds every word of the query (a query of plain words only): a
 * person who types « bricolage » means the category as much as the word. Singular and plural
 * fold together, as in the listings.
 */
export function namedCategories(
  lexemes: string[],
  categories: { id: string; lexemes: string[] }[],
  conjunction: boolean,
): string[] {
  if (!conjunction || lexemes.length === 0) return []
  const wanted = lexemes.map(singular)
  return categories
    .filter((c) => {
      const named = new Set(c.lexemes.map(singular))
      return wanted.every((w) => named.has(w))
    })
    .map((c) => c.id)
}
