import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { setImmediate as turn } from 'node:timers/promises'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts'

/**
 * Several connections at once, as requests make them. On the embedded database they all reach
 * one PostgreSQL backend: these prove each still sees only its own statements and transactions.
 */

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows

describe('several connections to the database at once', () => {
  let database: TestDatabase
  /** A connection of its own, outside the pool, that a test may cut. */
  const connect = async () => {
    const client = new pg.Client(database.pool.options)
    client.on('error', () => {})
    await client.connect()
    return client
  }
  before(async () => {
    database = await createTestDatabase()
    await database.db.execute(sql`create table probe (tag text not null, n int not null)`)
  })
  after(() => database.drop())

  it('keeps concurrent transactions and parameterised reads apart', async () => {
    await database.db.execute(sql`truncate probe`)
    const TRANSACTIONS = 8
    const ROWS = 5
    const transactions = Array.from({ length: TRANSACTIONS }, (_, i) =>
      database.db.transaction(async (tx) => {
        const tag = `t${i}`
        for (let n = 0; n < ROWS; n++) {
          await tx.execute(sql`insert into probe (tag, n) values (${tag}, ${n})`)
          await turn()
        }
        const mine = rowsOf<{ n: number }>(
          await tx.execute(sql`select n from probe where tag = ${tag} order by n`),
        )
        const others = rowsOf<{ c: number }>(
          await tx.execute(sql`select count(*)::int as c from probe where tag <> ${tag}`),
        )
        return { mine: mine.map((r) => r.n), others: others[0]!.c }
      }),
    )
    // Reads with parameters, each expecting exactly its own values back.
    const reads = Array.from({ length: 60 }, async (_, i) => {
      await turn()
      const [row] = rowsOf<{ a: number; b: string }>(
        await database.db.execute(sql`select ${i}::int * 2 as a, ${`lecture ${i}`}::text as b`),
      )
      return row!.a === i * 2 && row!.b === `lecture ${i}`
    })
    const [done, answered] = await Promise.all([Promise.all(transactions), Promise.all(reads)])
    assert.deepEqual(answered, Array(60).fill(true))
    for (const result of done) {
      assert.deepEqual(result.mine, [0, 1, 2, 3, 4])
      // Another transaction's rows are seen only once it committed: whole, never in part.
      assert.equal(result.others % ROWS, 0)
    }
    const [total] = rowsOf<{ c: number }>(
      await database.db.execute(sql`select count(*)::int as c from probe`),
    )
    assert.equal(total!.c, TRANSACTIONS * ROWS)
  })

  it('rolls back a connection cut in the middle of its transaction, and frees what it locked', async () => {
    await database.db.execute(sql`truncate probe`)
    const client = await connect()
    await client.query('begin')
    await client.query('insert into probe (tag, n) values ($1, $2)', ['coupé', 1])
    await client.query('lock table probe in access exclusive mode')
    client.connection.stream.destroy()

    // Waits for the lock, if anything still held it, rather than failing.
    const seen = await database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table probe in access exclusive mode`)
      return rowsOf<{ c: number }>(await tx.execute(sql`select count(*)::int as c from probe`))[0]!.c
    })
    assert.equal(seen, 0)
    const [after] = rowsOf<{ ok: number }>(await database.db.execute(sql`select ${7}::int as ok`))
    assert.equal(after!.ok, 7)
  })

  it('takes a rollback after a failed statement inside a transaction', async () => {
    await database.db.execute(sql`truncate probe`)
    const client = await connect()
    try {
      await client.query('begin')
      await client.query('insert into probe (tag, n) values ($1, $2)', ['échoué', 1])
      await assert.rejects(client.query('select 1 / $1::int', [0]), { code: '22012' })
      await assert.rejects(client.query('select 1'), { code: '25P02' })
      // Meanwhile the others wait for the transaction to end, and then go on.
      const waiting = database.db.execute(sql`select count(*)::int as c from probe`)
      await client.query('rollback')
      assert.equal(rowsOf<{ c: number }>(await waiting)[0]!.c, 0)
      const [row] = (await client.query('select $1::text as word', ['encore'])).rows
      assert.equal(row.word, 'encore')
    } finally {
      await client.end()
    }
  })

  it('rolls back a Drizzle transaction whose callback throws', async () => {
    await database.db.execute(sql`truncate probe`)
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into probe (tag, n) values (${'annulé'}, ${1})`)
        throw new Error('abandon')
      }),
      /abandon/,
    )
    const [row] = rowsOf<{ c: number }>(await database.db.execute(sql`select count(*)::int as c from probe`))
    assert.equal(row!.c, 0)
  })
})
