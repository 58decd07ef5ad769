import { localised } from '../../platform/tenancy/territory.ts'
import type { ExtraGuidance } from '../listings/index.ts'
import { findTemplate, openPeriod } from './crisis.repository.ts'

/**
 * The crisis's advice on the listings of its categories while it lasts, shown before the
 * category's own safety advice (which stays: never give money). Outside a crisis it costs nothing:
 * the territory, already read, says crisis mode is off. src/modules.ts hands it to listings.
 */
export const crisisGuidance: ExtraGuidance = (services) => async (territory, categoryId, locale) => {
  if (!territory.crisisMode) return null
  const period = await openPeriod(services.database.db, territory.id)
  if (!period?.categoryIds.includes(categoryId)) return null
  const template = await findTemplate(services.database.db, territory.id, period.kind)
  return template ? localised(template.guidance, locale) : null
}
