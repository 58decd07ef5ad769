import type { DbOrTx } from '../../src/platform/db/client.ts'
import { recordStat, type StatEventInput } from '../../src/platform/statistics/record-stat.ts'

/** The communes and categories of the hand-computed data set. */
export const X = '14118'
export const Y = '14366'
export const Z = '14762'
export const COURSES = 'courses'
export const TRANSPORT = 'transport'

/** A listing's id in set `n` (each territory of a test gets its own set, ids being unique). */
export const subject = (n: number, name: string) => `0000000${n}-0000-4000-8000-${name.padStart(12, '0')}`

/**
 * The events behind the figures the rollup tests compute by hand: six asks and an offer in three
 * communes and two categories, over the three weeks from 16 March 2026, across the end of March
 * and the change to summer time (29 March). Times are UTC; several fall on another day, week or
 * month in Paris than in UTC, which is where they count. Returned in the order written.
 */
export function bilanEvents(territoryId: string, n: number): StatEventInput[] {
  const at = (iso: string) => new Date(iso)
  const s = (name: string) => subject(n, name)
  const ask = (name: string, commune: string, category: string, iso: string): StatEventInput => ({
    territoryId,
    kind: 'ask.posted',
    subjectId: s(name),
    occurredAt: at(iso),
    communeInsee: commune,
    categoryId: category,
    dedupeKey: `${n}:ask.posted:${name}`,
  })
  const on = (
    kind: 'listing.responded' | 'listing.fulfilled',
    name: string,
    iso: string,
    actor: string,
  ): StatEventInput => ({ territoryId, kind, subjectId: s(name), occurredAt: at(iso), actorKey: actor })
  const plain = (kind: StatEventInput['kind'], iso: string, more: Partial<StatEventInput> = {}) => ({
    territoryId,
    kind,
    occurredAt: at(iso),
    ...more,
  })
  return [
    // 10:00 in Paris, Monday 16 March: week of 16 March
    ask('a1', X, COURSES, '2026-03-16T09:00:00Z'),
    on('listing.responded', 'a1', '2026-03-16T11:00:00Z', 'v1'), // 2 h
    on('listing.responded', 'a1', '2026-03-16T14:00:00Z', 'v2'), // a second response: not counted again
    on('listing.fulfilled', 'a1', '2026-03-17T15:00:00Z', 'v1'), // 30 h
    // Sunday 22 March in UTC, Monday 23 at 00:30 in Paris: week of 23 March
    ask('a2', X, TRANSPORT, '2026-03-22T23:30:00Z'),
    on('listing.responded', 'a2', '2026-03-24T05:30:00Z', 'v2'), // 30 h
    on('listing.fulfilled', 'a2', '2026-03-27T03:30:00Z', 'v2'), // 100 h
    // Sunday 29 March in UTC, Monday 30 at 00:30 in Paris (summer time): week of 30 March, March
    ask('a3', Y, COURSES, '2026-03-29T22:30:00Z'),
    on('listing.responded', 'a3', '2026-04-03T02:30:00Z', 'v3'), // 100 h, in April: cohort of March
    on('listing.fulfilled', 'a3', '2026-04-05T10:00:00Z', 'v1'), // 155.5 h
    // 31 March in UTC, 1 April at 00:30 in Paris: April; never answered
    ask('a4', Z, TRANSPORT, '2026-03-31T22:30:00Z'),
    ask('a5', Y, TRANSPORT, '2026-03-25T10:00:00Z'),
    on('listing.responded', 'a5', '2026-03-25T15:00:00Z', 'v1'), // 5 h
    on('listing.fulfilled', 'a5', '2026-03-26T10:00:00Z', 'v1'), // 24 h
    ask('a6', Z, COURSES, '2026-03-16T12:00:00Z'),
    on('listing.responded', 'a6', '2026-03-18T14:00:00Z', 'v3'), // 50 h
    {
      territoryId,
      kind: 'offer.posted',
      subjectId: s('b1'),
      occurredAt: at('2026-03-17T08:00:00Z'),
      communeInsee: X,
      categoryId: COURSES,
      dedupeKey: `${n}:offer.posted:b1`,
    },
    on('listing.responded', 'b1', '2026-03-17T09:00:00Z', 'v4'),
    on('listing.fulfilled', 'b1', '2026-03-17T11:00:00Z', 'v4'),
    // a listing posted before events existed: its later events are skipped
    on('listing.responded', 'f9', '2026-03-20T10:00:00Z', 'v7'),
    on('listing.fulfilled', 'f9', '2026-03-21T10:00:00Z', 'v7'),
    plain('call.made', '2026-03-18T10:00:00Z', { communeInsee: X, outcome: 'reached', actorKey: 'v5' }),
    plain('call.made', '2026-04-02T10:00:00Z', { communeInsee: Z, outcome: 'no-answer', actorKey: 'v5' }),
    plain('call.made', '2026-03-18T11:00:00Z', { communeInsee: X, outcome: 'reached', actorKey: 'v1' }),
    plain('phone-case.opened', '2026-03-19T10:00:00Z', { communeInsee: X }),
    plain('phone-case.closed', '2026-03-20T10:00:00Z', { communeInsee: X, outcome: 'resolved' }),
    plain('campaign.made', '2026-03-20T10:00:00Z', { communeInsee: Y, quantity: 40 }),
    plain('campaign.distributed', '2026-04-01T10:00:00Z', { communeInsee: Y, quantity: 25 }),
    plain('mission.slot-filled', '2026-04-02T09:00:00Z', { communeInsee: Z, quantity: 2, actorKey: 'v6' }),
    plain('account.created', '2026-03-10T10:00:00Z', { communeInsee: X }),
    plain('account.created', '2026-03-10T11:00:00Z', { communeInsee: X }),
    plain('account.created', '2026-04-10T10:00:00Z'),
  ]
}

/** Writes the data set through `recordStat`, one event per call, in order (ids follow the list). */
export async function seedBilanEvents(db: DbOrTx, territoryId: string, n: number): Promise<number> {
  const events = bilanEvents(territoryId, n)
  for (const event of events) await recordStat(db, event)
  return events.length
}
