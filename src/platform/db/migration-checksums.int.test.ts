import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { appendFile, cp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { runCli } from '../../../test/helpers/cli.ts'
import {
  createTestDatabase,
  createTestTarget,
  postgresTemplate,
  postgresTemplateName,
  type TestDatabase,
} from '../../../test/helpers/db.ts'
import { openDatabase } from './client.ts'
import { migrate, migrationsFolder } from './migrate.ts'
import { MigrationChangedError, readMigrationFiles } from './migration-checksums.ts'

const root = new URL('../../../', import.meta.url).pathname
const OLD_0008 = 'deffa43d84508631dc512df0c27352d244788e70652cebdf8bdea6bb7e401c30'

async function rows<T>(database: TestDatabase, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows
}

/** A copy of the migrations folder that a test may edit, removed after the run. */
async function migrationsCopy(cleanups: (() => Promise<void>)[]): Promise<string> {
  const folder = join(tmpdir(), `entraide-migrations-${randomBytes(4).toString('hex')}`)
  await cp(migrationsFolder, folder, { recursive: true })
  cleanups.push(() => rm(folder, { recursive: true, force: true }))
  return folder
}

async function addMigration(folder: string, tag: string, statement: string): Promise<void> {
  const journalPath = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(await readFile(journalPath, 'utf8'))
  const last = journal.entries.at(-1)
  journal.entries.push({ idx: last.idx + 1, version: '7', when: last.when + 1000, tag, breakpoints: true })
  await writeFile(journalPath, JSON.stringify(journal))
  await writeFile(join(folder, `${tag}.sql`), statement)
}

const appliedCount = async (database: TestDatabase) =>
  (await rows<{ n: number }>(database, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`))[0]!
    .n

describe('migration checksums', () => {
  const cleanups: (() => Promise<void>)[] = []
  let database: TestDatabase
  before(async () => {
    database = await createTestDatabase()
    cleanups.push(() => database.drop())
  })
  after(async () => {
    for (const c of cleanups.reverse()) await c()
  })

  it('an unchanged database starts, and the stored checksums are those of the files', async () => {
    await migrate(database)
    const files = await readMigrationFiles(migrationsFolder)
    const stored = await rows<{ hash: string }>(
      database,
      sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`,
    )
    assert.deepEqual(
      stored.map((r) => r.hash),
      files.map((f) => f.checksum),
    )
  })

  it('refuses, naming the migration, when an applied file changed, and applies nothing', async () => {
    const folder = await migrationsCopy(cleanups)
    await appendFile(join(folder, '0005_listings.sql'), '\n-- une retouche')
    await addMigration(folder, '0012_probe', 'CREATE TABLE "migration_probe" ("id" integer)')
    const before = await appliedCount(database)
    await assert.rejects(migrate(database, { folder }), (error: Error) => {
      assert.ok(error instanceof MigrationChangedError)
      assert.match(error.message, /Démarrage refusé/)
      assert.match(error.message, /0005_listings : le fichier migrations\/0005_listings\.sql a changé/)
      assert.doesNotMatch(error.message, /0004|0006/)
      return true
    })
    assert.equal(await appliedCount(database), before)
    const probe = await rows<{ found: boolean }>(
      database,
      sql`SELECT to_regclass('migration_probe') IS NOT NULL AS found`,
    )
    assert.equal(probe[0]!.found, false)
  })

  it('applies a new migration, then finds nothing to do', async () => {
    const folder = await migrationsCopy(cleanups)
    await addMigration(folder, '0012_probe', 'CREATE TABLE "migration_probe" ("id" integer)')
    const before = await appliedCount(database)
    await migrate(database, { folder })
    await migrate(database, { folder })
    assert.equal(await appliedCount(database), before + 1)
    const probe = await rows<{ found: boolean }>(
      database,
      sql`SELECT to_regclass('migration_probe') IS NOT NULL AS found`,
    )
    assert.equal(probe[0]!.found, true)
  })
})

describe('a database that applied 0008_listing_words before it was edited', () => {
  let database: TestDatabase
  before(async () => {
    database = await createTestDatabase()
  })
  after(() => database.drop())

  it('is accepted, and 0011 gives it the GIN index the schema declares', async () => {
    const files = await readMigrationFiles(migrationsFolder)
    const when = (tag: string) => files.find((f) => f.tag === tag)!.when
    // The state such a database is in: the old file's checksum and index, 0011 not yet applied.
    await database.db.execute(sql`DROP INDEX "listing_words_trgm_idx"`)
    await database.db.execute(
      sql`CREATE INDEX "listing_words_trgm_idx" ON "listing_words" USING gist ("word" gist_trgm_ops)`,
    )
    await database.db.execute(
      sql`UPDATE drizzle.__drizzle_migrations SET hash = ${OLD_0008} WHERE created_at = ${when('0008_listing_words')}`,
    )
    await database.db.execute(
      sql`DELETE FROM drizzle.__drizzle_migrations WHERE created_at >= ${when('0011_listing_words_gin')}`,
    )
    // Nor the migrations after it: what they created goes too, so that they apply again. The
    // tables they create are read from their files; 0012 also put a trigger on listings. A later
    // migration that changes an earlier table must be undone here as well.
    await database.db.execute(sql`DROP TRIGGER listings_words_on_delete ON listings`)
    const later = files.filter((f) => f.when > when('0011_listing_words_gin'))
    const texts = await Promise.all(
      later.map((f) => readFile(join(migrationsFolder, `${f.tag}.sql`), 'utf8')),
    )
    const created = texts.flatMap((text) => [...text.matchAll(/CREATE TABLE "(\w+)"/g)].map((m) => m[1]!))
    await database.db.execute(sql.raw(`DROP TABLE ${created.map((t) => `"${t}"`).join(', ')} CASCADE`))
    // The columns they added to earlier tables go too (0017 gave listings and matches their relay).
    const added = texts.flatMap((text) => [...text.matchAll(/ALTER TABLE "(\w+)" ADD COLUMN "(\w+)"/g)])
    for (const [, table, column] of added)
      await database.db.execute(
        sql.raw(`ALTER TABLE IF EXISTS "${table}" DROP COLUMN IF EXISTS "${column}" CASCADE`),
      )
    // And the functions they wrote by hand (the ledger's triggers, say), which outlive their tables.
    const functions = texts.flatMap((text) => [...text.matchAll(/CREATE FUNCTION (\w+)/g)].map((m) => m[1]!))
    for (const name of functions)
      await database.db.execute(sql.raw(`DROP FUNCTION IF EXISTS ${name} CASCADE`))
    await migrate(database)
    const index = await rows<{ indexdef: string }>(
      database,
      sql`SELECT indexdef FROM pg_indexes WHERE indexname = 'listing_words_trgm_idx'`,
    )
    assert.match(index[0]!.indexdef, /USING gin \(word gin_trgm_ops\)/)
  })
})

describe('the commands refuse to start on a changed migration', () => {
  let target: Awaited<ReturnType<typeof createTestTarget>>
  before(async () => {
    target = await createTestTarget()
    // Same as editing the file after it ran: the stored checksum no longer matches it.
    const where = target.env.DATABASE_URL
    const database = await openDatabase(
      where ? { kind: 'postgres', url: where } : { kind: 'pglite', dir: target.env.PGLITE_DIR! },
    )
    const files = await readMigrationFiles(migrationsFolder)
    const edited = files.find((f) => f.tag === '0003_totp_last_step')!
    await database.db.execute(
      sql`UPDATE drizzle.__drizzle_migrations SET hash = 'checksum-before-an-edit' WHERE created_at = ${edited.when}`,
    )
    await database.close()
  })
  after(() => target.drop())

  it('entraide migrate exits with 78 and names the migration', async () => {
    const result = await runCli(target, 'migrate')
    assert.equal(result.status, 78, result.stderr)
    assert.match(
      result.stderr,
      /0003_totp_last_step : le fichier migrations\/0003_totp_last_step\.sql a changé/,
    )
    assert.doesNotMatch(result.stdout, /Base de données à jour/)
  })

  it('the server exits with 78 and names the migration', () => {
    const env = { ...process.env }
    for (const key of ['DATABASE_URL', 'PGLITE_DIR', 'SMTP_URL', 'PUBLIC_URL']) delete env[key]
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: { ...env, NODE_ENV: 'test', LOG_LEVEL: 'warn', PORT: '0', JOBS_ENABLED: 'false', ...target.env },
      encoding: 'utf8',
      timeout: 120_000,
    })
    assert.equal(result.status, 78, result.stderr)
    assert.match(result.stderr, /0003_totp_last_step/)
  })
})

// Only PostgreSQL keeps test templates as databases on a shared server.
const onPostgres = process.env.DATABASE_URL ? it : () => {}
describe('the PostgreSQL test template', () => {
  const cleanups: (() => Promise<void>)[] = []
  after(async () => {
    for (const c of cleanups) await c()
  })

  onPostgres('is not left behind by a build that fails, so the next run builds it again', async () => {
    const url = process.env.DATABASE_URL!
    const folder = await migrationsCopy(cleanups)
    await addMigration(folder, '0012_broken', 'SELECT 1 / 0')
    const failedOnBrokenMigration = (error: Error) => /division by zero/.test(String(error.cause))
    await assert.rejects(postgresTemplate(url, { folder }), failedOnBrokenMigration)
    // A reused half-built template would resolve here; a rebuild fails the same way.
    await assert.rejects(postgresTemplate(url, { folder }), failedOnBrokenMigration)
    const name = await postgresTemplateName(folder)
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      const left = await admin.query('SELECT datname FROM pg_database WHERE datname IN ($1, $2)', [
        name,
        `${name}_building`,
      ])
      assert.deepEqual(left.rows, [])
    } finally {
      await admin.end()
    }
  })
})
