import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { seedDemo } from '../../demo.ts'
import { modules } from '../../modules.ts'
import { accountByEmail } from '../accounts/index.ts'

/** The dashboard a coordinator opens on a fresh demonstration, once its events are folded. */
describe('the demonstration’s bilan dashboard', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('shows a year of figures, its charts and tables, and exports them', async () => {
    await seedDemo(t.app.services, modules)
    const territory = (await t.app.services.territories.list())[0]!
    const julie = (await accountByEmail(t.db.db, 'julie.coordinatrice@entraide.localhost'))!
    const client = await new Client(t, territory.hostnames[0]!).signInDirectly(julie, {
      staff: true,
      secondFactor: true,
    })
    // « Actualiser les chiffres » folds the demonstration's events into the figures
    assert.equal((await client.post('/administration/bilan/actualiser', {})).statusCode, 303)
    const res = await client.get('/administration/bilan')
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.all('h1').length, 1)
    const posted = p.document.querySelector('#demandes dl dd')?.textContent ?? ''
    assert.ok(Number(posted.replace(/\s/g, '')) > 100, `asks posted: ${posted}`)
    assert.equal(p.document.querySelectorAll('figure.chart-figure svg').length, 3)
    assert.ok(p.all('#par-commune tbody tr').length >= 10, 'the communes that ask most')
    assert.ok(p.text('#par-commune').includes('< 5'), 'a village’s few volunteers are not told')
    const commune = page((await client.get('/administration/bilan?commune=Bayeux')).body)
    assert.match(commune.text('.bilan-scope'), /Bayeux/)
    for (const format of ['csv', 'xlsx']) {
      const file = await client.get(`/administration/bilan/export.${format}`)
      assert.equal(file.statusCode, 200, format)
      assert.match(file.headers['content-disposition'] as string, /^attachment; filename="bilan-/)
    }
  })
})
