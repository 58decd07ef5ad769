import type { VNode } from 'preact'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

/**
 * A block of the home page brought by a domain built on territories (the categories a crisis
 * features). Territories never import those domains: the app's assembly (src/modules.ts) hands
 * the sections in, shown near the top in the order given. Null: nothing to show now.
 */
export type HomeSection = (
  services: AppServices,
) => (context: { territory: Territory; locale: Locale }) => Promise<VNode | null>
