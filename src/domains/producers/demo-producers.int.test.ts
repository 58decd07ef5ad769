import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { seedDemo } from '../../demo.ts'
import { modules } from '../../modules.ts'

describe('the demonstration’s producers', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('are three verified producers, the Chambre d’agriculture their partner', async () => {
    const accounts = await seedDemo(t.app.services, modules)
    void accounts
    const get = (url: string) => t.app.inject({ url, headers: { host: 'localhost' } })
    const all = page((await get('/producteurs')).body).all('.producer-result h3')
    assert.deepEqual(all, ['Ferme du Pré Vert', 'Les Maraîchers du Bessin', 'Rucher de la Suisse normande'])
    const eggs = page(
      (await get(`/producteurs?words=${encodeURIComponent('œufs')}&commune=Bayeux&radiusKm=5`)).body,
    )
    assert.deepEqual(eggs.all('.producer-result h3'), ['Ferme du Pré Vert'])
    const csv = (await get('/producteurs/donnees.csv')).body
    assert.equal(csv.trim().split('\r\n').length, 4)
  })
})
