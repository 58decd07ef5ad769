import { translator } from '../../platform/i18n/i18n.ts'
import type { OrganisationSection } from '../organisations/index.ts'
import { needsOfOrganisation } from './need.repository.ts'
import { NeedsSection } from './views/NeedsSection.tsx'

/**
 * The organisation page's block of material needs: its open ones with their progress, and for its
 * managers a link to post one. Organisations never import needs: src/modules.ts hands it in.
 */
export const needsSection: OrganisationSection = (services) => async (context) => {
  const { organisation, locale, manages } = context
  const { db } = services.database
  const open = await needsOfOrganisation(db, organisation.territoryId, organisation.id, ['open'])
  if (open.length === 0 && !manages) return null
  const ctx = { t: translator(locale), locale }
  return <NeedsSection ctx={ctx} organisationId={organisation.id} needs={open} manages={manages} />
}
