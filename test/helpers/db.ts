import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { type Database, type OpenOptions, openDatabase } from '../../src/platform/db/client.ts'
import { migrate, migrationsFolder } from '../../src/platform/db/migrate.ts'
import { referenceDatasets } from '../../src/platform/db/reference-datasets.ts'
import { buildDataDirOnce, copyDir } from './dirs.ts'

const root = new URL('../../', import.meta.url).pathname
const cacheDir = join(root, '.cache')

export type TestDatabase = Database & { drop(): Promise<void> }

/**
 * Where the copies of the embedded template go: in memory when the system offers it. A copy is
 * 86 MB; on a disk shared with other work it took 1 to 7 s a file, in /dev/shm 0.2 to 0.3 s,
 * and the database's own writes during the file stay off the disk as well.
 */
const scratch = process.env.TEST_DB_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir())

/** A fresh copy of the migrated embedded template. */
async function pgliteCopy(): Promise<string> {
  const template = await pgliteTemplate()
  const dir = join(scratch, `entraide-test-${randomBytes(6).toString('hex')}`)
  await copyDir(template, dir)
  return dir
}

/** The code that builds a template: a change to how it migrates must not reuse templates it built before. */
const migratorSources = ['migrate.ts', 'migration-checksums.ts', 'reference-data.repository.ts'].map((name) =>
  fileURLToPath(new URL(`../../src/platform/db/${name}`, import.meta.url)),
)

/**
 * Changes whenever a migration, a reference data file or the migrator's own code changes, so
 * templates are rebuilt exactly then.
 */
async function schemaFingerprint(folder = migrationsFolder): Promise<string> {
  const hash = createHash('sha256')
  for (const name of (await readdir(folder)).sort()) {
    if (name.endsWith('.sql')) hash.update(await readFile(join(folder, name)))
  }
  hash.update(await readFile(join(folder, 'meta', '_journal.json')))
  for (const source of migratorSources) hash.update(await readFile(source))
  for (const dataset of referenceDatasets) hash.update(await dataset.checksum())
  return hash.digest('hex').slice(0, 12)
}

async function pgliteTemplate(): Promise<string> {
  return buildDataDirOnce(
    join(cacheDir, `pglite-template-${await schemaFingerprint()}`),
    async (building) => {
      const database = await openDatabase({ kind: 'pglite', dir: building })
      await migrate(database)
      await database.close()
    },
  )
}

/**
 * Drops a test database on the server of `adminUrl`. FORCE ends sessions a test left open, but
 * PostgreSQL 15 refuses it while an autovacuum worker happens to be in the database (that worker
 * has no role this one may signal); a plain DROP waits for such a worker to leave. So both are
 * tried in turn, and the connection is always ended: an open one would keep the test process alive.
 */
export async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  const cleaner = new pg.Client({ connectionString: adminUrl })
  await cleaner.connect()
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await cleaner.query(`DROP DATABASE IF EXISTS ${name}${attempt % 2 === 1 ? ' WITH (FORCE)' : ''}`)
        return
      } catch (error) {
        if (attempt >= 6) throw error
        await new Promise((r) => setTimeout(r, 100 * attempt))
      }
    }
  } finally {
    await cleaner.end()
  }
}

export async function postgresTemplateName(folder?: string): Promise<string> {
  return `entraide_tpl_${await schemaFingerprint(folder)}`
}

/**
 * The name of a migrated template database on the server of `url`, built once per fingerprint.
 * It is built under another name and renamed when complete: a build that fails or is killed
 * half-way leaves no database under the template's name, so the next run builds it again
 * instead of cloning a half-migrated one.
 */
export async function postgresTemplate(url: string, options: { folder?: string } = {}): Promise<string> {
  const name = await postgresTemplateName(options.folder)
  const building = `${name}_building`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query('SELECT pg_advisory_lock(4242002)')
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (found.rowCount === 0) {
      // Left by a build killed half-way: the lock says no one is building it now.
      await dropPostgresDatabase(url, building)
      await admin.query(`CREATE DATABASE ${building}`)
      const target = new URL(url)
      target.pathname = `/${building}`
      const database = await openDatabase({ kind: 'postgres', url: target.toString() }, { poolSize: 2 })
      try {
        await migrate(database, options)
      } catch (error) {
        await database.close()
        await dropPostgresDatabase(url, building)
        throw error
      }
      await database.close()
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`)
    }
  } finally {
    // Ending the session also releases the lock, whatever happened above.
    await admin.end()
  }
  return name
}

/**
 * A fresh, migrated database that a child process (server, CLI) opens itself: the environment
 * to give it, and how to remove the database afterwards.
 */
export async function createTestTarget(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL
  if (url) {
    const database = await createTestDatabase()
    const pool = database.pool
    const name = (pool as unknown as { options: { connectionString: string } }).options.connectionString
    await database.close()
    const drop = () => dropPostgresDatabase(url, new URL(name).pathname.slice(1))
    return { env: { DATABASE_URL: name }, drop }
  }
  const dir = await pgliteCopy()
  return { env: { PGLITE_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) }
}

/**
 * How long a test's query may wait for its answer before it fails, naming its statement. Longer
 * than the embedded database's own 30 s wait for another connection's transaction (which fails
 * with 57P03 and says so), far shorter than the runner's 5 minutes without a test ending.
 */
const QUERY_TIMEOUT_MS = Number(process.env.TEST_QUERY_TIMEOUT_MS ?? 60_000)

/**
 * A fresh, migrated database for one test file: a copy of a template data directory on
 * PGlite, or `CREATE DATABASE … TEMPLATE` on PostgreSQL when DATABASE_URL is set.
 */
export async function createTestDatabase(given: OpenOptions = {}): Promise<TestDatabase> {
  const options: OpenOptions = { queryTimeoutMs: QUERY_TIMEOUT_MS, ...given }
  const url = process.env.DATABASE_URL
  if (url) {
    const template = await postgresTemplate(url)
    const name = `entraide_t_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    // Cloning needs the template free of connections; retry while another file is cloning it.
    for (let i = 0; ; i++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
        break
      } catch (error) {
        if (i > 100) throw error
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100))
      }
    }
    await admin.end()
    const target = new URL(url)
    target.pathname = `/${name}`
    const database = await openDatabase(
      { kind: 'postgres', url: target.toString() },
      { poolSize: 5, ...options },
    )
    return {
      ...database,
      async drop() {
        await database.close()
        await dropPostgresDatabase(url, name)
      },
    }
  }
  const dir = await pgliteCopy()
  const database = await openDatabase({ kind: 'pglite', dir }, options)
  return {
    ...database,
    async drop() {
      try {
        await closeWithin(database, QUERY_TIMEOUT_MS)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
  }
}

/**
 * Closes the embedded database, or ends its thread when it does not close in time: a thread stuck
 * in a statement never answers the request to close, and the file would wait there for ever
 * after its tests have failed, one deadline each.
 */
async function closeWithin(database: Database, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms)
  })
  try {
    if ((await Promise.race([database.close({ checkpoint: false }), late])) === 'late') {
      await database.embedded?.abort()
      throw new Error(`the embedded database did not close in ${ms} ms; its thread was ended`)
    }
  } finally {
    clearTimeout(timer)
  }
}
