import { getTableName } from 'drizzle-orm'
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core'

/**
 * Tables other domains point at with a foreign key, by their SQL name. A domain's schema names
 * another domain's table only through `idOf('accounts')`, never by importing it: the database
 * keeps the reference whole, and the import rules keep every domain behind its public entry.
 */
const referenced = new Map<string, PgTable & { id: AnyPgColumn }>()

/** Lets other domains point at this table with `idOf`. */
export function mayBeReferenced(table: PgTable & { id: AnyPgColumn }): void {
  referenced.set(getTableName(table), table)
}

/**
 * The `id` column of a referenced table, looked up only when the foreign key is read (by the
 * migration generator, which loads every schema first), so the two schemas need not load in order.
 */
export function idOf(tableName: string): () => AnyPgColumn {
  return () => {
    const table = referenced.get(tableName)
    if (!table) throw new Error(`No table « ${tableName} » is declared mayBeReferenced in a schema.`)
    return table.id
  }
}
