import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { seedDemo } from '../../demo.ts'
import { modules } from '../../modules.ts'
import { supplyCampaigns } from './campaign.schema.ts'
import { stockByPoint } from './ledger.repository.ts'

describe('the demonstration’s mask campaign', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('is open in Bayeux and Caen with two makers whose confirmed batches make the stock', async () => {
    assert.ok(await seedDemo(t.app.services, modules))
    const [campaign] = await t.db.db.select().from(supplyCampaigns)
    assert.equal(campaign?.title, 'Masques en tissu pour les aidants')
    assert.equal(campaign?.organisationId, null)
    const stock = await stockByPoint(t.db.db, campaign!.id)
    assert.deepEqual(
      stock.map((s) => s.onHand),
      [75, 180],
    )
    const get = (url: string) => t.app.inject({ url, headers: { host: 'localhost' } })
    const list = page((await get('/collectes')).body)
    assert.ok(list.link('Masques en tissu pour les aidants'))
    const progress = page((await get(`/collectes/${campaign!.id}/avancement`)).body)
    assert.ok(progress.text().includes('255 masques fabriqués sur 2 000'))
    assert.ok(!progress.text().includes('Jeanne'))
  })
})
