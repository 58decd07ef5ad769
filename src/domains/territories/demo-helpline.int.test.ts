import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { seedDemo } from '../../demo.ts'
import { modules } from '../../modules.ts'

describe('the demonstration’s phone line and help points', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('are a number with its hours, and a CCAS, a France Services and a mairie in Calvados communes', async () => {
    await seedDemo(t.app.services, modules)
    const get = async (url: string) =>
      page((await t.app.inject({ url, headers: { host: 'localhost' } })).body)
    const home = await get('/')
    assert.match(home.text('main'), /Appelez le 02 61 91 00 00 \(du lundi au vendredi, de 9 h à 17 h\)/)
    assert.equal(home.link('Se faire aider près de chez soi'), '/besoin-d-aide#points-d-aide')
    const need = await get('/besoin-d-aide')
    assert.deepEqual(need.all('main h3'), ['Bayeux', 'Falaise', 'Vire Normandie'])
    assert.deepEqual(need.all('.help-points strong'), [
      'CCAS de Bayeux',
      'Mairie de Falaise',
      'France Services de Vire Normandie',
    ])
  })
})
