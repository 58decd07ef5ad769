import { and, eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import {
  type ContactKind,
  type OrganisationKind,
  type OrganisationStatus,
  organisations,
} from './organisation.schema.ts'

/**
 * What another domain may show of organisations on their public face: name, commune and the one
 * contact channel the organisation chose (never a member's own details). The producers' directory
 * and its open data read it.
 */
export interface OrganisationCard {
  id: string
  name: string
  kind: OrganisationKind
  status: OrganisationStatus
  communeInsee: string
  contact: { kind: ContactKind; value: string }
  updatedAt: Date
}

/** The cards of these organisations of the territory, by id; another territory's are left out. */
export async function organisationCards(
  db: DbOrTx,
  territoryId: string,
  ids: readonly string[],
): Promise<Map<string, OrganisationCard>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      status: organisations.status,
      communeInsee: organisations.communeInsee,
      contactKind: organisations.contactKind,
      contactValue: organisations.contactValue,
      updatedAt: organisations.updatedAt,
    })
    .from(organisations)
    .where(and(eq(organisations.territoryId, territoryId), inArray(organisations.id, [...new Set(ids)])))
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        kind: r.kind,
        status: r.status,
        communeInsee: r.communeInsee,
        contact: { kind: r.contactKind, value: r.contactValue },
        updatedAt: r.updatedAt,
      },
    ]),
  )
}
