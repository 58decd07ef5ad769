import type { Config } from '../../src/config.ts'
import { openDatabase } from '../../src/platform/db/client.ts'
import { buildTestApp, type TestApp } from './app.ts'
import { createTestTarget, type TestDatabase } from './db.ts'

export interface Counted<T> {
  result: T
  /** statements the application sent, transaction control (begin, commit) included where the driver sends it through Drizzle */
  count: number
  /** their SQL text, with placeholders for the values: for the message of a failing assertion */
  statements: string[]
}

export interface CountingTestApp extends TestApp {
  /** The statements sent while `fn` runs: one request made with app.inject, nothing else at the same time. */
  count<T>(fn: () => Promise<T>): Promise<Counted<T>>
}

/** A fresh test database opened with a callback on every statement sent, and the counter it feeds. */
async function countingDatabase(): Promise<{ database: TestDatabase; seen: string[] }> {
  const target = await createTestTarget()
  const seen: string[] = []
  const config: Config['database'] = target.env.DATABASE_URL
    ? { kind: 'postgres', url: target.env.DATABASE_URL }
    : { kind: 'pglite', dir: target.env.PGLITE_DIR! }
  const opened = await openDatabase(config, {
    poolSize: 5,
    // Drizzle's logger hands the statement's text with placeholders, never the values.
    onStatement: ((query?: unknown) => {
      seen.push(String(query ?? ''))
    }) as () => void,
  })
  const database: TestDatabase = {
    ...opened,
    async drop() {
      await opened.close()
      await target.drop()
    },
  }
  return { database, seen }
}

/**
 * A test app whose database counts the statements it is sent, for tests that hold a use case to
 * a ceiling of statements per request. PGlite runs a transaction's begin and commit itself, out
 * of Drizzle's sight, so the same request counts two fewer there than on PostgreSQL: ceilings are
 * set for PostgreSQL and hold on both.
 */
export async function buildCountingTestApp(env: Record<string, string> = {}): Promise<CountingTestApp> {
  const { database, seen } = await countingDatabase()
  const t = await buildTestApp(env, undefined, database)
  return {
    ...t,
    async count(fn) {
      seen.length = 0
      const result = await fn()
      const statements = [...seen]
      return { result, count: statements.length, statements }
    },
  }
}
