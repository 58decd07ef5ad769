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

export async function openDatabase(
  database: Config['database'],
  options: { poolSize?: number } = {},
): Promise<Database> {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: options.poolSize ?? 10 })
    // An idle client losing its server (restart, failover) must not crash the process; the pool reconnects.
    pool.on('error', () => {})
    return {
      kind: 'postgres',
      db: drizzlePg(pool) as unknown as Db,
      pool,
      close: () => pool.end(),
    }
  }
  const pglite = await PGlite.create({ dataDir: database.dir, extensions: pgliteExtensions })
  return {
    kind: 'pglite',
    db: drizzlePglite(pglite) as unknown as Db,
    pglite,
    close: () => pglite.close(),
  }
}

/** One round trip, for readiness checks. */
export async function ping(database: Database): Promise<void> {
  await database.db.execute(sql`select 1`)
}
