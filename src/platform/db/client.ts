import { resolve } from 'node:path'
import { type ExtractTablesWithRelations, sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import pg from 'pg'
import type { Config } from '../../config.ts'
import { DiskFullError, ensureFreeSpace, freeBytes, isDiskFull, SUSPICIOUS_FREE_BYTES } from './disk.ts'
import { type DirectoryLock, lockDataDirectory } from './lock.ts'
import { type EmbeddedServer, startEmbeddedServer } from './pglite-server/start.ts'
import { preparingClient } from './prepared-statements.ts'
import { deadlineClient } from './query-deadline.ts'
import { retryReadsAfterRestart } from './read-retry.ts'
import { TimedPool } from './timed-pool.ts'

export { pgliteExtensions } from './pglite-server/extensions.ts'

/**
 * Repositories build every query from the table objects they import, and never use Drizzle's
 * relational `db.query`, so the client needs no schema: the platform then knows no domain's tables.
 */
export type Schema = Record<string, never>
/** One driver, node-postgres, whichever database runs: repositories never know which one. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** What a repository takes: the database, or a transaction a service opened around several calls. */
export type DbOrTx = Db | Tx

export interface Database {
  kind: 'pglite' | 'postgres'
  db: Db
  pool: TimedPool
  /** `checkpoint: false` spares the embedded database's last checkpoint, for a copy deleted next */
  close(options?: { checkpoint?: boolean }): Promise<void>
  /** the embedded database's thread, for tools that dump its data directory and tests that crash it */
  embedded?: Pick<EmbeddedServer, 'dumpDataDir' | 'abort'>
}

export interface OpenOptions {
  poolSize?: number
  /**
   * Called once for each statement the application sends (not its text: statements carry what
   * people typed), so benchmarks and tests can count statements per request without a log.
   */
  onStatement?: () => void
  /**
   * Every query fails after this many ms without an answer, naming its statement's first words
   * (`query-deadline.ts`). Tests set it, so that a lost answer fails its test rather than the run.
   */
  queryTimeoutMs?: number
  /**
   * Called once the database's own start is under way (the embedded database's thread started;
   * at once for a server), so that the caller's own work runs beside it rather than before it.
   */
  onStarted?: () => void
}

/**
 * The embedded database is one PostgreSQL backend: more connections only wait for each other,
 * but a few let one request's transaction wait without holding every other request's query.
 */
const EMBEDDED_POOL_SIZE = 4

function makePool(config: pg.PoolConfig, queryTimeoutMs?: number, prepare = true): TimedPool {
  const base = queryTimeoutMs ? deadlineClient(queryTimeoutMs) : pg.Client
  const pool = new TimedPool({
    ...config,
    Client: prepare ? preparingClient(base) : base,
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
  return pool
}

export async function openDatabase(
  database: Config['database'],
  options: OpenOptions = {},
): Promise<Database> {
  const logger = options.onStatement ? { logQuery: options.onStatement } : undefined
  if (database.kind === 'postgres') {
    options.onStarted?.()
    const pool = makePool(
      { connectionString: database.url, max: options.poolSize ?? 10 },
      options.queryTimeoutMs,
      database.preparedStatements ?? true,
    )
    return {
      kind: 'postgres',
      db: drizzlePg(pool, { logger }) as unknown as Db,
      pool,
      close: () => pool.end(),
    }
  }
  const { server, lock } = await openPglite(database.dir, options.onStarted)
  const pool = makePool(
    {
      host: server.host,
      port: server.port,
      user: 'postgres',
      database: 'postgres',
      stream: () => server.stream(),
      max: Math.min(options.poolSize ?? EMBEDDED_POOL_SIZE, EMBEDDED_POOL_SIZE),
      // A script that forgot to close the database may still end, as it could when PGlite ran inline.
      allowExitOnIdle: true,
    },
    options.queryTimeoutMs,
  )
  retryReadsAfterRestart(pool)
  return {
    kind: 'pglite',
    db: drizzlePg(pool, { logger }) as unknown as Db,
    pool,
    embedded: server,
    close: async (closing) => {
      try {
        await pool.end()
        await server.close(closing)
      } finally {
        lock.release()
      }
    },
  }
}

/**
 * The embedded database, once this process holds its directory (DataDirectoryLockedError
 * otherwise) and the disk has room for it (DiskFullError otherwise, rather than PGlite's
 * « failed to initialize properly »), served from its own thread.
 */
async function openPglite(
  dir: string,
  onStarted?: () => void,
): Promise<{ server: EmbeddedServer; lock: DirectoryLock }> {
  await ensureFreeSpace(dir)
  let lock: DirectoryLock
  try {
    lock = lockDataDirectory(dir)
  } catch (error) {
    if (isDiskFull(error)) throw new DiskFullError(resolve(dir), await freeBytes(dir))
    throw error
  }
  try {
    return { server: await startEmbeddedServer(dir, { onStarted }), lock }
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
