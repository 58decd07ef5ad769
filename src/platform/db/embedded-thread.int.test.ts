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

  it('answers a deeply nested statement, then the next one on the same connection', async () => {
    // PostgreSQL's own recursion: its parser and executor call themselves once per level.
    let expression = '1'
    for (let i = 0; i < 3000; i++) expression = `(${expression} + 1)`
    const client = await t.db.pool.connect()
    try {
      const deep = await client.query(`select ${expression} as v`)
      assert.equal(deep.rows[0].v, 3001)
      const next = await client.query('select $1::int + 1 as v', [41])
      assert.equal(next.rows[0].v, 42)
    } finally {
      client.release()
    }
  })
})

embeddedOnly('when the embedded database’s thread ends (a fault)', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('refuses a write at once, answers a read once another thread is up, and is ready again', async () => {
    await t.db.embedded!.abort()
    const [write, read] = await Promise.allSettled([
      t.db.pool.query("insert into communes (insee) values ('99999')"),
      t.db.pool.query('select count(*)::int as n from communes'),
    ])
    assert.equal(write.status, 'rejected')
    assert.equal((write as PromiseRejectedResult).reason.code, 'ECONNREFUSED')
    assert.equal(read.status, 'fulfilled', 'the read waited for the new thread')
    const communes = (read as PromiseFulfilledResult<{ rows: { n: number }[] }>).value.rows[0]!.n
    assert.ok(communes > 100, 'the communes read back from the same directory')
    assert.equal((await t.app.inject({ url: '/readyz' })).statusCode, 200)
    assert.equal((await t.app.inject({ url: '/healthz' })).statusCode, 200)
    const again = await t.db.pool.query('select count(*)::int as n from communes where insee = $1', ['99999'])
    assert.equal(again.rows[0].n, 0, 'the refused write was not applied')
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
