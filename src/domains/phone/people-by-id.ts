import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { PersonRow } from './person.repository.ts'
import { phoneCases, phonePeople } from './phone.schema.ts'

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

/**
 * Who each of these relayed asks was posted for (the person of the case that follows it), while
 * their consent holds: dispatch ranks volunteers by the person's language, not the agent's. One
 * query; an ask the line did not post is simply absent.
 */
export async function peopleOfAsks(
  db: DbOrTx,
  territoryId: string,
  listingIds: readonly string[],
): Promise<Map<string, string>> {
  if (listingIds.length === 0) return new Map()
  const rows = await db
    .select({ listingId: phoneCases.listingId, personId: phoneCases.personId })
    .from(phoneCases)
    .innerJoin(phonePeople, eq(phonePeople.id, phoneCases.personId))
    .where(
      and(
        eq(phoneCases.territoryId, territoryId),
        inArray(phoneCases.listingId, [...new Set(listingIds)]),
        isNull(phonePeople.consentWithdrawnAt),
      ),
    )
    .orderBy(asc(phoneCases.openedAt))
  // The latest case of an ask wins, should an ask have been moved from one case to another.
  return new Map(rows.map((r) => [r.listingId!, r.personId]))
}
