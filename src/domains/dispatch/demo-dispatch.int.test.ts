import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { seedDemo } from '../../demo.ts'
import { modules } from '../../modules.ts'
import { accountByEmail } from '../accounts/index.ts'

describe('the demonstration’s dispatch', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('lets the administrator see the relayed ask at once, and ranked volunteers with their reasons', async () => {
    await seedDemo(t.app.services, modules)
    const territory = (await t.app.services.territories.list())[0]!
    const claire = (await accountByEmail(t.db.db, 'claire.admin@entraide.localhost'))!
    const admin = await new Client(t, territory.hostnames[0]!).signInDirectly(claire, {
      staff: true,
      secondFactor: true,
    })
    const list = page((await admin.get('/administration/demandes-sans-reponse')).body)
    const first = list.document.querySelector('tbody th[scope=row] a')
    assert.ok(first, 'an ask is listed')
    const suggestions = page((await admin.get(first.getAttribute('href')!)).body)
    assert.ok(suggestions.all('ol.suggestions li strong').length > 0, 'volunteers are suggested')
    assert.ok(suggestions.all('ol.suggestions li p.why').every((w) => / km · /.test(w)))
  })
})
