import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { getTableName, is } from 'drizzle-orm'
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import * as schema from '../src/schema.ts'

const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable =>
  is(value, PgTable),
)

/** Every foreign key of the schema as « table.column → table.column ». */
function foreignKeys(): string[] {
  return tables.flatMap((table) =>
    getTableConfig(table).foreignKeys.map((fk) => {
      const ref = fk.reference()
      const from = ref.columns.map((c) => c.name).join(',')
      const to = ref.foreignColumns.map((c) => c.name).join(',')
      return `${getTableName(table)}.${from} → ${getTableName(ref.foreignTable)}.${to}`
    }),
  )
}

describe('foreign keys between domains, named by table', () => {
  it('resolves every foreign key of the schema to a declared table', () => {
    const keys = foreignKeys()
    // The references across domains that the schemas now make by name, not by import.
    for (const expected of [
      'listings.author_id → accounts.id',
      'listings.category_id → categories.id',
      'saved_searches.account_id → accounts.id',
      'matches.listing_id → listings.id',
      'matches.responder_id → accounts.id',
      'listing_follow_ups.listing_id → listings.id',
      'notifications.account_id → accounts.id',
      'reports.reporter_id → accounts.id',
    ])
      assert.ok(keys.includes(expected), `${expected} in ${keys.join('\n')}`)
  })
})
