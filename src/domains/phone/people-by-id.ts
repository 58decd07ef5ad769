import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { PersonRow } from './person.repository.ts'
import { phonePeople } from './phone.schema.ts'

/**
 * Several people of the territory whose consent still holds, in one query: the calls register lists
 * its people by name and commune without reading them one by one. An id that names no such person
 * is simply absent.
 */
export async function findPeople(
  db: DbOrTx,
  territoryId: string,
  ids: readonly string[],
): Promise<Map<string, PersonRow>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select()
    .from(phonePeople)
    .where(
      and(
        eq(phonePeople.territoryId, territoryId),
        inArray(phonePeople.id, [...new Set(ids)]),
        isNull(phonePeople.consentWithdrawnAt),
      ),
    )
  return new Map(rows.map((r) => [r.id, r]))
}
