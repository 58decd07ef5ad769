import { fileURLToPath } from 'node:url'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { Database, Db } from './client.ts'
import { readMigrationFiles, verifyAppliedMigrations } from './migration-checksums.ts'
import { loadReferenceData } from './reference-data.repository.ts'
import { referenceDatasets } from './reference-datasets.ts'

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url))

/** Any constant shared by every Entraide process; it names the lock that serialises migrations. */
const MIGRATION_LOCK = 4_242_001

/**
 * Checks that no applied migration's file changed (throws `MigrationChangedError` otherwise),
 * applies the pending ones, then reloads the shipped reference data whose file changed.
 * Drizzle runs all pending migrations in one transaction, so a process killed half-way leaves
 * the database as it was and the next start migrates it. On PostgreSQL an advisory lock held
 * on one connection makes a second process starting at the same moment wait, then find nothing to do.
 */
export async function migrate(
  database: Database,
  options: { folder?: string; mark?: (phase: string) => void } = {},
): Promise<void> {
  const folder = options.folder ?? migrationsFolder
  const mark = options.mark ?? (() => {})
  const files = await readMigrationFiles(folder)
  mark('read migration files')
  // The embedded database takes the same path: its one backend makes the lock free, not wrong.
  const client = await database.pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    const db = drizzlePg(client)
    mark('migration lock')
    const upToDate = await verifyAppliedMigrations(db as unknown as Db, files)
    mark('verify checksums')
    if (!upToDate) await migratePg(db, { migrationsFolder: folder })
    mark('apply migrations')
    await loadReferenceData(db as unknown as Db, referenceDatasets)
    mark('reference data')
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    client.release()
  }
}
