import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts'
import { firstWords } from './query-deadline.ts'

/**
 * A query that gets no answer fails with its statement's first words, and the database goes on
 * serving. The wait is made by a transaction holding a lock: on PostgreSQL the second statement
 * waits for the lock, on the embedded database for the backend the transaction keeps.
 */
describe('a query left without an answer', () => {
  let database: TestDatabase
  before(async () => {
    database = await createTestDatabase({ queryTimeoutMs: 500 })
  })
  after(() => database.drop())

  it('fails naming its first words, and the next queries are answered', async () => {
    // Two connections open before the wait: the second statement's is not still being made.
    await Promise.all([database.db.execute(sql`select 1`), database.db.execute(sql`select 2`)])
    let holding!: () => void
    const held = new Promise<void>((resolve) => {
      holding = resolve
    })
    let done!: () => void
    const finished = new Promise<void>((resolve) => {
      done = resolve
    })
    const transaction = database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(4243)`)
      holding()
      await finished
    })
    await held
    const waiting = await database.db.execute(sql`select pg_advisory_xact_lock(4243) as waited`).then(
      () => null,
      (error: Error) => error,
    )
    done()
    await transaction
    // Drizzle wraps the driver's error in its own « Failed query » one.
    const reason = (waiting?.cause ?? waiting) as Error | null
    assert.equal(
      reason?.message,
      'query unanswered after 500 ms: select pg_advisory_xact_lock(4243) as waited',
    )
    const answer = (await database.db.execute(sql`select 1 as one`)) as unknown as { rows: unknown[] }
    assert.deepEqual(answer.rows, [{ one: 1 }])
  })

  it('names a long statement by its beginning, on one line', () => {
    const text = `select "id",\n  "name"\nfrom "phone_people" where ${'"x" = 1 and '.repeat(20)}true`
    const words = firstWords(text, 40)
    assert.equal(words, 'select "id", "name" from "phone_people" …')
  })
})
