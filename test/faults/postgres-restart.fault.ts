import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import pg from 'pg'
import { freePort, type SpawnedServer } from '../../e2e/helpers/server.ts'
import {
  api,
  type Poster,
  postListing,
  preparePosters,
  removeDir,
  run,
  startServer,
  withApp,
} from './support.ts'

const BIN = '/usr/lib/postgresql/15/bin'
const missing = ['initdb', 'pg_ctl'].filter((tool) => !existsSync(join(BIN, tool)))
const skip =
  missing.length > 0 ? `PostgreSQL 15 server binaries not found (${BIN}/${missing.join(', ')})` : false
if (skip) console.log(`# skipped: ${skip}`)

/**
 * A throwaway PostgreSQL cluster of this test's own, on a temporary directory and port, so that it
 * can be stopped and started again without touching any server someone else uses. initdb refuses
 * to run as root, hence the postgres user there.
 */
async function throwawayCluster() {
  const root = await mkdtemp(join(tmpdir(), 'entraide-pg-'))
  const data = join(root, 'data')
  const port = await freePort()
  const asRoot = process.getuid?.() === 0
  const user = asRoot ? 'postgres' : undefined
  if (asRoot) await run('chown', ['postgres:postgres', root])
  await run(join(BIN, 'initdb'), ['-D', data, '-U', 'entraide', '--auth=trust', '-E', 'UTF8', '-N'], { user })
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`
  const ctl = (...args: string[]) =>
    run(join(BIN, 'pg_ctl'), ['-D', data, '-w', '-t', '60', ...args], { user })
  const cluster = {
    url: `postgres://entraide@127.0.0.1:${port}/entraide`,
    start: () => ctl('-l', join(root, 'server.log'), '-o', options, 'start'),
    stop: () => ctl('-m', 'fast', 'stop'),
    async remove() {
      await ctl('-m', 'immediate', 'stop').catch(() => {})
      await removeDir(root)
    },
  }
  await cluster.start()
  const admin = new pg.Client({ connectionString: `postgres://entraide@127.0.0.1:${port}/postgres` })
  await admin.connect()
  await admin.query('CREATE DATABASE entraide')
  await admin.end()
  return cluster
}

const NO_SQL = /select|insert|from "|Failed query|params:/i

describe('the PostgreSQL server stopped, then started again', () => {
  let cluster: Awaited<ReturnType<typeof throwawayCluster>> | undefined
  let server: SpawnedServer | undefined
  after(async () => {
    await server?.stop().catch(() => server?.child.kill('SIGKILL'))
    await cluster?.remove()
  })

  it(
    'answers 503 with Retry-After while it is down, then serves again without a restart',
    { skip },
    async () => {
      cluster = await throwawayCluster()
      const poster: Poster = await withApp({ DATABASE_URL: cluster.url }, (t) => preparePosters(t, 1))
      const token = poster.tokens[0]!
      // The worker runs too, as in production: its polling must live through the outage as well.
      server = await startServer({ DATABASE_URL: cluster.url, JOBS_ENABLED: 'true', JOBS_POLL_MS: '200' })
      const pid = server.child.pid
      assert.ok(await postListing(server, poster, token, 'Avant l’arrêt'))

      await cluster.stop()
      // The worker's clients lose their server too: a moment for an unhandled error to end the process.
      await new Promise((r) => setTimeout(r, 1000))
      assert.equal(server.child.exitCode, null, `the server died with the database:\n${server.output()}`)
      const page = (lang: string) =>
        fetch(`${server!.url}/annonces`, { headers: { 'accept-language': lang } })
      const french = await page('fr-FR,fr;q=0.9')
      assert.equal(french.status, 503)
      assert.equal(french.headers.get('retry-after'), '30')
      const frenchBody = await french.text()
      assert.match(frenchBody, /<h1>Service momentanément indisponible<\/h1>/)
      assert.doesNotMatch(frenchBody, NO_SQL)
      const english = await page('en')
      assert.equal(english.status, 503)
      assert.match(await english.text(), /<h1>Service temporarily unavailable<\/h1>/)

      const listed = await api(server, token, 'GET', '/api/v1/me/listings')
      assert.equal(listed.status, 503)
      assert.equal(listed.headers.get('retry-after'), '30')
      assert.match(listed.headers.get('content-type') ?? '', /^application\/problem\+json/)
      const problem = await listed.text()
      assert.equal(JSON.parse(problem).status, 503)
      assert.doesNotMatch(problem, NO_SQL)
      assert.equal((await fetch(`${server.url}/readyz`)).status, 503)
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200)

      await cluster.start()
      let status = 0
      for (let i = 0; i < 100 && status !== 200; i++) {
        status = (await api(server, token, 'GET', '/api/v1/me/listings')).status
        if (status !== 200) await new Promise((r) => setTimeout(r, 200))
      }
      assert.equal(status, 200, 'the pool reconnected by itself')
      assert.equal(server.child.exitCode, null, 'the same process, never restarted')
      assert.equal(server.child.pid, pid)
      assert.ok(await postListing(server, poster, token, 'Après le retour'), 'writes work again')
      assert.equal((await fetch(`${server.url}/readyz`)).status, 200)
    },
  )
})
