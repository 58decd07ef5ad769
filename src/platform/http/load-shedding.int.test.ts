import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type pg from 'pg'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'

const TOKEN = 'jeton-de-collecte-des-mesures-0123456789'
const host = 'entraide.calvados.test'
const common = { permission: 'public' as const, scope: null, territory: false }

/** Holds the event loop the way a long synchronous task would (a heavy render, a big JSON). */
function blockLoop(ms: number) {
  const until = performance.now() + ms
  while (performance.now() < until) {}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('load shedding on a blocked event loop', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ SHED_EVENT_LOOP_DELAY_MS: '1000', METRICS_TOKEN: TOKEN }, (app) => {
      // only in this test's app: a route that blocks the loop well past the threshold (a busy
      // test machine may stall for a few hundred milliseconds on its own, which is not shed)
      app.get('/essai/bloquer', { config: common }, async () => {
        blockLoop(1500)
        return 'fini'
      })
    })
    await makeTerritory(t.app.services, { hostnames: [host] })
    // The embedded database runs in this thread: the setup's queries may have held the loop.
    await sleep(1000)
  })
  after(() => t.close())

  it('serves pages normally when the loop keeps up', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ url: '/', headers: { host } })
      assert.equal(res.statusCode, 200)
    }
  })

  it('right after a stall, answers 503 with Retry-After, in French for a browser and as a problem for the API', async () => {
    await t.app.inject({ url: '/essai/bloquer' })
    const home = await t.app.inject({ url: '/', headers: { host, 'accept-language': 'fr-FR,fr' } })
    const api = await t.app.inject({ url: '/api/communes?q=caen', headers: { host } })
    const health = await t.app.inject({ url: '/healthz' })
    const ready = await t.app.inject({ url: '/readyz' })
    const metrics = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })

    assert.equal(home.statusCode, 503)
    assert.equal(home.headers['retry-after'], '5')
    assert.match(home.headers['content-type'] as string, /^text\/html/)
    const doc = page(home.body)
    assert.equal(doc.h1(), 'Service momentanément indisponible')
    assert.match(doc.text('main'), /beaucoup de visites en ce moment/)

    assert.equal(api.statusCode, 503)
    assert.equal(api.headers['retry-after'], '5')
    assert.match(api.headers['content-type'] as string, /^application\/problem\+json/)
    assert.equal(api.json().status, 503)

    // Alive (no restart wanted), but not ready: a load balancer sends traffic elsewhere meanwhile.
    assert.equal(health.statusCode, 200)
    assert.equal(ready.statusCode, 503)
    assert.equal(metrics.statusCode, 200)
    assert.match(metrics.body, /^http_requests_shed_total\{reason="event-loop"\} [1-9]\d*$/m)
  })

  it('serves again once the loop has kept up for a moment', async () => {
    let status = 0
    for (let i = 0; i < 50 && status !== 200; i++) {
      await sleep(100)
      status = (await t.app.inject({ url: '/', headers: { host } })).statusCode
    }
    assert.equal(status, 200)
  })
})

describe('load shedding on queries queued for a connection', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ SHED_POOL_WAIT_MS: '200' })
    await makeTerritory(t.app.services, { hostnames: [host] })
  })
  after(() => t.close())

  it('answers 503 while queries wait for a connection, and serves again once they are through', async () => {
    const pool = t.app.services.database.pool
    const held: pg.PoolClient[] = []
    for (let i = 0; i < (pool.options.max ?? 10); i++) held.push(await pool.connect())
    const waiting = [pool.query('select 1'), pool.query('select 1')]
    assert.equal(pool.waitingCount, 2)
    // A queue that has just formed is a burst: this request waits its turn rather than a 503.
    const early = t.app.inject({ url: '/', headers: { host } })
    // One that has not emptied for longer than the limit is an overload: refused at once.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const refused = await t.app.inject({ url: '/', headers: { host } })
    assert.equal(refused.statusCode, 503)
    assert.equal(refused.headers['retry-after'], '5')
    assert.match(refused.body, /beaucoup de visites en ce moment/)

    for (const client of held) client.release()
    await Promise.all(waiting)
    assert.equal((await early).statusCode, 200)
    const served = await t.app.inject({ url: '/', headers: { host } })
    assert.equal(served.statusCode, 200)
  })
})
