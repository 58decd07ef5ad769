import type { Commune } from '../../platform/geo/commune.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised, type Territory } from '../../platform/tenancy/territory.ts'
import type { Category } from '../categories/index.ts'
import { listCategories } from '../categories/index.ts'
import { type Labels, NO_CATEGORY, UNKNOWN_COMMUNE } from './open-data.ts'
import { firstMonth, readMonthlyCells, rollupCursor } from './publication.repository.ts'
import { type Publication, parisMonth, publish, publishedMonths } from './publication.ts'

export interface PublishedBilan {
  publication: Publication
  labels: Labels
  /** the territory's communes with their points, for the map's background */
  communes: Commune[]
  /** a category's name in the page's language */
  categoryName(id: string, locale: Locale): string
}

/**
 * The territory's publication as of `now`: public by nature (permission « public »), so no access
 * to check; it reads only rollups, category names and the shipped communes.
 */
export async function publishedBilan(services: AppServices, territory: Territory): Promise<PublishedBilan> {
  const db = services.database.db
  const currentMonth = parisMonth(services.clock.now())
  const key = `${territory.id}|${currentMonth}|${await rollupCursor(db)}`
  const [categories, communes] = await Promise.all([
    listCategories(db, territory.id, { activeOnly: false }),
    services.communes.ofTerritory(territory),
  ])
  let publication = decided.get(key)
  if (!publication) {
    const months = publishedMonths(await firstMonth(db, territory.id), currentMonth)
    const cells =
      months.length === 0
        ? []
        : await readMonthlyCells(db, territory.id, { from: months[0]!, to: months.at(-1)! })
    publication = publish(months, cells)
    remember(key, publication)
  }
  const labels = labelsOf(categories, communes)
  const byId = new Map(categories.map((c) => [c.id, c]))
  const categoryName = (id: string, locale: Locale) => {
    const found = byId.get(id)
    return found ? localised(found.name, locale) : labels.category(id).name
  }
  return { publication, labels, communes, categoryName }
}

/**
 * Publications already decided, by territory, month and rollup cursor: the secrecy of a large
 * territory takes a good part of a second (bench/publication.ts), and its inputs only change when
 * the rollup job folds new events or a month ends. A few territories per process at most.
 */
const decided = new Map<string, Publication>()
const DECIDED_MAX = 50

function remember(key: string, publication: Publication) {
  decided.set(key, publication)
  while (decided.size > DECIDED_MAX) {
    const oldest = decided.keys().next().value
    if (oldest === undefined) break
    decided.delete(oldest)
  }
}

function labelsOf(categories: Category[], communes: Commune[]): Labels {
  const byId = new Map(categories.map((c) => [c.id, c]))
  const byInsee = new Map(communes.map((c) => [c.insee, c]))
  return {
    commune(insee) {
      if (insee === '?') return { code: UNKNOWN_COMMUNE, name: 'Commune inconnue' }
      return { code: insee, name: byInsee.get(insee)?.name ?? insee }
    },
    category(id) {
      if (id === '?') return { slug: NO_CATEGORY, name: 'Sans catégorie' }
      const found = byId.get(id)
      // A category the territory no longer lists keeps a key of its own, never another's.
      return found
        ? { slug: found.slug, name: found.name.fr ?? found.slug }
        : { slug: `categorie-${id}`, name: id }
    },
  }
}
