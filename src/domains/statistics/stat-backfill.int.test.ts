import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { makeMatch } from '../../../test/helpers/matches.ts'
import { publicationDatesOf, statEventsOf } from '../../../test/helpers/statistics.ts'
import { seedDemo } from '../../demo.ts'
import { modules } from '../../modules.ts'
import { actorKey } from '../../platform/statistics/record-stat.ts'
import { statEvents } from '../../platform/statistics/stat-event.schema.ts'
import { BACKFILL, backfillStatEvents } from './stat-backfill.ts'
import { statProgress } from './statistics.schema.ts'

describe('statistics: the catch-up at start gives existing rows their events once', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('writes the events of rows from before, with their own dates, then marks itself done', async () => {
    t.clock.set('2025-11-03T08:00:00Z')
    const calvados = await makeTerritory(t.app.services)
    const author = await makeAccount(t, calvados, { communeInsee: '14047' })
    const helper = await makeAccount(t, calvados)
    const staff = await makeAccount(t, calvados, { roles: ['coordinator'] })
    const ask = await makeListing(t, calvados, author, { communeInsee: '14047' })
    t.clock.advance(5 * 3600_000)
    const match = await makeMatch(t, calvados, ask, helper, { status: 'done', endedAt: t.clock.now() })
    // A territory running before its domains wrote events: its rows have none.
    await t.db.db.delete(statEvents)
    t.clock.set('2026-03-16T09:00:00Z')

    assert.ok((await backfillStatEvents(t.app.services)) > 0)
    const events = await statEventsOf(t.db.db, calvados.id)
    assert.deepEqual(
      // Two accounts created in the same second: their order in the table is their random ids'.
      events
        .map((e) => [e.kind, e.subjectId, e.occurredAt.toISOString(), e.communeInsee, e.actorKey])
        .sort((a, b) => (a.join() < b.join() ? -1 : 1)),
      [
        ['account.created', null, '2025-11-03T08:00:00.000Z', '14047', null],
        ['account.created', null, '2025-11-03T08:00:00.000Z', '14118', null],
        ['ask.posted', ask.id, '2025-11-03T08:00:00.000Z', '14047', null],
        ['listing.fulfilled', ask.id, '2025-11-03T13:00:00.000Z', '14047', actorKey(calvados.id, helper.id)],
        ['listing.responded', ask.id, '2025-11-03T13:00:00.000Z', '14047', actorKey(calvados.id, helper.id)],
      ].sort((a, b) => (a.join() < b.join() ? -1 : 1)),
    )
    assert.ok(
      events.every((e) => e.dedupeKey !== `account.created:${actorKey(calvados.id, staff.id)}`),
      'staff are not counted as residents',
    )
    assert.equal(
      events.find((e) => e.kind === 'listing.responded')?.dedupeKey,
      `listing.responded:${match.id}`,
    )
    const [mark] = await t.db.db.select().from(statProgress).where(eq(statProgress.name, BACKFILL))
    assert.ok(mark, 'marked done')

    // A later start reads the mark and scans nothing: rows without events stay so.
    await t.db.db.delete(statEvents)
    assert.equal(await backfillStatEvents(t.app.services), 0)
    assert.equal((await statEventsOf(t.db.db, calvados.id)).length, 0)
    // A start that stopped before the mark does it all again, and the keys keep each event once.
    await t.db.db.delete(statProgress).where(eq(statProgress.name, BACKFILL))
    await backfillStatEvents(t.app.services)
    await t.db.db.delete(statProgress).where(eq(statProgress.name, BACKFILL))
    await backfillStatEvents(t.app.services)
    assert.deepEqual(await statEventsOf(t.db.db, calvados.id), events)
  })
})

describe('statistics: the demonstration has its events once seeded', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-03-16T09:00:00Z')
  })
  after(() => t.close())

  it('holds events of every kind it seeds, each listing posted at its own date', async () => {
    const demo = await seedDemo(t.app.services, modules)
    assert.ok(demo)
    const events = await statEventsOf(t.db.db, demo.territory.id)
    const kinds = new Set(events.map((e) => e.kind))
    for (const kind of ['account.created', 'ask.posted', 'offer.posted', 'organisation.verified'])
      assert.ok(kinds.has(kind as never), `${kind} in ${[...kinds].join(', ')}`)
    const published = await publicationDatesOf(t.db.db, demo.territory.id)
    const posted = new Map(
      events.filter((e) => e.kind === 'ask.posted' || e.kind === 'offer.posted').map((e) => [e.subjectId, e]),
    )
    for (const listing of published.filter((l) => l.publishedAt))
      assert.deepEqual(posted.get(listing.id)?.occurredAt, listing.publishedAt, 'dated by the listing')
    assert.ok(
      published.some((l) => l.publishedAt && l.publishedAt < t.clock.now()),
      'some demonstration asks are backdated',
    )
  })
})
