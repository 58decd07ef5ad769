import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import Fastify from 'fastify'
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts'
import { safeErrorMessage } from '../jobs/job-error.ts'
import { loggerOptions } from './logging.ts'

const TYPED = 'Marie Dupont cherche une aide à domicile'
const SQL_TEXT = 'entraide_log_probe'

describe('logs of a failing query', () => {
  let database: TestDatabase
  before(async () => {
    database = await createTestDatabase()
  })
  after(() => database.drop())

  /** A query that fails on what a person typed: PostgreSQL quotes the value in its message. */
  const failingQuery = () =>
    database.db.execute(sql`select ${TYPED}::uuid as entraide_log_probe`).then(
      () => assert.fail('the query should fail'),
      (error: unknown) => error,
    )

  it('writes neither the SQL nor its parameters, but the error class and code', async () => {
    const lines: string[] = []
    const app = Fastify({
      logger: { ...loggerOptions('info'), stream: { write: (l: string) => lines.push(l) } },
    })
    app.get('/recherche', async () => {
      await failingQuery()
      throw await failingQuery()
    })
    const res = await app.inject({ url: `/recherche?mots=${encodeURIComponent(TYPED)}` })
    await app.close()
    assert.equal(res.statusCode, 500)
    const failure = lines.map((l) => JSON.parse(l)).find((l) => l.err)
    assert.ok(failure, 'the failure is logged')
    const line = JSON.stringify(failure)
    assert.doesNotMatch(line, /Marie|Dupont|domicile/, 'no parameter')
    assert.doesNotMatch(line, new RegExp(`${SQL_TEXT}|select`, 'i'), 'no SQL text')
    assert.equal(failure.err.code, '22P02', 'the SQLSTATE says what went wrong')
    assert.match(failure.err.message, /database error 22P02/)
    assert.ok(failure.err.type)
  })

  it('keeps the same out of the message stored for a failed job', async () => {
    const message = safeErrorMessage(await failingQuery())
    assert.equal(message, 'database error 22P02')
  })
})
