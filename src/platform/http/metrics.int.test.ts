import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'

const TOKEN = 'jeton-de-collecte-des-mesures-0123456789'
const host = 'entraide.calvados.test'

describe('/metrics without a token configured', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('does not exist', async () => {
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
    assert.equal(res.statusCode, 404)
    assert.doesNotMatch(res.body, /http_requests_total/)
  })
})

describe('/metrics with METRICS_TOKEN', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ METRICS_TOKEN: TOKEN })
    await makeTerritory(t.app.services, { hostnames: [host] })
  })
  after(() => t.close())

  const scrape = () => t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })

  it('refuses a scraper without the token, or with another one', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`]) {
      const res = await t.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} })
      assert.equal(res.statusCode, 401, String(authorization))
      assert.equal(res.headers['www-authenticate'], 'Bearer realm="metrics"')
      assert.doesNotMatch(res.body, /http_requests_total/)
    }
  })

  it('counts a page under its route pattern, never its URL', async () => {
    const id = '0b5d7c1e-5f3a-4a7e-9d7c-3f2a1b0c9d8e'
    const page = await t.app.inject({ url: `/annonces/${id}`, headers: { host } })
    assert.equal(page.statusCode, 404)
    await t.app.inject({ url: '/healthz' })
    await t.app.inject({ url: '/healthz' })

    const res = await scrape()
    assert.equal(res.statusCode, 200)
    assert.match(res.headers['content-type'] as string, /^text\/plain; version=0\.0\.4/)
    assert.match(res.body, /^http_requests_total\{method="GET",route="\/annonces\/:id",status="404"\} 1$/m)
    assert.match(res.body, /^http_requests_total\{method="GET",route="\/healthz",status="200"\} 2$/m)
    assert.match(
      res.body,
      /^http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 2$/m,
    )
    assert.doesNotMatch(res.body, new RegExp(id))
  })

  it('has the process, the job queue and the pool', async () => {
    const { jobs, clock } = t.app.services
    await jobs.enqueue('test.due', {})
    await jobs.enqueue('test.later', {}, { runAt: new Date(clock.now().getTime() + 3_600_000) })
    const res = await scrape()
    assert.match(res.body, /^nodejs_eventloop_lag_seconds \d/m)
    assert.match(res.body, /^jobs_due 1$/m)
    assert.match(res.body, /^db_pool_connections \d+$/m)
    assert.match(res.body, /^db_pool_idle_connections \d+$/m)
    assert.match(res.body, /^db_pool_waiting_requests 0$/m)
  })

  it('an unknown URL is counted under one label, whatever its path', async () => {
    await t.app.inject({ url: '/une/adresse/inconnue', headers: { host } })
    const res = await scrape()
    assert.match(res.body, /route="unmatched",status="404"/)
    assert.doesNotMatch(res.body, /inconnue/)
  })
})

describe('/metrics on a private address (METRICS_LISTEN)', () => {
  let t: TestApp
  let closed = false
  before(async () => {
    t = await buildTestApp({ METRICS_LISTEN: '127.0.0.1:0' })
  })
  after(() => (closed ? undefined : t.close()))

  it('answers there without a token, and not on the public port', async () => {
    const address = t.app.metricsAddress!()!
    await t.app.inject({ url: '/healthz' })
    const res = await fetch(`http://127.0.0.1:${address.port}/metrics`)
    assert.equal(res.status, 200)
    assert.match(await res.text(), /^http_requests_total\{method="GET",route="\/healthz",status="200"\} 1$/m)
    assert.equal((await fetch(`http://127.0.0.1:${address.port}/`)).status, 404)
    const publicSide = await t.app.inject({ url: '/metrics' })
    assert.equal(publicSide.statusCode, 404)
  })

  it('closes with the app', async () => {
    const { port } = t.app.metricsAddress!()!
    await t.close()
    closed = true
    await assert.rejects(fetch(`http://127.0.0.1:${port}/metrics`))
  })
})
