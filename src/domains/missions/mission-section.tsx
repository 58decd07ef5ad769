import { translator } from '../../platform/i18n/i18n.ts'
import type { OrganisationSection } from '../organisations/index.ts'
import { openMissionsOf } from './mission.repository.ts'
import { slotStartLabel } from './slot-label.ts'

/**
 * The missions block of an organisation's page: its open missions with their next slot, and for
 * its managers a link to post one. Organisations never import missions: src/modules.ts hands it in.
 */
export const missionsSection: OrganisationSection = (services) => async (context) => {
  const { organisation, locale, manages } = context
  const missions = await openMissionsOf(
    services.database.db,
    organisation.territoryId,
    organisation.id,
    services.clock.now(),
  )
  if (missions.length === 0 && !manages) return null
  const t = translator(locale)
  return (
    <section aria-labelledby="missions-organisation">
      <h2 id="missions-organisation">{t('mission.section.title')}</h2>
      {missions.length === 0 && <p>{t('mission.section.empty')}</p>}
      <ul>
        {missions.map((m) => (
          <li key={m.id}>
            <a href={`/missions/${m.id}`}>{m.title}</a>
            {' – '}
            {m.next
              ? t('mission.section.next', {
                  slot: slotStartLabel(m.next, t, locale),
                })
              : t('mission.section.noSlot')}
          </li>
        ))}
      </ul>
      {manages && organisation.status === 'verified' && (
        <p>
          <a href={`/organisations/${organisation.id}/missions/nouvelle`}>{t('mission.section.new')}</a>
        </p>
      )}
    </section>
  )
}
