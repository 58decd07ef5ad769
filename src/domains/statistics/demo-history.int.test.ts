import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { seedDemo } from '../../demo.ts'
import { modules } from '../../modules.ts'
import { seedDemoHistory } from './demo-history.ts'

describe("the demonstration's year of history", () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  async function history(territoryId: string) {
    const result = (await t.app.services.database.db.execute(sql`
      select kind, count(*)::int as n, min(occurred_at) as first, max(occurred_at) as last,
        count(distinct commune_insee)::int as communes
      from stat_events where territory_id = ${territoryId} and dedupe_key like 'demo-history:%'
      group by kind`)) as unknown as {
      rows: { kind: string; n: number; first: Date; last: Date; communes: number }[]
    }
    return new Map(result.rows.map((r) => [r.kind, r]))
  }

  it('gives the bilan a year of events behind the demonstration, none in the future, and only once', async () => {
    const demo = await seedDemo(t.app.services, modules)
    assert.ok(demo)
    const now = t.app.services.clock.now().getTime()
    const kinds = await history(demo.territory.id)
    const asks = kinds.get('ask.posted')
    assert.ok(asks && asks.n > 400, `asks: ${asks?.n}`)
    assert.ok(asks.communes >= 10, 'spread over the communes')
    assert.ok(now - new Date(asks.first).getTime() > 330 * 86_400_000, 'a year back')
    for (const [kind, row] of kinds) assert.ok(new Date(row.last).getTime() <= now, `${kind} in the past`)
    for (const kind of [
      'listing.responded',
      'listing.fulfilled',
      'offer.posted',
      'call.made',
      'phone-case.closed',
    ])
      assert.ok((kinds.get(kind)?.n ?? 0) > 0, kind)
    const before = [...kinds.values()].reduce((a, r) => a + r.n, 0)
    await seedDemoHistory(t.app.services, demo.territory)
    const again = [...(await history(demo.territory.id)).values()].reduce((a, r) => a + r.n, 0)
    assert.equal(again, before, 'a second seeding adds nothing')
  })
})
