import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import {
  type MemberRole,
  type OrganisationKind,
  type OrganisationStatus,
  organisationMembers,
  organisations,
} from './organisation.schema.ts'

/** An organisation as other domains see it: enough to check access and to name it. */
export interface OrganisationRef {
  id: string
  territoryId: string
  name: string
  kind: OrganisationKind
  status: OrganisationStatus
}

const refColumns = {
  id: organisations.id,
  territoryId: organisations.territoryId,
  name: organisations.name,
  kind: organisations.kind,
  status: organisations.status,
}

/** The organisation of this territory with this id, or null: another territory's is not found. */
export async function organisationIn(
  db: DbOrTx,
  territoryId: string,
  id: string,
): Promise<OrganisationRef | null> {
  const [row] = await db
    .select(refColumns)
    .from(organisations)
    .where(and(eq(organisations.territoryId, territoryId), eq(organisations.id, id)))
  return row ?? null
}

/** The person's role in the organisation, or null when they are not a member. */
export async function roleIn(
  db: DbOrTx,
  organisationId: string,
  accountId: string,
): Promise<MemberRole | null> {
  const [row] = await db
    .select({ role: organisationMembers.role })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.accountId, accountId),
      ),
    )
  return row?.role ?? null
}

/**
 * The organisation, when the person manages it in this territory; null otherwise, so that callers
 * answer 404 alike for an organisation that does not exist and one they may not change.
 */
export async function managedOrganisation(
  db: DbOrTx,
  territoryId: string,
  organisationId: string,
  accountId: string,
): Promise<OrganisationRef | null> {
  const [row] = await db
    .select(refColumns)
    .from(organisations)
    .innerJoin(
      organisationMembers,
      and(
        eq(organisationMembers.organisationId, organisations.id),
        eq(organisationMembers.accountId, accountId),
      ),
    )
    .where(
      and(
        eq(organisations.territoryId, territoryId),
        eq(organisations.id, organisationId),
        eq(organisationMembers.role, 'manager'),
      ),
    )
  return row ?? null
}

/** The organisations of the territory the person belongs to, with their role, by name. */
export async function membershipsOf(
  db: DbOrTx,
  territoryId: string,
  accountId: string,
): Promise<(OrganisationRef & { role: MemberRole })[]> {
  return db
    .select({ ...refColumns, role: organisationMembers.role })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(and(eq(organisationMembers.accountId, accountId), eq(organisations.territoryId, territoryId)))
    .orderBy(organisations.name)
}
