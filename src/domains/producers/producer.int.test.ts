import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { needForm, needsWorld } from '../../../test/helpers/needs.ts'
import {
  type ProducerWorld,
  placeForm,
  producerForm,
  producerWorld,
  productForm,
} from '../../../test/helpers/producers.ts'

describe('a producer’s page, as its managers fill it', () => {
  let t: TestApp
  let w: ProducerWorld
  before(async () => {
    t = await buildTestApp()
    w = await producerWorld(t, 'prod')
  })
  after(() => t.close())

  it('lets the farmer write the presentation and labels, add products and a farm shop with hours', async () => {
    const farmer = await w.client(w.farmer)
    const form = await farmer.get(`/organisations/${w.farmId}/producteur`)
    assert.equal(form.statusCode, 200)
    assert.equal(page(form.body).h1(), 'Page producteur : Ferme du Pré Vert')

    const saved = await farmer.post(`/organisations/${w.farmId}/producteur`, producerForm())
    assert.equal(saved.statusCode, 303)
    assert.equal(saved.headers.location, `/organisations/${w.farmId}/producteur?fait=enregistre`)

    assert.equal(
      (await farmer.post(`/organisations/${w.farmId}/producteur/produits/nouveau`, productForm())).statusCode,
      303,
    )
    const honey = productForm({
      family: 'miel',
      name: 'Miel de fleurs',
      months: ['5', '6', '7', '8', '9'],
      labels: [],
    })
    assert.equal(
      (await farmer.post(`/organisations/${w.farmId}/producteur/produits/nouveau`, honey)).statusCode,
      303,
    )
    assert.equal(
      (await farmer.post(`/organisations/${w.farmId}/producteur/lieux/nouveau`, placeForm())).statusCode,
      303,
    )

    assert.deepEqual(await w.counts(w.farmId), { profile: 1, products: 2, places: 1, hours: 1, photos: 0 })
    assert.deepEqual((await w.profile(w.farmId))!.families, ['miel', 'oeufs'])
    const shown = page((await farmer.get(`/organisations/${w.farmId}/producteur`)).body)
    assert.match(shown.text('main'), /Miel de fleurs – Miel, disponible de mai à septembre/)
    assert.match(shown.text('main'), /lundi : de 9 h à 18 h/)
    assert.ok((await w.audits('producer.changed')) >= 4)
  })

  it('orders the products, edits and removes one, and keeps the families from what is left', async () => {
    const farmer = await w.client(w.farmer)
    const [eggs, honey] = await w.products(w.farmId)
    const up = await farmer.post(`/organisations/${w.farmId}/producteur/produits/${honey!.id}/monter`, {})
    assert.equal(up.statusCode, 303)
    assert.deepEqual(
      (await w.products(w.farmId)).map((p) => p.name),
      ['Miel de fleurs', 'Œufs de plein air'],
    )
    const edit = await farmer.post(
      `/organisations/${w.farmId}/producteur/produits/${eggs!.id}`,
      productForm({ name: 'Œufs extra-frais', family: 'oeufs' }),
    )
    assert.equal(edit.statusCode, 303)
    assert.equal(
      (await farmer.post(`/organisations/${w.farmId}/producteur/produits/${honey!.id}/retirer`, {}))
        .statusCode,
      303,
    )
    assert.deepEqual(
      (await w.products(w.farmId)).map((p) => p.name),
      ['Œufs extra-frais'],
    )
    assert.deepEqual((await w.profile(w.farmId))!.families, ['oeufs'])
  })

  it('accepts prices in words on a producer’s page, which the free-help guard would hold elsewhere', async () => {
    const farmer = await w.client(w.farmer)
    const res = await farmer.post(
      `/organisations/${w.farmId}/producteur/produits/nouveau`,
      productForm({ name: 'Œufs bio', description: '3 € la douzaine, payable à la ferme' }),
    )
    assert.equal(res.statusCode, 303)
    const profile = await farmer.post(
      `/organisations/${w.farmId}/producteur`,
      producerForm({ presentation: 'Vente à la ferme : 3 € la douzaine.' }),
    )
    assert.equal(profile.statusCode, 303)
    assert.equal((await w.profile(w.farmId))!.presentation, 'Vente à la ferme : 3 € la douzaine.')
  })

  it('refuses wrong months, hours and days with French messages linked to their fields, writing nothing', async () => {
    const farmer = await w.client(w.farmer)
    const before = await w.counts(w.farmId)
    const cases: [Record<string, string | string[]>, string, RegExp][] = [
      [{ months: ['13'] }, '#months', /mois de la liste/],
      [{ months: [] }, '#months', /au moins un mois/],
      [{ family: 'tabac' }, '#family', /famille/],
      [{ name: '' }, '#name', /nom du produit/],
      [{ labels: ['bio-maison'] }, '#labels', /labels de la liste/],
    ]
    for (const [over, href, message] of cases) {
      const res = await farmer.post(
        `/organisations/${w.farmId}/producteur/produits/nouveau`,
        productForm(over),
      )
      assert.equal(res.statusCode, 400, JSON.stringify(over))
      const summary = page(res.body).errorSummary()
      assert.ok(
        summary.some((e) => e.href === href && message.test(e.text)),
        `${JSON.stringify(over)}: ${JSON.stringify(summary)}`,
      )
    }
    const hours: [Record<string, string>, string, RegExp][] = [
      [{ hours1Opens: '18h', hours1Closes: '9h' }, '#hours1Closes', /après l’heure d’ouverture/],
      [{ hours1Opens: '10:00', hours1Closes: '10:00' }, '#hours1Closes', /après/],
      [{ hours1Day: '8' }, '#hours1Day', /lundi au dimanche/],
      [{ hours1Day: '0' }, '#hours1Day', /lundi au dimanche/],
      [{ hours1Opens: '25h' }, '#hours1Opens', /heure/],
      [
        { mode: 'market', hours2Day: '3', hours2Opens: '8h', hours2Closes: '12h' },
        '#hours1Day',
        /un seul jour/,
      ],
      [{ mode: 'delivery', radiusKm: '' }, '#radiusKm', /distance de livraison/],
      [{ radiusKm: '7' }, '#radiusKm', /distance/],
      [{ commune: 'Cherbourg-en-Cotentin' }, '#commune', /ne se trouve pas dans le Calvados/],
      [{ commune: '' }, '#commune', /commune/],
      [{ name: '' }, '#name', /nom du lieu/],
      [{ mode: 'vente-en-ligne' }, '#mode', /mode de vente/],
    ]
    for (const [over, href, message] of hours) {
      const res = await farmer.post(`/organisations/${w.farmId}/producteur/lieux/nouveau`, placeForm(over))
      assert.equal(res.statusCode, 400, JSON.stringify(over))
      const summary = page(res.body).errorSummary()
      assert.ok(
        summary.some((e) => e.href === href && message.test(e.text)),
        `${JSON.stringify(over)}: ${JSON.stringify(summary)}`,
      )
      assert.ok(page(res.body).document.getElementById(href.slice(1)), `${href} exists`)
    }
    assert.deepEqual(await w.counts(w.farmId), before)
  })

  it('gives 404 to non-managers, members of other organisations and another territory, and changes nothing', async () => {
    const before = await w.counts(w.farmId)
    const chamber = await w.client(w.chamberManager)
    const stranger = await w.client(w.stranger)
    const staff = await w.staffClient()
    const [product] = await w.products(w.farmId)
    for (const client of [chamber, stranger, staff]) {
      assert.equal((await client.get(`/organisations/${w.farmId}/producteur`)).statusCode, 404)
      assert.equal(
        (await client.post(`/organisations/${w.farmId}/producteur`, producerForm())).statusCode,
        404,
      )
      assert.equal(
        (await client.post(`/organisations/${w.farmId}/producteur/produits/nouveau`, productForm()))
          .statusCode,
        404,
      )
      assert.equal(
        (await client.post(`/organisations/${w.farmId}/producteur/lieux/nouveau`, placeForm())).statusCode,
        404,
      )
      assert.equal(
        (await client.post(`/organisations/${w.farmId}/producteur/produits/${product!.id}/retirer`, {}))
          .statusCode,
        404,
      )
    }
    // A visitor is asked to sign in; the farmer on another territory's site finds nothing.
    const visitor = await w.visitor().post(`/organisations/${w.farmId}/producteur`, producerForm())
    assert.ok([302, 303, 401, 403].includes(visitor.statusCode), String(visitor.statusCode))
    const elsewhere = await w.client(w.farmer, w.otherHost)
    const there = await elsewhere.get(`/organisations/${w.farmId}/producteur`)
    assert.ok([303, 401, 403, 404].includes(there.statusCode), String(there.statusCode))
    assert.doesNotMatch(there.body, /Ferme du Pré Vert/)
    // The chamber's own page is not a producer's: no producer page for a partner.
    assert.equal((await chamber.get(`/organisations/${w.chamberId}/producteur`)).statusCode, 404)
    assert.deepEqual(await w.counts(w.farmId), before)
  })
})

describe('the free-help guard still holds money words outside producers’ pages', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('holds an association’s need saying « 3 € la douzaine » for review', async () => {
    const n = await needsWorld(t)
    const client = await n.client(n.manager)
    const res = await client.post(
      `/organisations/${n.orgId}/besoins/nouveau`,
      needForm({ description: 'Des boîtes à œufs, nous les payons 3 € la douzaine.' }),
    )
    assert.equal(res.statusCode, 303)
    assert.match(res.headers.location as string, /fait=retenu/)
  })
})
