import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'

/** Only the embedded database has a thread of its own: on PostgreSQL there is no thread to end. */
const embeddedOnly = process.env.DATABASE_URL ? () => {} : describe

describe('the database, seen from the thread that answers requests', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('leaves the event loop free while a long query runs', async () => {
    let ticks = 0
    const timer = setInterval(() => {
      ticks++
    }, 10)
    try {
      await t.db.db.execute(sql`select pg_sleep(1)`)
    } finally {
      clearInterval(timer)
    }
    // Run in this thread, the query would have let the timer fire at most once.
    assert.ok(ticks >= 5, `the timer fired ${ticks} times during the query`)
  })
})

embeddedOnly('when the embedded database’s thread dies', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('answers 503 to visitors and to readiness, without hanging', async () => {
    await t.db.embedded!.abort()
    const ready = await t.app.inject({ url: '/readyz' })
    assert.equal(ready.statusCode, 503)
    assert.equal(ready.headers['retry-after'], '30')
    const page = await t.app.inject({
      url: '/annonces',
      headers: { host: 'entraide.calvados.test', 'accept-language': 'fr' },
    })
    assert.equal(page.statusCode, 503)
    assert.match(page.body, /Service momentanément indisponible/)
    assert.equal((await t.app.inject({ url: '/healthz' })).statusCode, 200)
  })
})

embeddedOnly('the embedded database’s settings', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('keeps 32 MB of shared buffers, and the settings its initdb wrote', async () => {
    const result = await t.db.db.execute(sql`select current_setting('shared_buffers') as buffers,
      current_setting('TimeZone') as zone, current_setting('DateStyle') as style,
      current_setting('default_text_search_config') as words, current_setting('lc_numeric') as numeric`)
    assert.deepEqual((result as unknown as { rows: unknown[] }).rows[0], {
      buffers: '32MB',
      zone: 'UTC',
      style: 'ISO, MDY',
      words: 'pg_catalog.english',
      numeric: 'C',
    })
  })
})
