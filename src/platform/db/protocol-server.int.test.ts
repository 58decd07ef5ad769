import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { type ProtocolServer, servePglite } from './pglite-server/protocol-server.ts'

/**
 * The embedded database's protocol handler on its own, in this thread and with a short wait
 * limit, for what the application's pool cannot easily provoke.
 */
describe('the embedded database’s protocol handler', () => {
  let pglite: PGlite
  let server: ProtocolServer
  let socketDir: string
  const failures: unknown[] = []
  const connect = async () => {
    const client = new pg.Client({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres' })
    client.on('error', () => {})
    await client.connect()
    return client
  }
  before(async () => {
    socketDir = await mkdtemp(join(tmpdir(), 'entraide-protocol-'))
    pglite = await PGlite.create()
    server = await servePglite(pglite, join(socketDir, '.s.PGSQL.5432'), (e) => failures.push(e), {
      waitLimitMs: 2000,
    })
  })
  after(async () => {
    await server.close()
    await pglite.close()
    await rm(socketDir, { recursive: true, force: true })
  })

  it('refuses, with a code the application answers 503, a statement kept waiting by a transaction', async () => {
    const holder = await connect()
    const other = await connect()
    try {
      await holder.query('begin')
      await holder.query('select 1')
      await assert.rejects(other.query('select $1::int as n', [1]), (error: pg.DatabaseError) => {
        assert.equal(error.code, '57P03')
        assert.match(error.message, /occupée par une autre transaction/)
        return true
      })
      await holder.query('commit')
      // The refused connection is still usable, and the backend is free again.
      assert.deepEqual((await other.query('select $1::int as n', [2])).rows, [{ n: 2 }])
    } finally {
      await holder.end()
      await other.end()
    }
  })

  it('lets a statement wait for a transaction that ends in time', async () => {
    const holder = await connect()
    const other = await connect()
    try {
      await holder.query('begin')
      const waiting = other.query('select $1::text as word', ['ensuite'])
      await holder.query('create table attente (n int)')
      await holder.query('commit')
      assert.deepEqual((await waiting).rows, [{ word: 'ensuite' }])
      assert.deepEqual(failures, [])
    } finally {
      await holder.end()
      await other.end()
    }
  })
})
