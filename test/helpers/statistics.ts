import { asc, eq } from 'drizzle-orm'
import { listings } from '../../src/domains/listings/listing.schema.ts'
import type { DbOrTx } from '../../src/platform/db/client.ts'
import { statEvents } from '../../src/platform/statistics/stat-event.schema.ts'

/** A territory's bilan events as a page would fold them: without their cursor id, in a stable order. */
export async function statEventsOf(db: DbOrTx, territoryId: string) {
  const rows = await db
    .select()
    .from(statEvents)
    .where(eq(statEvents.territoryId, territoryId))
    .orderBy(asc(statEvents.dedupeKey), asc(statEvents.id))
  return rows.map(({ id: _cursor, ...event }) => event)
}

/** The events of one kind of a territory. */
export async function statEventsOfKind(db: DbOrTx, territoryId: string, kind: string) {
  return (await statEventsOf(db, territoryId)).filter((e) => e.kind === kind)
}

/** When each listing of a territory was first published (null: never), as its row holds it. */
export function publicationDatesOf(db: DbOrTx, territoryId: string) {
  return db
    .select({ id: listings.id, publishedAt: listings.publishedAt })
    .from(listings)
    .where(eq(listings.territoryId, territoryId))
}
