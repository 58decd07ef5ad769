import type { StatEventInput } from './record-stat.ts'

/**
 * The events a domain owes for rows written before it recorded them (the catch-up at start), a
 * page at a time: a territory with a million listings never holds them all in memory.
 */
export type StatEventPages = AsyncIterable<StatEventInput[]>

/** Rows per page of a catch-up: a few hundred kilobytes, and well under a statement's parameters. */
export const STAT_PAGE = 1000

/**
 * Reads a table in order of its id (a uuid, or a number as text), `limit` rows after the last one seen (keyset, so page 1,000 costs
 * what page 1 does), and turns each page into events.
 */
export async function* pagesById<Row>(
  read: (after: string | null, limit: number) => Promise<Row[]>,
  idOf: (row: Row) => string,
  toEvents: (rows: Row[]) => StatEventInput[] | Promise<StatEventInput[]>,
  limit = STAT_PAGE,
): StatEventPages {
  let after: string | null = null
  for (;;) {
    const rows = await read(after, limit)
    if (rows.length === 0) return
    const events = await toEvents(rows)
    if (events.length > 0) yield events
    if (rows.length < limit) return
    after = idOf(rows[rows.length - 1]!)
  }
}

/**
 * A page's events, territory by territory: the rows of one territory go together to a lookup
 * that is scoped by territory (the people called, the listings answered), once per page.
 */
export async function eventsByTerritory<Row extends { territoryId: string }>(
  rows: Row[],
  toEvents: (territoryId: string, rows: Row[]) => Promise<StatEventInput[]>,
): Promise<StatEventInput[]> {
  const events: StatEventInput[] = []
  for (const territoryId of new Set(rows.map((r) => r.territoryId)))
    events.push(
      ...(await toEvents(
        territoryId,
        rows.filter((r) => r.territoryId === territoryId),
      )),
    )
  return events
}
