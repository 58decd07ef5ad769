import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts'
import { openDatabase } from './client.ts'

/**
 * Statements with parameters go as named statements, parsed once per connection. On the
 * embedded database every connection shares one session: names must not collide there, and a
 * connection that ends must not leave its statements behind.
 */

const preparedLike = async (client: pg.PoolClient | pg.Pool, pattern: string) =>
  (
    await client.query<{ statement: string }>(
      'select statement from pg_prepared_statements where statement like $1 order by statement',
      [pattern],
    )
  ).rows.map((r) => r.statement)

describe('statements prepared once per connection', () => {
  let database: TestDatabase
  before(async () => {
    database = await createTestDatabase()
  })
  after(() => database.drop())

  it('parses a statement with parameters once on its connection and answers each call with its own values', async () => {
    const client = await database.pool.connect()
    try {
      const text = 'select $1::int + 1 as n /* once */'
      const answers: number[] = []
      for (const v of [1, 2, 3]) answers.push((await client.query<{ n: number }>(text, [v])).rows[0]!.n)
      assert.deepEqual(answers, [2, 3, 4])
      assert.deepEqual(await preparedLike(client, '%/* once */'), [text])
    } finally {
      client.release()
    }
  })

  it('keeps at most 100 statements on a connection, deallocating the least recently used', async () => {
    const client = await database.pool.connect()
    try {
      for (let i = 0; i < 150; i++) {
        const { rows } = await client.query<{ n: number }>(`select $1::int + ${i} as n /* many */`, [i])
        assert.equal(rows[0]!.n, 2 * i)
      }
      const kept = await preparedLike(client, 'select $1::int + % as n /* many */')
      assert.ok(kept.length <= 100 && kept.length >= 90, `${kept.length} statements kept`)
      assert.ok(kept.includes('select $1::int + 149 as n /* many */'))
      assert.ok(!kept.includes('select $1::int + 0 as n /* many */'))
      // Given up, a statement is prepared again under a new name when it comes back.
      const again = await client.query<{ n: number }>('select $1::int + 0 as n /* many */', [21])
      assert.equal(again.rows[0]!.n, 21)
    } finally {
      client.release()
    }
  })

  it('lets several connections run the same statement side by side', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => database.pool.connect()))
    try {
      const text = 'select $1::text || pg_sleep(0.01)::text as tag /* side by side */'
      const tags = await Promise.all(
        clients.flatMap((client, c) =>
          [0, 1].map(async (i) => (await client.query<{ tag: string }>(text, [`c${c}-${i}`])).rows[0]!.tag),
        ),
      )
      assert.deepEqual(tags, ['c0-0', 'c0-1', 'c1-0', 'c1-1', 'c2-0', 'c2-1'])
    } finally {
      for (const client of clients) client.release()
    }
  })

  it('leaves no statement of a connection that ended', async () => {
    const gone = await database.pool.connect()
    const text = 'select $1::text as probe /* ended */'
    assert.equal((await gone.query<{ probe: string }>(text, ['x'])).rows[0]!.probe, 'x')
    gone.release(true)
    let left: string[] = []
    for (let i = 0; i < 100; i++) {
      left = await preparedLike(database.pool, '%/* ended */')
      if (left.length === 0) break
      await sleep(20)
    }
    assert.deepEqual(left, [])
  })
})

if (process.env.DATABASE_URL) {
  describe('statements sent unnamed, for a pooler that keeps no session', () => {
    it('prepares nothing when preparedStatements is false', async () => {
      const database = await createTestDatabase()
      const url = (database.pool.options as { connectionString: string }).connectionString
      const unnamed = await openDatabase(
        { kind: 'postgres', url, preparedStatements: false },
        { poolSize: 1 },
      )
      try {
        const client = await unnamed.pool.connect()
        try {
          await client.query('select $1::int as n /* unnamed */', [1])
          assert.deepEqual(await preparedLike(client, '%/* unnamed */'), [])
        } finally {
          client.release()
        }
      } finally {
        await unnamed.close()
        await database.drop()
      }
    })
  })
}
