import type { LocalisedText } from '../../../platform/tenancy/territory.ts'
import type { Category } from '../../categories/index.ts'

/**
 * What a person would like to help with or be helped with: slugs of their territory's categories,
 * which are the territory's data (names, order, on or off). The profile offers the active ones,
 * so a crisis category shows while a crisis has opened it and an ordinary day never speaks of one.
 */
export interface InterestChoice {
  slug: string
  name: LocalisedText
}

/** The territory's active categories, in its order and with the names it wrote. */
export function interestChoices(categories: readonly Category[]): InterestChoice[] {
  return categories.filter((c) => c.active).map((c) => ({ slug: c.slug, name: c.name }))
}

/** What the person chose among those offered, in the territory's order; the rest is not shown. */
export function shownInterests(stored: readonly string[], offered: readonly string[]): string[] {
  return offered.filter((slug) => stored.includes(slug))
}

/**
 * The interests to store after an edit: those sent, plus those the person had chosen in a category
 * closed since. The form cannot show them, so the person did not drop them; kept, they bring back
 * the volunteers who followed a crisis category when a later crisis reopens it. A slug that names
 * no category of the territory any more is left out.
 */
export function interestsToStore(
  sent: readonly string[],
  stored: readonly string[],
  categories: readonly Category[],
): string[] {
  const closed = new Set(categories.filter((c) => !c.active).map((c) => c.slug))
  return [...new Set([...sent, ...stored.filter((slug) => closed.has(slug))])]
}
