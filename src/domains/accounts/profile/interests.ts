import type { MessageKey } from '../../../platform/i18n/i18n.ts'

/**
 * What a person would like to help with or be helped with, as stable slugs: the default
 * categories of a platform. Categories become data each territory edits in a later issue; these
 * slugs are what profiles keep until then, so that issue can map them onto its rows.
 */
export const interests = [
  { slug: 'front-line-workers', label: 'interests.frontLineWorkers' },
  { slug: 'groceries-medicines', label: 'interests.groceriesMedicines' },
  { slug: 'phone-contact', label: 'interests.phoneContact' },
  { slug: 'carer-lodging', label: 'interests.carerLodging' },
  { slug: 'masks-equipment', label: 'interests.masksEquipment' },
  { slug: 'digital-help', label: 'interests.digitalHelp' },
  { slug: 'homework', label: 'interests.homework' },
  { slug: 'childcare', label: 'interests.childcare' },
  { slug: 'pets', label: 'interests.pets' },
  { slug: 'know-how', label: 'interests.knowHow' },
  { slug: 'repairs', label: 'interests.repairs' },
  { slug: 'equipment-lending', label: 'interests.equipmentLending' },
  { slug: 'transport', label: 'interests.transport' },
  { slug: 'gardening', label: 'interests.gardening' },
] as const satisfies readonly { slug: string; label: MessageKey }[]

export type Interest = (typeof interests)[number]['slug']

export const interestSlugs: readonly Interest[] = interests.map((i) => i.slug)

export function isInterest(value: unknown): value is Interest {
  return typeof value === 'string' && (interestSlugs as readonly string[]).includes(value)
}
