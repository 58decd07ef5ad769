import { slugify } from '../../platform/slugify.ts'
import type { LocalisedText } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { isIconName } from './icons.tsx'

export interface Category {
  id: string
  territoryId: string
  /** stable once created: account interests and links refer to it */
  slug: string
  name: LocalisedText
  description: LocalisedText
  /** safety guidance shown on every listing of the category */
  guidance: LocalisedText
  icon: string
  crisis: boolean
  needsVerifiedVolunteer: boolean
  /** an inactive category keeps its listings readable and takes no new ones */
  active: boolean
  position: number
}

/** What the administrator's form sends, already trimmed. */
export interface CategoryInput {
  nameFr: string
  nameEn: string
  descriptionFr: string
  descriptionEn: string
  guidanceFr: string
  guidanceEn: string
  icon: string
  crisis: boolean
  needsVerifiedVolunteer: boolean
}

export const NAME_MIN = 2
export const NAME_MAX = 60
export const TEXT_MAX = 1000

/** Names in both languages (lists show them), a French description and guidance, an icon of the set. */
export function categoryIssues(input: CategoryInput): Issue[] {
  const issues: Issue[] = []
  const nameOk = (s: string) => s.length >= NAME_MIN && s.length <= NAME_MAX
  if (!nameOk(input.nameFr)) issues.push({ field: 'nameFr', key: 'category.error.name' })
  if (!nameOk(input.nameEn)) issues.push({ field: 'nameEn', key: 'category.error.name' })
  if (!input.descriptionFr) issues.push({ field: 'descriptionFr', key: 'category.error.description' })
  if (!input.guidanceFr) issues.push({ field: 'guidanceFr', key: 'category.error.guidance' })
  for (const field of ['descriptionFr', 'descriptionEn', 'guidanceFr', 'guidanceEn'] as const) {
    if (input[field].length > TEXT_MAX) issues.push({ field, key: 'category.error.tooLong' })
  }
  if (!isIconName(input.icon)) issues.push({ field: 'icon', key: 'category.error.icon' })
  return issues
}

/** A slug from the French name, unique in the territory: « jardinage », then « jardinage-2 »… */
export function categorySlug(nameFr: string, taken: readonly string[]): string {
  const base = slugify(nameFr) || 'categorie'
  let slug = base
  for (let n = 2; taken.includes(slug); n++) slug = `${base}-${n}`
  return slug
}

/** The neighbour a category swaps places with when moved up or down; undefined at either end. */
export function neighbour(
  ordered: readonly Category[],
  id: string,
  direction: 'up' | 'down',
): Category | undefined {
  const index = ordered.findIndex((c) => c.id === id)
  if (index < 0) return undefined
  return ordered[direction === 'up' ? index - 1 : index + 1]
}
