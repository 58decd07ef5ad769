import { type SQL, sql } from 'drizzle-orm'
import type { OrganisationKind } from './organisation.schema.ts'

/**
 * The verified organisations of a territory as a subquery of `id` and `name`, for a statement of
 * another domain that shows only what they publish (missions in the search): the rule « verified »
 * and the table stay here, and the caller's search remains one statement. With a kind, those of
 * that kind only (the producers' directory).
 */
export function verifiedOrganisations(territoryId: string, kind?: OrganisationKind): SQL {
  return sql`select id, name from organisations
    where territory_id = ${territoryId} and status = 'verified'${kind ? sql` and kind = ${kind}` : sql``}`
}
