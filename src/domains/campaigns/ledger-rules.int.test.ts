import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { type SQL, sql } from 'drizzle-orm'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import type { Db } from '../../platform/db/client.ts'

/**
 * The ledger's rules as the database itself enforces them, whatever code writes to it: entries
 * are never changed or removed, stock per point is their sum and never goes below zero, even when
 * many transactions take the last units at once.
 */
describe('the stock ledger, as the database keeps it', () => {
  let t: TestApp
  let db: Db
  let campaignId: string
  let accountId: string
  const points: string[] = []

  const entry = (point: string, movement: string, onHand: number, reserved: number, extra = sql``) =>
    db.execute(sql`
      insert into supply_ledger (campaign_id, point_id, movement, on_hand_delta, reserved_delta,
        recorded_by, recorded_at ${extra.queryChunks.length ? sql`, corrects_id` : sql``})
      values (${campaignId}, ${point}, ${movement}, ${onHand}, ${reserved}, ${accountId}, now() ${extra})`)
  const rows = async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows
  const stock = async (point: string) => {
    const [row] = await rows<{ on_hand: number; reserved: number }>(
      sql`select on_hand, reserved from supply_stock where point_id = ${point}`,
    )
    return row ?? { on_hand: 0, reserved: 0 }
  }
  const ledgerSum = async (point: string) => {
    const [row] = await rows<{ n: number }>(
      sql`select coalesce(sum(on_hand_delta), 0)::int as n from supply_ledger where point_id = ${point}`,
    )
    return row?.n
  }
  const refusal = async (run: () => Promise<unknown>) => {
    try {
      await run()
    } catch (error) {
      return String((error as { cause?: unknown }).cause ?? error)
    }
    assert.fail('the database accepted it')
  }

  before(async () => {
    t = await buildTestApp()
    db = t.app.services.database.db
    const territory = await makeTerritory(t.app.services)
    accountId = (await makeAccount(t, territory, {})).id
    campaignId = randomUUID()
    await db.execute(sql`
      insert into supply_campaigns (id, territory_id, item, title, specification, target_quantity, unit,
        starts_on, ends_on, status, created_at, updated_at)
      values (${campaignId}, ${territory.id}, 'masks', 'Masques', 'AFNOR S76-001', 1000, 'masques',
        '2026-12-01', '2027-01-31', 'open', now(), now())`)
    for (const name of ['Mairie de Bayeux', 'CCAS de Caen']) {
      const id = randomUUID()
      points.push(id)
      await db.execute(sql`
        insert into supply_points (id, campaign_id, name, role, commune_insee, latitude, longitude,
          address, hours, position, created_at)
        values (${id}, ${campaignId}, ${name}, 'both', '14047', 49.27, -0.70, '1 rue', 'mardi', 0, now())`)
    }
  })
  after(() => t.close())

  it('sums the movements per point', async () => {
    const [bayeux] = points as [string]
    await entry(bayeux, 'received', 100, 0)
    await entry(bayeux, 'allocated', 0, 30)
    await entry(bayeux, 'handed-out', -20, -20)
    await entry(bayeux, 'lost', -5, 0)
    assert.deepEqual(await stock(bayeux), { on_hand: 75, reserved: 10 })
    assert.equal(await ledgerSum(bayeux), 75)
  })

  it('refuses a movement that would take stock below zero or reserve more than is there', async () => {
    const [bayeux, caen] = points as [string, string]
    assert.match(await refusal(() => entry(caen, 'lost', -1, 0)), /supply_stock_never_negative/)
    assert.match(await refusal(() => entry(bayeux, 'lost', -76, 0)), /supply_stock_never_negative/)
    assert.match(await refusal(() => entry(bayeux, 'allocated', 0, 66)), /supply_stock_never_negative/)
    assert.deepEqual(await stock(bayeux), { on_hand: 75, reserved: 10 })
    assert.deepEqual(await stock(caen), { on_hand: 0, reserved: 0 })
  })

  it('refuses movements of the wrong shape, and a point of another campaign', async () => {
    const [bayeux] = points as [string]
    assert.match(await refusal(() => entry(bayeux, 'received', -3, 0)), /supply_ledger_shape_check/)
    assert.match(await refusal(() => entry(bayeux, 'correction', 3, 0)), /supply_ledger_shape_check/)
    const stray = randomUUID()
    await db.execute(sql`
      insert into supply_campaigns (id, territory_id, item, title, specification, target_quantity, unit,
        starts_on, ends_on, status, created_at, updated_at)
      select ${stray}, territory_id, 'gowns', 'Blouses', '-', 10, 'blouses', starts_on, ends_on, 'open', now(), now()
      from supply_campaigns where id = ${campaignId}`)
    await assert.rejects(
      db.execute(sql`
        insert into supply_ledger (campaign_id, point_id, movement, on_hand_delta, reserved_delta, recorded_at)
        values (${stray}, ${bayeux}, 'received', 5, 0, now())`),
    )
    assert.deepEqual(await stock(bayeux), { on_hand: 75, reserved: 10 })
  })

  it('never lets an entry be changed, removed or truncated, nor the stock be written directly', async () => {
    const [bayeux] = points as [string]
    assert.match(
      await refusal(() => db.execute(sql`update supply_ledger set on_hand_delta = 1000`)),
      /append-only/,
    )
    assert.match(await refusal(() => db.execute(sql`delete from supply_ledger`)), /append-only/)
    assert.match(await refusal(() => db.execute(sql`truncate supply_ledger cascade`)), /append-only/)
    assert.match(
      await refusal(() => db.execute(sql`update supply_stock set on_hand = 1000000`)),
      /sum of supply_ledger/,
    )
    assert.equal(await ledgerSum(bayeux), 75)
    assert.deepEqual(await stock(bayeux), { on_hand: 75, reserved: 10 })
  })

  it('takes a correction as a new entry naming the one it corrects', async () => {
    const [bayeux] = points as [string]
    const [first] = await rows<{ id: number }>(sql`select min(id)::int as id from supply_ledger`)
    await entry(bayeux, 'correction', -2, 0, sql`, ${first?.id}`)
    assert.deepEqual(await stock(bayeux), { on_hand: 73, reserved: 10 })
  })

  it('lets an erased account leave its entries, unsigned', async () => {
    await db.execute(sql`update supply_ledger set recorded_by = null where recorded_by = ${accountId}`)
    const [signed] = await rows<{ n: number }>(
      sql`select count(*)::int as n from supply_ledger where recorded_by is not null`,
    )
    assert.equal(signed?.n, 0)
  })

  it('hands out the last units once when many take them at the same moment', async () => {
    const [, caen] = points as [string, string]
    await entry(caen, 'received', 10, 0)
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        db.transaction(async (tx) => {
          await tx.execute(sql`
            insert into supply_ledger (campaign_id, point_id, movement, on_hand_delta, reserved_delta, recorded_at)
            values (${campaignId}, ${caen}, 'lost', -3, 0, now())`)
        }),
      ),
    )
    assert.equal(attempts.filter((a) => a.status === 'fulfilled').length, 3)
    assert.deepEqual(await stock(caen), { on_hand: 1, reserved: 0 })
    assert.equal(await ledgerSum(caen), 1)
  })
})
