import type { IdGenerator } from '../../platform/clock.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { insertCategories } from './category.repository.ts'
import { defaultCategoryRows } from './defaults.ts'

/** A new territory starts with the product's categories, in the transaction that creates it. */
export function seedDefaultCategories(tx: DbOrTx, territoryId: string, ids: IdGenerator, now: Date) {
  return insertCategories(tx, defaultCategoryRows(territoryId, ids), now)
}
