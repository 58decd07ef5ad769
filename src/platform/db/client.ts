import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { cube } from '@electric-sql/pglite/contrib/cube'
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { type ExtractTablesWithRelations, sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import type { Config } from '../../config.ts'
import { DiskFullError, ensureFreeSpace, freeBytes, isDiskFull, SUSPICIOUS_FREE_BYTES } from './disk.ts'
import { type DirectoryLock, lockDataDirectory } from './lock.ts'

/**
 * Repositories build every query from the table objects they import, and never use Drizzle's
 * relational `db.query`, so the client needs no schema: the platform then knows no domain's tables.
 */
export type Schema = Record<string, never>
/** Both drivers give the same pg-core database: repositories never know which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** What a repository takes: the database, or a transaction a service opened around several calls. */
export type DbOrTx = Db | Tx

export interface Database {
  kind: 'pglite' | 'postgres'
  db: Db
  close(): Promise<void>
  /** the PGlite instance, for tools that dump or copy the embedded data directory */
  pglite?: PGlite
  pool?: pg.Pool
}

export const pgliteExtensions = { unaccent, cube, earthdistance, pg_trgm }

export interface OpenOptions {
  poolSize?: number
  /**
   * Called once for each statement the application sends (not its text: statements carry what
   * people typed), so benchmarks and tests can count statements per request without a log.
   */
  onStatement?: () => void
}

export async function openDatabase(
  database: Config['database'],
  options: OpenOptions = {},
): Promise<Database> {
  const logger = options.onStatement ? { logQuery: options.onStatement } : undefined
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: options.poolSize ?? 10,
      // Without it, a server that does not answer (network cut) holds every request for minutes;
      // with it, the request fails fast and the visitor is told to come back (503).
      connectionTimeoutMillis: 10_000,
    })
    // An idle client losing its server (restart, failover) must not crash the process; the pool reconnects.
    pool.on('error', () => {})
    // Nor may a client checked out between two queries (a job's transaction): the pool listens
    // only to idle ones, and an 'error' nobody listens to ends the process. The next query on
    // that client fails instead (503), and the pool drops it when it comes back.
    pool.on('connect', (client) => {
      client.on('error', () => {})
    })
    return {
      kind: 'postgres',
      db: drizzlePg(pool, { logger }) as unknown as Db,
      pool,
      close: () => pool.end(),
    }
  }
  const pglite = await openPglite(database.dir)
  return {
    kind: 'pglite',
    db: drizzlePglite(pglite.instance, { logger }) as unknown as Db,
    pglite: pglite.instance,
    close: async () => {
      try {
        await pglite.instance.close()
      } finally {
        pglite.lock.release()
      }
    },
  }
}

/**
 * The embedded database, once this process holds its directory (DataDirectoryLockedError
 * otherwise) and the disk has room for it (DiskFullError otherwise, rather than PGlite's
 * « failed to initialize properly »).
 */
async function openPglite(dir: string): Promise<{ instance: PGlite; lock: DirectoryLock }> {
  await ensureFreeSpace(dir)
  let lock: DirectoryLock
  try {
    lock = lockDataDirectory(dir)
  } catch (error) {
    if (isDiskFull(error)) throw new DiskFullError(resolve(dir), await freeBytes(dir))
    throw error
  }
  try {
    return { instance: await PGlite.create({ dataDir: dir, extensions: pgliteExtensions }), lock }
  } catch (error) {
    lock.release()
    const free = await freeBytes(dir)
    if (isDiskFull(error) || (free !== null && free < SUSPICIOUS_FREE_BYTES))
      throw new DiskFullError(resolve(dir), free)
    throw error
  }
}

/** One round trip, for readiness checks. */
export async function ping(database: Database): Promise<void> {
  await database.db.execute(sql`select 1`)
}
