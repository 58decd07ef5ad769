import type { VNode } from 'preact'
import type { Actor } from '../../platform/auth/actor.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { OrganisationRef } from './membership.repository.ts'

/** Who is looking at an organisation's page, and which organisation. */
export interface SectionContext {
  organisation: OrganisationRef
  actor: Actor | null
  locale: Locale
  /** the actor manages this organisation: the section may offer to add or change what it shows */
  manages: boolean
}

/**
 * A block of an organisation's public page brought by a domain built on organisations (its open
 * missions, its material needs). Organisations never import those domains: the app's assembly
 * (src/modules.ts) hands the sections in, as listings receive their responses. Null: nothing to show.
 */
export type OrganisationSection = (
  services: AppServices,
) => (context: SectionContext) => Promise<VNode | null>
