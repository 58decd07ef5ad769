import type { Commune } from '../../platform/geo/commune.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised, type Territory } from '../../platform/tenancy/territory.ts'
import type { Category } from '../categories/index.ts'
import { listCategories } from '../categories/index.ts'
import { type Labels, NO_CATEGORY, UNKNOWN_COMMUNE } from './open-data.ts'
import { firstMonth, readMonthlyCells, rollupCursor } from './publication.repository.ts'
import { type Publication, parisMonth, publishedMonths } from './publication.ts'
import { publishOffThread } from './publication-thread.ts'

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
  const key = `${territory.id}|${currentMonth}`
  const cursor = await rollupCursor(db)
  const now = services.clock.now().getTime()
  const [categories, communes] = await Promise.all([
    listCategories(db, territory.id, { activeOnly: false }),
    services.communes.ofTerritory(territory),
  ])
  const known = decided.get(key)
  const fresh = known && (known.cursor === cursor || now - known.at < REDECIDE_AFTER_MS)
  let publication: Publication
  if (fresh) publication = known.publication
  else {
    const deciding = decide(key, cursor, now, async () => {
      const months = publishedMonths(await firstMonth(db, territory.id), currentMonth)
      const cells =
        months.length === 0
          ? []
          : await readMonthlyCells(db, territory.id, { from: months[0]!, to: months.at(-1)! })
      return publishOffThread({ months, cells })
    })
    // The month's previous decision is served while the new one is made (seconds at scale): no
    // visitor waits for it. A decision that fails leaves the previous one, and the next visit
    // tries again.
    if (known) deciding.catch(() => undefined)
    publication = known ? known.publication : await deciding
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
 * Publications already decided, by territory and month. The secrecy of a large territory takes
 * seconds (bench/publication.ts) while its inputs move each time the rollup job folds (every
 * minute on a busy territory): a publication is decided again at most every ten minutes, and once
 * however many visitors ask at the same time. Only late answers to past months' asks change a
 * published month, so ten minutes late is no loss. A few territories per process at most.
 */
const decided = new Map<string, { publication: Publication; cursor: number; at: number }>()
const deciding = new Map<string, Promise<Publication>>()

/** Resolves once the decisions being made have ended, for tests that read the next one. */
export async function decisionsMade(): Promise<void> {
  await Promise.allSettled([...deciding.values()])
}
const DECIDED_MAX = 50
export const REDECIDE_AFTER_MS = 10 * 60_000

function decide(
  key: string,
  cursor: number,
  at: number,
  work: () => Promise<Publication>,
): Promise<Publication> {
  const running = deciding.get(key)
  if (running) return running
  const promise = work()
    .then((publication) => {
      decided.delete(key)
      decided.set(key, { publication, cursor, at })
      while (decided.size > DECIDED_MAX) {
        const oldest = decided.keys().next().value
        if (oldest === undefined) break
        decided.delete(oldest)
      }
      return publication
    })
    .finally(() => deciding.delete(key))
  deciding.set(key, promise)
  return promise
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
