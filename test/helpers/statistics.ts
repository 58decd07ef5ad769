import assert from 'node:assert/strict'
import { asc, eq, sql } from 'drizzle-orm'
import { listings } from '../../src/domains/listings/listing.schema.ts'
import { writeStatEvents } from '../../src/domains/statistics/stat-backfill.ts'
import { NO_PREVIOUS_MONTH } from '../../src/domains/statistics/statistics.schema.ts'
import type { DbOrTx } from '../../src/platform/db/client.ts'
import { statEvents } from '../../src/platform/statistics/stat-event.schema.ts'
import type { TestApp } from './app.ts'

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

export type Events = Awaited<ReturnType<typeof statEventsOf>>

/**
 * The test factories write accounts and organisations straight to their tables, around sign-up and
 * creation: only the catch-up writes their events, so comparisons leave them out.
 */
export const lived = (events: Events) =>
  events.filter((e) => !['account.created', 'organisation.created', 'organisation.verified'].includes(e.kind))

/** What a catch-up writes for a territory: its events removed, then written again from the rows. */
export async function rebuilt(t: TestApp, territoryId: string) {
  await t.db.db.delete(statEvents).where(eq(statEvents.territoryId, territoryId))
  await writeStatEvents(t.db.db)
  return statEventsOf(t.db.db, territoryId)
}

/** The catch-up writes what the live writes wrote (and a second run adds nothing). */
export async function assertCaughtUp(t: TestApp, territoryId: string) {
  const live = await statEventsOf(t.db.db, territoryId)
  const caughtUp = await rebuilt(t, territoryId)
  assert.deepEqual(lived(caughtUp), lived(live), 'the catch-up writes the same events as the live writes')
  await writeStatEvents(t.db.db)
  assert.deepEqual(await statEventsOf(t.db.db, territoryId), caughtUp, 'a second run adds nothing')
}

/**
 * What the fold keeps beside `stat_actors`, rebuilt whole from it: for seeds that write the
 * volunteers' months straight to the table, as the fold would have left them.
 */
export async function rebuildVolunteerMonths(db: DbOrTx, territoryId: string): Promise<void> {
  await db.execute(sql`delete from stat_volunteer_months where territory_id = ${territoryId}`)
  await db.execute(sql`insert into stat_volunteer_months (territory_id, commune, category, month, previous, volunteers)
    select territory_id, commune, category, month, previous, count(*)
    from (select territory_id, commune, category, month,
        coalesce(lag(month) over (partition by commune, category, actor_key order by month), ${NO_PREVIOUS_MONTH}::date) as previous
      from stat_actors where territory_id = ${territoryId}) a
    group by territory_id, commune, category, month, previous`)
}
