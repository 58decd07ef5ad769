import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  type ProducerWorld,
  placeForm,
  producerForm,
  producerWorld,
  productForm,
} from '../../../test/helpers/producers.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
const inPath = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'))
const label = (field: string, text: string) => `${field} = ${JSON.stringify(text.slice(0, 30))}`

function assertSafe(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  what: string,
) {
  assert.ok(res.statusCode < 500, `${what}: ${res.statusCode}`)
  assert.ok(!res.body.includes('<script>alert'), `${what}: escaped`)
  assert.ok(!res.body.includes('<img src=x'), `${what}: escaped`)
  const location = res.headers.location
  if (typeof location === 'string') assert.match(location, /^\/[^/\\]/, `${what}: stays on the site`)
}

/** Hostile text in one field at a time: a French refusal and nothing written, or the text kept as text. */
describe('producers’ pages and directory with hostile input in every field and parameter', () => {
  let t: TestApp
  let w: ProducerWorld
  before(async () => {
    t = await buildTestApp()
    w = await producerWorld(t, 'hostile')
    await w.verify(w.farmId)
  })
  after(() => t.close())

  it('answers every field of the presentation, product and place forms with a refusal or plain text', async () => {
    const farmer = await w.client(w.farmer)
    const forms = [
      ['', producerForm, ['presentation', 'labels']],
      ['/produits/nouveau', productForm, ['family', 'name', 'description', 'months', 'labels']],
      [
        '/lieux/nouveau',
        placeForm,
        [
          'mode',
          'name',
          'commune',
          'address',
          'details',
          'radiusKm',
          'hours1Day',
          'hours1Opens',
          'hours1Closes',
        ],
      ],
    ] as const
    let before = await w.counts(w.farmId)
    for (const [path, form, fields] of forms) {
      for (const field of fields) {
        for (const text of HOSTILE) {
          const what = label(`${path}:${field}`, text)
          const res = await farmer.post(
            `/organisations/${w.farmId}/producteur${path}`,
            (form as (o: Record<string, string>) => Record<string, string | string[]>)({ [field]: text }),
          )
          assertSafe(res, what)
          assert.ok(res.statusCode === 303 || res.statusCode === 400, `${what}: ${res.statusCode}`)
          if (res.statusCode === 400) {
            const { products, places, hours } = await w.counts(w.farmId)
            assert.deepEqual(
              { products, places, hours },
              { products: before.products, places: before.places, hours: before.hours },
              `${what}: nothing written`,
            )
            const p = page(res.body)
            assert.ok(
              p.errorSummary().length > 0 || /Demande incorrecte|caractères/.test(p.text('main')),
              `${what}: says why`,
            )
          } else before = await w.counts(w.farmId)
        }
      }
    }
    const shown = await w.visitor().get(`/producteurs/${w.farmId}`)
    assertSafe(shown, 'public page')
    assert.equal(shown.statusCode, 200)
  })

  it('answers every search parameter with the list or a French refusal', async () => {
    for (const field of ['words', 'family', 'commune', 'radiusKm', 'mode', 'openToday', 'page']) {
      for (const text of HOSTILE) {
        const what = label(field, text)
        const res = await w.visitor().get(`/producteurs?${field}=${inPath(text)}`)
        assertSafe(res, what)
        assert.ok(res.statusCode === 200 || res.statusCode === 400, `${what}: ${res.statusCode}`)
        if (res.statusCode === 400)
          assert.ok(
            page(res.body).errorSummary().length > 0 || /Demande incorrecte/.test(res.body),
            `${what}: says why`,
          )
      }
    }
  })

  it('answers hostile ids in every address with a 4xx, never echoing them', async () => {
    const farmer = await w.client(w.farmer)
    for (const text of HOSTILE) {
      const id = inPath(text)
      const what = label('id', text)
      for (const path of [
        `/producteurs/${id}`,
        `/organisations/${id}/producteur`,
        `/organisations/${w.farmId}/producteur/produits/${id}`,
        `/organisations/${w.farmId}/producteur/lieux/${id}`,
        `/producteurs/${w.farmId}/photos/${id}`,
      ]) {
        if (text === '') continue
        const res = await farmer.get(path)
        assertSafe(res, `${what} ${path}`)
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what} ${path}: ${res.statusCode}`)
      }
      const removed = await farmer.post(`/organisations/${w.farmId}/producteur/produits/${id}/retirer`, {})
      assertSafe(removed, what)
      const notice = await farmer.get(`/organisations/${w.farmId}/producteur?fait=${id}`)
      assert.ok(notice.statusCode === 200 || notice.statusCode === 400, `${what}: ${notice.statusCode}`)
      assertSafe(notice, what)
    }
  })
})
