import { translator } from '../../platform/i18n/i18n.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import type { HomeSection } from '../territories/index.ts'
import { findTemplate, openPeriod } from './crisis.repository.ts'
import { KIND_LABEL } from './crisis.ts'

/**
 * While a crisis lasts, the home page puts its categories first, each with the way to ask and to
 * offer, and the crisis's advice. Territories never import crisis: src/modules.ts hands it in.
 * Outside a crisis it costs nothing: the territory, already read, says crisis mode is off.
 */
export const crisisHomeSection: HomeSection =
  (services) =>
  async ({ territory, locale }) => {
    if (!territory.crisisMode) return null
    const period = await openPeriod(services.database.db, territory.id)
    if (!period) return null
    const all = await services.categoryCache.list(territory.id, { activeOnly: true })
    const featured = all.filter((c) => period.categoryIds.includes(c.id))
    if (featured.length === 0) return null
    const template = await findTemplate(services.database.db, territory.id, period.kind)
    const t = translator(locale)
    return (
      <section class="crisis-categories" aria-labelledby="crise-categories">
        <h2 id="crise-categories">{t('crisis.home.title', { kind: t(KIND_LABEL[period.kind]) })}</h2>
        {template && <p class="crisis-guidance">{localised(template.guidance, locale)}</p>}
        <ul class="crisis-category-list">
          {featured.map((c) => {
            const name = localised(c.name, locale)
            return (
              <li key={c.id}>
                <h3>{name}</h3>
                <p>{localised(c.description, locale)}</p>
                <p class="crisis-category-links">
                  <a href="/annonces/nouvelle?type=demande">
                    {t('crisis.home.ask')}
                    <span class="visually-hidden"> : {name}</span>
                  </a>
                  <a href="/annonces/nouvelle?type=proposition">
                    {t('crisis.home.offer')}
                    <span class="visually-hidden"> : {name}</span>
                  </a>
                  <a href={`/annonces?kind=ask&categories=${encodeURIComponent(c.slug)}`}>
                    {t('crisis.home.asks')}
                    <span class="visually-hidden"> : {name}</span>
                  </a>
                </p>
              </li>
            )
          })}
        </ul>
      </section>
    )
  }
