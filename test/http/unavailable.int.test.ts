import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { type App, buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { type Database, openDatabase } from '../../src/platform/db/client.ts'
import { buildTestApp, type TestApp } from '../helpers/app.ts'

/** A port nothing listens on: the real driver gets ECONNREFUSED, as when PostgreSQL is stopped. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

describe('when the database cannot be reached', () => {
  let app: App
  let database: Database
  before(async () => {
    // Development on purpose: it is where error details are shown, and SQL must still not be.
    const config = loadConfig({
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      JOBS_ENABLED: 'false',
      DATABASE_URL: `postgres://entraide:entraide@127.0.0.1:${await closedPort()}/absente`,
    })
    database = await openDatabase(config.database, { poolSize: 1 })
    app = await buildApp({ config, database, logger: false })
    await app.ready()
  })
  after(async () => {
    await app.close()
    await database.close()
  })

  it('tells a visitor, in their language, to come back in a moment', async () => {
    const french = await app.inject({
      url: '/annonces?q=courses',
      headers: { host: 'entraide.calvados.test', 'accept-language': 'fr-FR,fr;q=0.9' },
    })
    assert.equal(french.statusCode, 503)
    assert.equal(french.headers['retry-after'], '30')
    assert.match(String(french.headers['content-type']), /^text\/html/)
    assert.match(french.body, /<h1>Service momentanément indisponible<\/h1>/)
    assert.match(french.body, /Réessayez dans quelques minutes/)
    assert.doesNotMatch(french.body, /select|Failed query|ECONNREFUSED/i)

    const english = await app.inject({
      url: '/',
      headers: { host: 'entraide.calvados.test', 'accept-language': 'en-GB,en;q=0.8' },
    })
    assert.equal(english.statusCode, 503)
    assert.match(english.body, /<h1>Service temporarily unavailable<\/h1>/)
  })

  it('answers a program with problem JSON that holds no SQL', async () => {
    const res = await app.inject({
      url: '/api/v1/listings/abc',
      headers: { host: 'entraide.calvados.test', 'accept-language': 'fr' },
    })
    assert.equal(res.statusCode, 503)
    assert.equal(res.headers['retry-after'], '30')
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/)
    const body = res.json()
    assert.equal(body.status, 503)
    assert.equal(body.title, 'Service momentanément indisponible')
    assert.match(body.type, /\/problemes\/indisponible$/)
    assert.doesNotMatch(res.body, /select|from|Failed query|params/i)
  })

  it('says the process is alive but not ready', async () => {
    assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200)
    const ready = await app.inject({ url: '/readyz' })
    assert.equal(ready.statusCode, 503)
    assert.equal(ready.headers['retry-after'], '30')
  })
})

describe('a query that fails, in development', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ NODE_ENV: 'development' }, (app) => {
      app.get(
        '/api/v1/essai-panne',
        { config: { permission: 'public', scope: null, territory: false } },
        async () => {
          await app.services.database.db.execute(sql`select secret_column from table_that_is_not_there`)
          return {}
        },
      )
    })
  })
  after(() => t.close())

  it('shows the database’s words but not the query', async () => {
    const res = await t.app.inject({ url: '/api/v1/essai-panne' })
    assert.equal(res.statusCode, 500)
    const body = res.json()
    assert.match(body.detail, /table_that_is_not_there/, 'what went wrong is still said')
    assert.doesNotMatch(res.body, /select|secret_column|Failed query/i)
  })
})
