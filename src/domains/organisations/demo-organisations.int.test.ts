import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { seedDemo } from '../../demo.ts'
import { modules } from '../../modules.ts'

describe('the demonstration’s organisations, their mission and their need', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('are two, verified, with their public pages', async () => {
    await seedDemo(t.app.services, modules)
    const list = await t.app.inject({ url: '/api/v1/organisations', headers: { host: 'localhost' } })
    // The producers' demonstration adds its partner and farms; these are the two of organisations.
    const items = (list.json().items as { id: string; name: string; status: string; kind: string }[]).filter(
      (o) => o.kind !== 'producer' && o.kind !== 'partner',
    )
    assert.deepEqual(
      items.map((o) => [o.name, o.status]),
      [
        ['Banque alimentaire du Calvados', 'verified'],
        ['Les Amis du Bessin', 'verified'],
      ],
    )
    const shown = page(
      (await t.app.inject({ url: `/organisations/${items[0]!.id}`, headers: { host: 'localhost' } })).body,
    )
    assert.equal(shown.h1(), 'Banque alimentaire du Calvados')
    assert.match(shown.text(), /Structure d’aide – Banque alimentaire/)
    assert.match(shown.text(), /Vérifiée par le Département le/)
    // What the missions and needs of the demonstration add to the two pages.
    assert.match(shown.text(), /Couvertures pour l’hiver/)
    assert.match(shown.text(), /0 reçus, 0 promis sur 60 couvertures/)
    const association = page(
      (await t.app.inject({ url: `/organisations/${items[1]!.id}`, headers: { host: 'localhost' } })).body,
    )
    assert.match(association.text(), /Visites de convivialité le samedi matin/)
    assert.match(association.text(), /Prochain créneau : samedi/)
  })
})
