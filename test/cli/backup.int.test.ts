import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { FakeClock } from '../../src/platform/clock.ts'
import { openDatabase } from '../../src/platform/db/client.ts'
import { makeAccount } from '../helpers/accounts.ts'
import { type TestApp, testIds } from '../helpers/app.ts'
import { runCli } from '../helpers/cli.ts'
import { createTestTarget } from '../helpers/db.ts'
import { makeTerritory } from '../helpers/factories.ts'
import { makeListing } from '../helpers/listings.ts'

const scratch = join(tmpdir(), `entraide-backup-${randomBytes(4).toString('hex')}`)

/** What a restore must bring back: every row of a few tables, in a stable order. */
async function snapshot(dir: string) {
  const database = await openDatabase({ kind: 'pglite', dir })
  try {
    const rows = async (query: ReturnType<typeof sql>) =>
      ((await database.db.execute(query)) as unknown as { rows: unknown[] }).rows
    return {
      territories: await rows(sql`SELECT * FROM territories ORDER BY id`),
      accounts: await rows(sql`SELECT * FROM accounts ORDER BY id`),
      listings: await rows(
        sql`SELECT id, title, description, status, commune_insee FROM listings ORDER BY id`,
      ),
      categories: await rows(sql`SELECT count(*)::int AS n FROM categories`),
      communes: await rows(sql`SELECT count(*)::int AS n FROM communes`),
    }
  } finally {
    await database.close()
  }
}

const pglite = process.env.DATABASE_URL ? () => {} : it

describe('entraide backup and restore (embedded database)', () => {
  let source: Awaited<ReturnType<typeof createTestTarget>>
  before(async () => {
    await mkdir(scratch, { recursive: true })
    source = await createTestTarget()
    if (process.env.DATABASE_URL) return
    // Fill the database through the app, as a running platform would have.
    const database = await openDatabase({ kind: 'pglite', dir: source.env.PGLITE_DIR! })
    const clock = new FakeClock()
    const config = loadConfig({ NODE_ENV: 'test', JOBS_ENABLED: 'false', LOG_LEVEL: 'silent' })
    const app = await buildApp({ config, database, clock, ids: testIds(), logger: false })
    const t = { app, db: database, clock } as unknown as TestApp
    const territory = await makeTerritory(app.services, { hostnames: ['entraide.calvados.test'] })
    const author = await makeAccount(t, territory, { displayName: 'Élise Mercier' })
    await makeListing(t, territory, author, { title: 'Courses pour ma voisine' })
    await makeListing(t, territory, author, { title: 'Tondre une pelouse', status: 'closed' })
    await app.close()
    await database.close()
  })
  after(async () => {
    await source.drop()
    await rm(scratch, { recursive: true, force: true })
  })

  pglite('brings back the same rows in a new directory, and refuses to overwrite one', async () => {
    const file = join(scratch, 'entraide.tar.gz')
    const backup = await runCli(source, 'backup', '--out', file)
    assert.equal(backup.status, 0, backup.stderr)
    assert.match(backup.stdout, /Sauvegarde écrite : .*entraide\.tar\.gz/)
    assert.ok((await stat(file)).size > 0)
    assert.deepEqual(
      (await readdir(scratch)).filter((n) => n !== 'entraide.tar.gz'),
      [],
      'no partial file left',
    )

    const again = await runCli(source, 'backup', '--out', file)
    assert.equal(again.status, 1)
    assert.match(again.stderr, /existe déjà/)

    const restored = join(scratch, 'restauree')
    const restore = await runCli({ env: { PGLITE_DIR: restored } }, 'restore', '--from', file)
    assert.equal(restore.status, 0, restore.stderr)
    assert.match(restore.stdout, /Base restaurée dans .*restauree \(\d+ migrations appliquées\)/)

    const before = await snapshot(source.env.PGLITE_DIR!)
    const after = await snapshot(restored)
    assert.equal(after.listings.length, 2)
    assert.equal(after.accounts.length, 1)
    assert.deepEqual(after, before)

    // A second restore onto the now filled directory needs --force.
    const refused = await runCli({ env: { PGLITE_DIR: restored } }, 'restore', '--from', file)
    assert.equal(refused.status, 1)
    assert.match(refused.stderr, /n'est pas vide/)
    const forced = await runCli({ env: { PGLITE_DIR: restored } }, 'restore', '--from', file, '--force')
    assert.equal(forced.status, 0, forced.stderr)
    assert.deepEqual(await snapshot(restored), before)
  })

  pglite('a file that is not a backup changes nothing', async () => {
    const bogus = join(scratch, 'pas-une-sauvegarde.tar.gz')
    await writeFile(bogus, 'ceci ne contient aucune base')
    const target = join(scratch, 'intacte')
    await rm(target, { recursive: true, force: true })
    const result = await runCli({ env: { PGLITE_DIR: target } }, 'restore', '--from', bogus)
    assert.equal(result.status, 1)
    assert.match(result.stderr, /Restauration impossible/)
    assert.equal(await stat(target).catch(() => null), null)
    assert.deepEqual(
      (await readdir(scratch)).filter((n) => n.includes('restauration')),
      [],
      'no staging directory left',
    )
  })

  it('on PostgreSQL, points to pg_dump and pg_restore and does nothing', async () => {
    for (const args of [
      ['backup', '--out', join(scratch, 'x.tar.gz')],
      ['restore', '--from', join(scratch, 'x.tar.gz')],
    ]) {
      const result = await runCli(
        { env: { DATABASE_URL: 'postgres://entraide@127.0.0.1:1/aucune' } },
        ...args,
      )
      assert.equal(result.status, 1)
      assert.match(result.stderr, /pg_dump -Fc/)
      assert.match(result.stderr, /pg_restore --clean --if-exists/)
    }
  })
})
