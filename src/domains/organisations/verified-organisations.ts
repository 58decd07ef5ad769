import { type SQL, sql } from 'drizzle-orm'

/**
 * The verified organisations of a territory as a subquery of `id` and `name`, for a statement of
 * another domain that shows only what they publish (missions in the search): the rule « verified »
 * and the table stay here, and the caller's search remains one statement.
 */
export function verifiedOrganisations(territoryId: string): SQL {
  return sql`select id, name from organisations
    where territory_id = ${territoryId} and status = 'verified'`
}
