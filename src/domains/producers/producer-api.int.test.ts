import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { type ProducerWorld, producerWorld } from '../../../test/helpers/producers.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)

const page = (over: Record<string, unknown> = {}) => ({
  presentation: 'Poules en plein air.',
  labels: ['ab'],
  products: [
    {
      family: 'oeufs',
      name: 'Œufs de plein air',
      description: '',
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      labels: [],
    },
  ],
  places: [
    {
      mode: 'farm-shop',
      name: 'La ferme',
      communeInsee: '14047',
      address: '',
      details: '',
      radiusKm: null,
      hours: [{ weekday: 1, opens: '09:00', closes: '18:00' }],
    },
  ],
  ...over,
})

describe('the producers’ JSON API', () => {
  let t: TestApp
  let w: ProducerWorld
  let farmerToken: string
  let strangerToken: string
  let readOnly: string
  before(async () => {
    t = await buildTestApp()
    w = await producerWorld(t, 'api')
    farmerToken = await makeAccessToken(t, w.calvados, w.farmer.id, [
      'organisations:read',
      'organisations:write',
    ])
    strangerToken = await makeAccessToken(t, w.calvados, w.stranger.id, [
      'organisations:read',
      'organisations:write',
    ])
    readOnly = await makeAccessToken(t, w.calvados, w.farmer.id, ['organisations:read'])
  })
  after(() => t.close())
  const as = (token: string) => ({ host: w.host, token })

  it('lets a manager replace the page, and anyone else gets 404 with nothing changed', async () => {
    const denied = await callApi(t, as(strangerToken), 'PUT', `/api/v1/producers/${w.farmId}`, page())
    assert.equal(denied.statusCode, 404)
    const scoped = await callApi(t, as(readOnly), 'PUT', `/api/v1/producers/${w.farmId}`, page())
    assert.equal(scoped.statusCode, 403)
    const elsewhere = await callApi(
      t,
      { host: w.otherHost, token: farmerToken },
      'PUT',
      `/api/v1/producers/${w.farmId}`,
      page(),
    )
    assert.ok([401, 403, 404].includes(elsewhere.statusCode), String(elsewhere.statusCode))
    assert.deepEqual(await w.counts(w.farmId), { profile: 0, products: 0, places: 0, hours: 0, photos: 0 })

    const res = await callApi(t, as(farmerToken), 'PUT', `/api/v1/producers/${w.farmId}`, page())
    assert.equal(res.statusCode, 200, res.body)
    const body = res.json()
    assert.equal(body.verified, false)
    assert.deepEqual(body.families, ['oeufs'])
    assert.deepEqual(body.places[0].hours, [{ weekday: 1, opens: '09:00', closes: '18:00' }])
    assert.deepEqual(body.places[0].commune, { insee: '14047', name: 'Bayeux' })
    assert.deepEqual(await w.counts(w.farmId), { profile: 1, products: 1, places: 1, hours: 1, photos: 0 })
  })

  it('refuses bad months, hours and communes with the field named, writing nothing', async () => {
    const before = await w.counts(w.farmId)
    const cases: [Record<string, unknown>, string][] = [
      [{ products: [{ family: 'oeufs', name: 'Œufs', months: [13] }] }, 'products/0/months'],
      [
        { places: [{ ...page().places[0], hours: [{ weekday: 8, opens: '09:00', closes: '18:00' }] }] },
        'places/0/hours1Day',
      ],
      [
        { places: [{ ...page().places[0], hours: [{ weekday: 2, opens: '18:00', closes: '09:00' }] }] },
        'places/0/hours1Closes',
      ],
      [{ places: [{ ...page().places[0], communeInsee: '50129' }] }, 'places/0/communeInsee'],
      [{ labels: ['bio-maison'] }, 'labels'],
    ]
    for (const [over, field] of cases) {
      const res = await callApi(t, as(farmerToken), 'PUT', `/api/v1/producers/${w.farmId}`, page(over))
      assert.equal(res.statusCode, 400, JSON.stringify(over))
      assert.match(res.body, new RegExp(field.replace(/\//g, '\\/')), res.body)
    }
    for (const text of HOSTILE) {
      for (const over of [
        { presentation: text },
        { products: [{ family: 'oeufs', name: text, description: text, months: [5] }] },
        { places: [{ ...page().places[0], name: text, address: text, details: text }] },
        { places: [{ ...page().places[0], mode: text }] },
        { places: [{ ...page().places[0], hours: [{ weekday: 1, opens: text, closes: '18:00' }] }] },
      ]) {
        const res = await callApi(t, as(farmerToken), 'PUT', `/api/v1/producers/${w.farmId}`, page(over))
        assert.ok(
          [200, 400].includes(res.statusCode),
          `${JSON.stringify(text.slice(0, 20))}: ${res.statusCode}`,
        )
        if (res.statusCode === 400) assert.match(res.headers['content-type'] as string, /problem\+json/)
      }
    }
    await callApi(t, as(farmerToken), 'PUT', `/api/v1/producers/${w.farmId}`, page())
    assert.deepEqual(await w.counts(w.farmId), before)
  })

  it('lists verified producers only, with the page’s search parameters', async () => {
    const visitor = { host: w.host, token: readOnly }
    assert.equal((await callApi(t, visitor, 'GET', '/api/v1/producers')).json().total, 0)
    assert.equal(
      (await callApi(t, as(strangerToken), 'GET', `/api/v1/producers/${w.farmId}`)).statusCode,
      404,
    )
    await w.verify(w.farmId)
    const found = await callApi(
      t,
      visitor,
      'GET',
      `/api/v1/producers?words=${encodeURIComponent('œufs')}&commune=Port-en-Bessin-Huppain&radiusKm=15&openToday=true`,
    )
    assert.equal(found.statusCode, 200, found.body)
    const [item] = found.json().items
    assert.equal(item.name, 'Ferme du Pré Vert')
    assert.equal(item.openTodayUntil, '18:00')
    assert.equal(item.distanceKm, 8.5)
    assert.equal((await callApi(t, visitor, 'GET', '/api/v1/producers?family=tabac')).statusCode, 400)
    assert.equal((await callApi(t, visitor, 'GET', '/api/v1/producers?radiusKm=12')).statusCode, 400)
    for (const text of HOSTILE) {
      const q = encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'))
      for (const param of ['words', 'commune', 'family', 'mode', 'radiusKm', 'openToday', 'page']) {
        const res = await callApi(t, visitor, 'GET', `/api/v1/producers?${param}=${q}`)
        assert.ok(
          [200, 400].includes(res.statusCode),
          `${param}=${JSON.stringify(text.slice(0, 20))}: ${res.statusCode}`,
        )
      }
      const byId = await callApi(t, visitor, 'GET', `/api/v1/producers/${q || 'x'}`)
      assert.ok(
        byId.statusCode >= 400 && byId.statusCode < 500,
        `id ${JSON.stringify(text.slice(0, 20))}: ${byId.statusCode}`,
      )
    }
    const one = await callApi(t, as(strangerToken), 'GET', `/api/v1/producers/${w.farmId}`)
    assert.equal(one.statusCode, 200)
    assert.equal(one.json().contact.value, 'contact@example.org')
    const other = await callApi(
      t,
      { host: w.otherHost, token: readOnly },
      'GET',
      `/api/v1/producers/${w.farmId}`,
    )
    assert.ok([401, 403, 404].includes(other.statusCode))
  })
})
