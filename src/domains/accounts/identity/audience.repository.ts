import { and, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { accounts } from './account.schema.ts'

/** Who a mass call for volunteers may reach, as the caller filters it. */
export interface AudienceFilter {
  territoryId: string
  /** interest slugs: the person follows at least one; empty: any interest at all */
  interests: readonly string[]
  /** INSEE codes of the communes the person lives in; empty: the whole territory */
  communes: readonly string[]
}

/**
 * The volunteers of a territory a mass call may reach: active, address confirmed, signed up in this
 * territory, with at least one interest among those asked (any interest when none is asked). A
 * person who declared no interest at all (a staff member's working account, a resident who only
 * asks) said nothing about helping, so a call for volunteers never reaches them.
 */
export async function volunteerAudience(
  db: DbOrTx,
  filter: AudienceFilter,
): Promise<{ id: string; email: string; locale: string }[]> {
  const conditions: SQL[] = [
    eq(accounts.territoryId, filter.territoryId),
    eq(accounts.status, 'active'),
    isNotNull(accounts.emailVerifiedAt) as SQL,
    filter.interests.length > 0
      ? sql`${accounts.interests} && ${sql.param([...filter.interests])}::text[]`
      : sql`cardinality(${accounts.interests}) > 0`,
  ]
  if (filter.communes.length > 0) conditions.push(inArray(accounts.communeInsee, [...filter.communes]))
  return db
    .select({ id: accounts.id, email: accounts.email, locale: accounts.locale })
    .from(accounts)
    .where(and(...conditions))
    .orderBy(accounts.id)
}
