import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { recordStat, type StatEventInput } from '../../platform/statistics/record-stat.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { readFigures } from './figures.repository.ts'
import { refreshFigures } from './rollup.ts'

let t: TestApp
let territory: Territory
const COMMUNES = ['14118', '14366', '14762']
const CATEGORIES = ['courses', 'transport']

/** A volunteer's call in a month ('YYYY-MM'), mid-month so no time zone moves it. */
const call = (
  key: string,
  month: string,
  commune = COMMUNES[0]!,
  category = CATEGORIES[0]!,
): StatEventInput => ({
  territoryId: territory.id,
  kind: 'call.made',
  occurredAt: new Date(`${month}-15T12:00:00Z`),
  communeInsee: commune,
  categoryId: category,
  actorKey: key,
  outcome: 'reached',
})

const active = async (from: string, to: string, filter: { commune?: string; category?: string } = {}) =>
  (await readFigures(t.db.db, { territoryId: territory.id, months: { from, to }, ...filter }))
    .activeVolunteers

/**
 * Every range of months × every (commune or '*', category or '*') where the count kept by the fold
 * differs from the distinct volunteers counted one by one: none, whatever order the months came in.
 */
async function countsThatDiffer(territoryId: string, first: string, last: string) {
  const result = (await t.db.db.execute(sql`
    with months as (
      select m::date as m from generate_series(${first}::date, ${last}::date, interval '1 month') m
    ),
    ranges as (select a.m as a, b.m as b from months a join months b on a.m <= b.m),
    kept as (
      select r.a, r.b, v.commune, v.category, sum(v.volunteers) as n
      from ranges r join stat_volunteer_months v
        on v.territory_id = ${territoryId} and v.month between r.a and r.b and v.previous < r.a
      group by r.a, r.b, v.commune, v.category
    ),
    counted as (
      select r.a, r.b, s.commune, s.category, count(distinct s.actor_key) as n
      from ranges r join stat_actors s
        on s.territory_id = ${territoryId} and s.month between r.a and r.b
      group by r.a, r.b, s.commune, s.category
    )
    select coalesce(k.a, c.a)::text as a, coalesce(k.b, c.b)::text as b,
      coalesce(k.commune, c.commune) as commune, coalesce(k.category, c.category) as category,
      coalesce(k.n, 0)::int as kept, coalesce(c.n, 0)::int as counted
    from kept k full join counted c using (a, b, commune, category)
    where coalesce(k.n, 0) <> coalesce(c.n, 0)`)) as unknown as { rows: Record<string, unknown>[] }
  return result.rows
}

/** A small deterministic generator: the same « random » history on every run and database. */
function lcg(seed: number) {
  let s = seed
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31
    return s % n
  }
}

describe('distinct volunteers over any range of months', () => {
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  it('counts a volunteer once over a range, and a month that arrives late moves the next one', async () => {
    await recordStat(t.db.db, [call('anne', '2025-03'), call('anne', '2025-05')])
    await refreshFigures(t.app.services)
    assert.equal(await active('2025-03', '2025-05'), 1)
    assert.equal(await active('2025-04', '2025-05'), 1)
    assert.equal(await active('2025-04', '2025-04'), 0)
    // April comes after May was folded: May now follows April, not March
    await recordStat(t.db.db, [call('anne', '2025-04'), call('bruno', '2025-04')])
    await refreshFigures(t.app.services)
    assert.equal(await active('2025-04', '2025-04'), 2)
    assert.equal(await active('2025-05', '2025-05'), 1)
    assert.equal(await active('2025-03', '2025-05'), 2)
    // a month before all the others: March now follows it
    await recordStat(t.db.db, call('anne', '2025-01'))
    await refreshFigures(t.app.services)
    assert.equal(await active('2025-01', '2025-01'), 1)
    assert.equal(await active('2025-02', '2025-03'), 1)
    assert.equal(await active('2025-01', '2025-05'), 2)
    assert.deepEqual(await countsThatDiffer(territory.id, '2024-12-01', '2025-06-01'), [])
  })

  it('agrees with counting volunteers one by one, for every range, commune and category, months in any order', async () => {
    const other = await makeTerritory(t.app.services, { platformName: 'Entraide Orne', departements: ['61'] })
    const random = lcg(20_261_207)
    const months = Array.from({ length: 18 }, (_, i) => {
      const d = new Date(Date.UTC(2025, i, 1))
      return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
    })
    const events = Array.from({ length: 240 }, () => ({
      ...call(
        `v${random(9)}`,
        months[random(months.length)]!,
        COMMUNES[random(COMMUNES.length)],
        CATEGORIES[random(CATEGORIES.length)],
      ),
      territoryId: other.id,
    }))
    // four folds, each over events of any month: months arrive out of order, and across folds
    for (let i = 0; i < 4; i++) {
      await recordStat(t.db.db, events.slice(i * 60, (i + 1) * 60))
      await refreshFigures(t.app.services)
    }
    assert.deepEqual(await countsThatDiffer(other.id, '2025-01-01', '2026-06-01'), [])
    const range = { territoryId: other.id, months: { from: '2025-04', to: '2026-01' } }
    const figures = await readFigures(t.db.db, range)
    const byHand = new Set(
      events
        .filter((e) => {
          const m = e.occurredAt.toISOString().slice(0, 7)
          return m >= '2025-04' && m <= '2026-01'
        })
        .map((e) => e.actorKey),
    )
    assert.equal(figures.activeVolunteers, byHand.size)
    const inFirstCommune = new Set(
      events
        .filter((e) => {
          const m = e.occurredAt.toISOString().slice(0, 7)
          return m >= '2025-04' && m <= '2026-01' && e.communeInsee === COMMUNES[0]
        })
        .map((e) => e.actorKey),
    )
    assert.equal(figures.activeVolunteersByCommune.get(COMMUNES[0]!), inFirstCommune.size)
  })
})
