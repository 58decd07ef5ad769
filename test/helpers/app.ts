import { type App, buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { FakeClock, sequentialIds } from '../../src/platform/clock.ts'
import { createTestDatabase, type TestDatabase } from './db.ts'

export interface TestApp {
  app: App
  db: TestDatabase
  clock: FakeClock
  close(): Promise<void>
}

/**
 * Several test files run in one process (scripts/test.mjs), so each app of the process numbers its
 * ids from its own prefix: a cache a module keeps by id (the circles around a territory's communes)
 * must not hand one file's territory to another file's app that happens to get the same id.
 */
let apps = 0

/** Ids for one app, numbered apart from those of the other apps of this process. */
export const testIds = () => sequentialIds(apps++)

/**
 * An app on its own fresh database (or the one given, which it then owns and drops), with a fake
 * clock and no background worker (tests drive jobs).
 */
export async function buildTestApp(
  env: Record<string, string> = {},
  beforeReady?: (app: App) => void | Promise<void>,
  database?: TestDatabase,
): Promise<TestApp> {
  const db = database ?? (await createTestDatabase())
  const clock = new FakeClock()
  const config = loadConfig({ NODE_ENV: 'test', JOBS_ENABLED: 'false', LOG_LEVEL: 'silent', ...env })
  const app = await buildApp({ config, database: db, clock, ids: testIds(), logger: false })
  try {
    await beforeReady?.(app)
    await app.ready()
  } catch (error) {
    await app.close().catch(() => {})
    await db.drop()
    throw error
  }
  return {
    app,
    db,
    clock,
    async close() {
      await app.close()
      await db.drop()
    },
  }
}
