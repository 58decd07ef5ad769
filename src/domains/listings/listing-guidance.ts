import type { Locale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

/**
 * Advice a domain built on listings adds, for a while, to the listings of some categories (a
 * crisis's instructions on its categories' listings); null when it has none for this category.
 * The app's assembly (src/modules.ts) hands it in; listings never import crisis.
 */
export type ExtraGuidance = (
  services: AppServices,
) => (territory: Territory, categoryId: string, locale: Locale) => Promise<string | null>
