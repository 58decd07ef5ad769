import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { COURSES, seedBilanEvents, subject, X, Y, Z } from '../../../test/helpers/bilan-events.ts'
import { failCommitsWriting } from '../../../test/helpers/commit-failure.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { recordStat } from '../../platform/statistics/record-stat.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { readFigures } from './figures.repository.ts'
import { histogram, medianHours } from './figures.ts'
import { analyzeWhenGrown } from './rollup.repository.ts'
import { foldNewEvents, refreshFigures } from './rollup.ts'
import { ROLLUP_JOB, scheduleStatisticsJobs } from './statistics.jobs.ts'

let t: TestApp
let territory: Territory
const marchApril = { from: '2026-03', to: '2026-04' }

const figures = (
  filter: { months?: { from: string; to: string }; commune?: string; category?: string } = {},
) => readFigures(t.db.db, { territoryId: territory.id, months: marchApril, ...filter })

/** Everything the fold wrote for a territory, without the territory: for comparing two folds. */
async function folded(territoryId: string): Promise<string[]> {
  const result = (await t.db.db.execute(sql`
    select 'r ' || grain || ' ' || period::text || ' ' || commune || ' ' || category || ' ' || metric || ' = ' || value as line
      from stat_rollups where territory_id = ${territoryId}
    union all
    select 'a ' || month::text || ' ' || commune || ' ' || category || ' ' || actor_key
      from stat_actors where territory_id = ${territoryId}
    union all
    select 'v ' || month::text || ' ' || previous::text || ' ' || commune || ' ' || category || ' = ' || volunteers
      from stat_volunteer_months where territory_id = ${territoryId} and volunteers <> 0
    order by 1`)) as unknown as { rows: { line: string }[] }
  return result.rows.map((r) => r.line)
}

/** What the fold wrote for the territory in March and April, matching `where`, as « key = sum ». */
async function rollupRows(where: ReturnType<typeof sql>, key = sql`category`): Promise<string[]> {
  const result = (await t.db.db.execute(sql`select ${key} || ' = ' || sum(value) as line from stat_rollups
    where territory_id = ${territory.id} and ${where} and period between '2026-03-01' and '2026-04-30'
    group by ${key} order by 1`)) as unknown as { rows: { line: string }[] }
  return result.rows.map((r) => r.line)
}

describe('the rollups of the bilan', () => {
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
    await seedBilanEvents(t.db.db, territory.id, 1)
  })
  after(() => t.close())

  describe('the rollup fold, against figures computed by hand', () => {
    it('folds every event once, and skips the responses to a listing whose posting is missing', async () => {
      const result = await refreshFigures(t.app.services)
      assert.equal(result.events, 32)
      assert.equal(result.skipped, 2)
      const again = await refreshFigures(t.app.services)
      assert.equal(again.events, 0)
    })

    it('counts the whole territory: outcomes in the cohort of the posting, first response only', async () => {
      const f = await figures()
      assert.deepEqual(
        Object.fromEntries([...f.totals].sort()),
        Object.fromEntries(
          [
            ['account.created', 3],
            ['ask.answered', 5],
            ['ask.answered-24h', 2],
            ['ask.answered-72h', 4],
            ['ask.fulfil-h.120', 1],
            ['ask.fulfil-h.168', 1],
            ['ask.fulfil-h.24', 1],
            ['ask.fulfil-h.36', 1],
            ['ask.fulfilled', 4],
            ['ask.posted', 6],
            ['ask.response-h.120', 1],
            ['ask.response-h.2', 1],
            ['ask.response-h.36', 1],
            ['ask.response-h.6', 1],
            ['ask.response-h.72', 1],
            ['call.made', 3],
            ['call.made.no-answer', 1],
            ['call.made.reached', 2],
            ['campaign.distributed', 25],
            ['campaign.made', 40],
            ['mission.slot-filled', 2],
            ['offer.answered', 1],
            ['offer.fulfilled', 1],
            ['offer.posted', 1],
            ['phone-case.closed', 1],
            ['phone-case.closed.resolved', 1],
            ['phone-case.opened', 1],
          ].sort(),
        ),
      )
      assert.equal(f.activeVolunteers, 6)
      assert.deepEqual(
        f.activeVolunteersByCommune,
        new Map([
          [X, 4],
          [Y, 2],
          [Z, 3],
        ]),
      )
      assert.deepEqual(
        f.monthly.get('ask.posted'),
        new Map([
          ['2026-03', 5],
          ['2026-04', 1],
        ]),
      )
      // a3 was answered in April, but posted in March: its cohort
      assert.deepEqual(f.monthly.get('ask.answered'), new Map([['2026-03', 5]]))
      assert.deepEqual(
        f.monthly.get('account.created'),
        new Map([
          ['2026-03', 2],
          ['2026-04', 1],
        ]),
      )
      assert.deepEqual(
        f.byCommune.get('ask.posted'),
        new Map([
          [X, 2],
          [Y, 2],
          [Z, 2],
        ]),
      )
      assert.deepEqual(
        f.byCategory.get('ask.posted'),
        new Map([
          [COURSES, 3],
          ['transport', 3],
        ]),
      )
      // the page's breakdowns read asks only; the fold keeps every metric's rows
      assert.equal(f.byCategory.get('call.made'), undefined)
      assert.deepEqual(
        await rollupRows(sql`grain = 'month' and commune = '*' and category <> '*' and metric = 'call.made'`),
        ['? = 3'],
      )
      assert.ok(f.asOf)
    })

    it('weeks start on Monday in Paris, across the change to summer time', async () => {
      const f = await figures()
      // a2 and a3 were posted on a Sunday evening in UTC, a Monday night in Paris
      assert.deepEqual(
        f.weekly.get('ask.posted'),
        new Map([
          ['2026-03-16', 2],
          ['2026-03-23', 2],
          ['2026-03-30', 2],
        ]),
      )
      assert.deepEqual(
        f.weekly.get('ask.answered'),
        new Map([
          ['2026-03-16', 2],
          ['2026-03-23', 2],
          ['2026-03-30', 1],
        ]),
      )
      assert.equal(f.weekly.get('account.created'), undefined)
      assert.deepEqual(
        await rollupRows(
          sql`grain = 'week' and commune = '*' and category = '*' and metric = 'account.created'`,
          sql`period::text`,
        ),
        ['2026-03-09 = 2', '2026-04-06 = 1'],
      )
    })

    it('medians come from the histogram, inside the bucket of the middle value', async () => {
      const f = await figures()
      // responses after 2, 5, 30, 50 and 100 hours: the middle one is 30 h, in (24, 36]
      assert.equal(medianHours(histogram(f.totals, 'ask.response-h')), 30)
      // help given after 24, 30, 100 and 155.5 hours: the second is 30 h, in (24, 36]
      const fulfil = medianHours(histogram(f.totals, 'ask.fulfil-h'))
      assert.ok(fulfil !== null && fulfil > 24 && fulfil <= 36, `median ${fulfil}`)
    })

    it('counts one commune', async () => {
      const f = await figures({ commune: X })
      assert.deepEqual(
        Object.fromEntries([...f.totals].sort()),
        Object.fromEntries(
          [
            ['account.created', 2],
            ['ask.answered', 2],
            ['ask.answered-24h', 1],
            ['ask.answered-72h', 2],
            ['ask.fulfil-h.120', 1],
            ['ask.fulfil-h.36', 1],
            ['ask.fulfilled', 2],
            ['ask.posted', 2],
            ['ask.response-h.2', 1],
            ['ask.response-h.36', 1],
            ['call.made', 2],
            ['call.made.reached', 2],
            ['offer.answered', 1],
            ['offer.fulfilled', 1],
            ['offer.posted', 1],
            ['phone-case.closed', 1],
            ['phone-case.closed.resolved', 1],
            ['phone-case.opened', 1],
          ].sort(),
        ),
      )
      assert.equal(f.activeVolunteers, 4)
    })

    it('counts one category', async () => {
      const f = await figures({ category: COURSES })
      assert.deepEqual(
        Object.fromEntries([...f.totals].sort()),
        Object.fromEntries(
          [
            ['ask.answered', 3],
            ['ask.answered-24h', 1],
            ['ask.answered-72h', 2],
            ['ask.fulfil-h.168', 1],
            ['ask.fulfil-h.36', 1],
            ['ask.fulfilled', 2],
            ['ask.posted', 3],
            ['ask.response-h.120', 1],
            ['ask.response-h.2', 1],
            ['ask.response-h.72', 1],
            ['offer.answered', 1],
            ['offer.fulfilled', 1],
            ['offer.posted', 1],
          ].sort(),
        ),
      )
      assert.equal(f.activeVolunteers, 4)
      assert.deepEqual(
        f.byCommune.get('ask.posted'),
        new Map([
          [X, 1],
          [Y, 1],
          [Z, 1],
        ]),
      )
    })

    it('counts one commune and one category', async () => {
      const f = await figures({ commune: X, category: COURSES })
      assert.deepEqual(
        Object.fromEntries([...f.totals].sort()),
        Object.fromEntries(
          [
            ['ask.answered', 1],
            ['ask.answered-24h', 1],
            ['ask.answered-72h', 1],
            ['ask.fulfil-h.36', 1],
            ['ask.fulfilled', 1],
            ['ask.posted', 1],
            ['ask.response-h.2', 1],
            ['offer.answered', 1],
            ['offer.fulfilled', 1],
            ['offer.posted', 1],
          ].sort(),
        ),
      )
      assert.equal(f.activeVolunteers, 3)
    })

    it('counts a range of months, in Paris time', async () => {
      const april = await figures({ months: { from: '2026-04', to: '2026-04' } })
      assert.deepEqual(
        Object.fromEntries([...april.totals].sort()),
        Object.fromEntries(
          [
            ['account.created', 1],
            ['ask.posted', 1],
            ['call.made', 1],
            ['call.made.no-answer', 1],
            ['campaign.distributed', 25],
            ['mission.slot-filled', 2],
          ].sort(),
        ),
      )
      assert.equal(april.activeVolunteers, 4)
      // the week of 30 March starts in March: it belongs to March's weeks
      assert.deepEqual(april.weekly.get('ask.posted'), undefined)
      const march = await figures({ months: { from: '2026-03', to: '2026-03' } })
      assert.equal(march.totals.get('ask.posted'), 5)
      assert.equal(march.activeVolunteers, 5)
    })
  })

  describe('folding, batch by batch and side by side', () => {
    it('gives the same rollups in batches of five as in one batch', async () => {
      const other = await makeTerritory(t.app.services)
      await seedBilanEvents(t.db.db, other.id, 2)
      const result = await foldNewEvents(t.app.services, { batch: 5 })
      assert.deepEqual([result.events, result.batches, result.skipped], [32, 7, 2])
      assert.deepEqual(await folded(other.id), await folded(territory.id))
    })

    it('leaves nothing behind when a batch fails, and counts it once on the retry', async () => {
      const other = await makeTerritory(t.app.services)
      await seedBilanEvents(t.db.db, other.id, 3)
      const lift = await failCommitsWriting(t.db, 'stat_progress')
      await assert.rejects(refreshFigures(t.app.services))
      await lift()
      assert.deepEqual(await folded(other.id), [])
      assert.equal((await refreshFigures(t.app.services)).events, 32)
      assert.deepEqual(await folded(other.id), await folded(territory.id))
    })

    it('two folds at once count every event once', async () => {
      const other = await makeTerritory(t.app.services)
      await seedBilanEvents(t.db.db, other.id, 4)
      const [a, b] = await Promise.all([refreshFigures(t.app.services), refreshFigures(t.app.services)])
      assert.equal(a.events + b.events, 32)
      assert.deepEqual(await folded(other.id), await folded(territory.id))
    })

    it('vacuums and analyzes the tables once they have doubled, as autovacuum would', async () => {
      const mark = async () =>
        (
          (await t.db.db.execute(
            sql`select last_event_id as v from stat_progress where name = 'rollup.analyzed'`,
          )) as unknown as {
            rows: { v: string }[]
          }
        ).rows[0]?.v
      await t.db.db.execute(sql`delete from stat_progress where name = 'rollup.analyzed'`)
      assert.equal(await analyzeWhenGrown(t.db.db, 999), false, 'too small to bother')
      assert.equal(await analyzeWhenGrown(t.db.db, 1_000), true)
      assert.equal(Number(await mark()), 1_000)
      assert.equal(await analyzeWhenGrown(t.db.db, 1_999), false, 'not doubled yet')
      assert.equal(await analyzeWhenGrown(t.db.db, 2_000), true)
      assert.equal(Number(await mark()), 2_000)
    })

    it('picks up an event written after the last fold at the next one', async () => {
      await recordStat(t.db.db, {
        territoryId: territory.id,
        kind: 'ask.posted',
        subjectId: subject(1, 'a7'),
        occurredAt: new Date('2026-04-20T08:00:00Z'),
        communeInsee: X,
        categoryId: COURSES,
        dedupeKey: '1:ask.posted:a7',
      })
      assert.equal((await figures()).totals.get('ask.posted'), 6)
      assert.equal((await refreshFigures(t.app.services)).events, 1)
      const f = await figures({ commune: X })
      assert.equal(f.totals.get('ask.posted'), 3)
      assert.deepEqual(
        f.monthly.get('ask.posted'),
        new Map([
          ['2026-03', 2],
          ['2026-04', 1],
        ]),
      )
    })

    it('is what the recurring job does every minute', async () => {
      await scheduleStatisticsJobs(t.app.services)
      await recordStat(t.db.db, {
        territoryId: territory.id,
        kind: 'account.created',
        occurredAt: new Date('2026-04-21T08:00:00Z'),
        communeInsee: Y,
      })
      await t.app.services.worker.runDue()
      const [job] = await t.app.services.jobs.listByName(ROLLUP_JOB)
      assert.equal(job?.status, 'done')
      assert.equal((await figures()).totals.get('account.created'), 4)
    })
  })
})
