/** Ligatures NFD leaves whole: « Œuilly » is typed « oeuilly ». */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae' }

const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte' }

/**
 * What people type and what the database stores are both reduced to this form, so that
 * « sainte mere eglise », « Ste-Mère-Église » and « SAINTE MÈRE ÉGLISE » meet:
 * lower case, no accents, every non-alphanumeric run (hyphen, apostrophe, punctuation, emoji)
 * a single space, and La Poste's « st »/« ste » spelled out.
 */
export function normaliseCommuneName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæ]/g, (l) => LIGATURES[l]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ')
}
