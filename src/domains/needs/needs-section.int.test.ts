import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { renderToString } from 'preact-render-to-string'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { dropPointRows, type NeedsWorld, needsWorld, postNeed } from '../../../test/helpers/needs.ts'
import { organisationIn } from '../organisations/index.ts'
import { needsSection } from './index.ts'

describe('needs section of the organisation page', () => {
  let t: TestApp
  let w: NeedsWorld
  before(async () => {
    t = await buildTestApp()
    w = await needsWorld(t)
  })
  after(() => t.close())

  async function render(organisationId: string, manages: boolean, locale: 'fr' | 'en' = 'fr') {
    const organisation = (await organisationIn(t.db.db, w.calvados.id, organisationId))!
    const node = await needsSection(t.app.services)({ organisation, actor: null, locale, manages })
    return node && page(`<body>${renderToString(node)}</body>`)
  }

  it('lists the open needs with their progress, and offers its managers to post one', async () => {
    assert.equal(await render(w.orgId, false), null)
    const open = await postNeed(w)
    await postNeed(w, { title: 'Couvertures', description: 'À vendre 3 € pièce.' })
    const [point] = await dropPointRows(t, open)
    await (await w.client(w.stranger)).post(`/besoins/${open}/promesses`, {
      quantity: '25',
      dropPointId: point!.id,
    })
    const seen = (await render(w.orgId, false))!
    assert.deepEqual(seen.all('h3'), ['Repas pour la distribution du samedi'])
    assert.equal(seen.link('Repas pour la distribution du samedi'), `/besoins/${open}`)
    assert.match(seen.text(), /0 reçus, 25 promis sur 100 repas/)
    assert.equal(seen.link('Publier un besoin de matériel'), undefined)
    const managing = (await render(w.orgId, true))!
    assert.equal(managing.link('Publier un besoin de matériel'), `/organisations/${w.orgId}/besoins/nouveau`)
    assert.match((await render(w.orgId, false, 'en'))!.text(), /0 received, 25 pledged of 100 repas/)
    const empty = (await render(w.otherOrgId, true))!
    assert.match(empty.text(), /Aucun besoin de matériel ouvert pour le moment/)
  })
})
