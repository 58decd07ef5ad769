import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import pg from 'pg'
import { dropPostgresDatabase } from '../../../test/helpers/db.ts'
import { type Database, openDatabase } from './client.ts'
import { countRows } from './inspect.repository.ts'
import { migrate } from './migrate.ts'

const child = new URL('../../../test/fixtures/migrate-child.ts', import.meta.url).pathname

function startMigration(target: string): {
  proc: ChildProcess
  migrating: Promise<void>
  exited: Promise<number | null>
  output: () => string
} {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, target], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  proc.stdout!.on('data', (d) => {
    out += d
  })
  proc.stderr!.on('data', (d) => {
    out += d
  })
  const migrating = new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', () => out.includes('migrating') && resolve())
    proc.once('exit', () => reject(new Error(`child exited before migrating: ${out}`)))
  })
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)))
  return { proc, migrating, exited, output: () => out }
}

async function assertFullyMigrated(database: Database) {
  const counts = await countRows(database.db)
  assert.ok(counts.communes > 34_800, `communes loaded: ${counts.communes}`)
  assert.equal(counts.referenceData, 1)
}

describe('migrations', () => {
  const cleanups: (() => Promise<void>)[] = []
  after(async () => {
    for (const c of cleanups) await c()
  })

  async function target(): Promise<string> {
    const url = process.env.DATABASE_URL
    if (!url) {
      const dir = join(tmpdir(), `entraide-migrate-${randomBytes(4).toString('hex')}`)
      cleanups.push(() => rm(dir, { recursive: true, force: true }))
      return dir
    }
    const name = `entraide_m_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    cleanups.push(() => dropPostgresDatabase(url, name))
    const u = new URL(url)
    u.pathname = `/${name}`
    return u.toString()
  }

  const open = (where: string) =>
    openDatabase(
      where.startsWith('postgres') ? { kind: 'postgres', url: where } : { kind: 'pglite', dir: where },
    )

  it('a process killed during migration leaves a database that the next start migrates', async () => {
    const where = await target()
    const run = startMigration(where)
    await run.migrating
    run.proc.kill('SIGKILL')
    await run.exited
    assert.doesNotMatch(run.output(), /migrated/, 'the child was killed before it finished')

    const database = await open(where)
    try {
      await migrate(database)
      await assertFullyMigrated(database)
      // A second start finds nothing to do.
      await migrate(database)
      await assertFullyMigrated(database)
    } finally {
      await database.close()
    }
  })

  // Only PostgreSQL has several processes on one database; PGlite's directory belongs to one process.
  const onPostgres = process.env.DATABASE_URL ? it : () => {}
  onPostgres('two processes starting together on PostgreSQL do not race', async () => {
    const where = await target()
    const [a, b] = [startMigration(where), startMigration(where)]
    assert.deepEqual(await Promise.all([a.exited, b.exited]), [0, 0], a.output() + b.output())
    const database = await open(where)
    try {
      await assertFullyMigrated(database)
    } finally {
      await database.close()
    }
  })
})
