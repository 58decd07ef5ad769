// What the benches that run the app in their own process share: the app on a fresh embedded
// database (or on DATABASE_URL, a throwaway one), migrated and ready, and the percentile of a
// sorted list of timings.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import type { Clock } from '../src/platform/clock.ts'
import { openDatabase } from '../src/platform/db/client.ts'
import { migrate } from '../src/platform/db/migrate.ts'
import { childDatabaseEnv } from './databases.ts'

/** `env` adds to a silent app without jobs: NODE_ENV, and whatever the bench needs. */
export async function openBenchApp(name: string, env: Record<string, string>) {
  const url = process.env.DATABASE_URL
  const dir = url ? null : await mkdtemp(join(tmpdir(), `entraide-bench-${name}-`))
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    ...env,
    ...(url ? { DATABASE_URL: url } : { PGLITE_DIR: join(dir!, 'db') }),
  })
  const database = await openDatabase(config.database)
  await migrate(database)
  const app = await buildApp({ config, database, logger: false })
  await app.ready()
  return {
    app,
    config,
    database,
    async close() {
      await app.close()
      await database.close()
      if (dir) await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * In a child process of `benchDatabases`: the app on the database its parent chose, migrated and
 * ready, silent and without jobs (the bench runs them when it wants to count them). Statements
 * are counted only while `statements.armed`: the bench's own writes are not the app's cost.
 */
export async function openChildApp(options: { clock?: Clock } = {}) {
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    ...childDatabaseEnv(),
  })
  const statements = { armed: false, count: 0 }
  const database = await openDatabase(config.database, {
    onStatement: () => {
      if (statements.armed) statements.count++
    },
  })
  await migrate(database)
  const app = await buildApp({
    config,
    database,
    logger: false,
    ...(options.clock ? { clock: options.clock } : {}),
  })
  await app.ready()
  return { config, database, app, statements }
}

/** The value below which `p` % of `sorted` (ascending) lie. */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

/** A small seeded generator (mulberry32): the same data and outcomes on every run, so runs compare. */
export function seededRandom(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
