import { type SQL, sql } from 'drizzle-orm'
import { isUuid } from '../validation.ts'

/**
 * Ids as ONE array parameter (`column = any(${idArray(ids)})`), where `inArray` sends one
 * parameter per id: a bulk read over tens of thousands of people stays one statement, under the
 * protocol's 65,535 parameters. Only well-formed uuids go in, so the literal cannot be broken
 * out of; anything else matches nothing, as an unknown id would.
 */
export function idArray(ids: Iterable<string>): SQL {
  const list = [...new Set(ids)].filter(isUuid)
  return sql`${`{${list.join(',')}}`}::uuid[]`
}
