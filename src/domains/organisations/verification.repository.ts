import { and, asc, desc, eq, like, ne } from 'drizzle-orm'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { type OrganisationKind, organisationDelegations } from './organisation.schema.ts'

/** The kinds the territory lets this partner verify. */
export async function delegatedKinds(
  db: DbOrTx,
  territoryId: string,
  partnerId: string,
): Promise<OrganisationKind[]> {
  const rows = await db
    .select({ kind: organisationDelegations.kind })
    .from(organisationDelegations)
    .where(
      and(
        eq(organisationDelegations.territoryId, territoryId),
        eq(organisationDelegations.partnerId, partnerId),
      ),
    )
    .orderBy(asc(organisationDelegations.kind))
  return rows.map((r) => r.kind)
}

/** The kinds delegated to this partner that only it verifies. */
export async function exclusiveKinds(
  db: DbOrTx,
  territoryId: string,
  partnerId: string,
): Promise<OrganisationKind[]> {
  const rows = await db
    .select({ kind: organisationDelegations.kind })
    .from(organisationDelegations)
    .where(
      and(
        eq(organisationDelegations.territoryId, territoryId),
        eq(organisationDelegations.partnerId, partnerId),
        eq(organisationDelegations.exclusive, true),
      ),
    )
    .orderBy(asc(organisationDelegations.kind))
  return rows.map((r) => r.kind)
}

/**
 * The partner that alone verifies this kind in the territory, if any: staff then leave the
 * decision to it. The partner itself is never its own subject, so it is left out for its own kind.
 */
export async function exclusivePartnerFor(
  db: DbOrTx,
  territoryId: string,
  kind: OrganisationKind,
  subjectId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ partnerId: organisationDelegations.partnerId })
    .from(organisationDelegations)
    .where(
      and(
        eq(organisationDelegations.territoryId, territoryId),
        eq(organisationDelegations.kind, kind),
        eq(organisationDelegations.exclusive, true),
        ne(organisationDelegations.partnerId, subjectId),
      ),
    )
    .limit(1)
  return row?.partnerId ?? null
}

/**
 * Replaces the partner's delegated kinds with these, in the caller's transaction; those also in
 * `exclusive` are verified by the partner alone.
 */
export async function replaceDelegations(
  db: DbOrTx,
  row: { territoryId: string; partnerId: string; grantedBy: string | null; grantedAt: Date },
  kinds: readonly OrganisationKind[],
  exclusive: readonly OrganisationKind[] = [],
): Promise<void> {
  await db
    .delete(organisationDelegations)
    .where(
      and(
        eq(organisationDelegations.territoryId, row.territoryId),
        eq(organisationDelegations.partnerId, row.partnerId),
      ),
    )
  if (kinds.length > 0)
    await db
      .insert(organisationDelegations)
      .values(kinds.map((kind) => ({ ...row, kind, exclusive: exclusive.includes(kind) })))
}

/** The organisation's own entries of the audit log, newest first: its history as staff read it. */
export async function organisationHistory(db: DbOrTx, territoryId: string, organisationId: string) {
  return db
    .select({
      action: auditLog.action,
      actorId: auditLog.actorId,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.territoryId, territoryId),
        eq(auditLog.targetId, organisationId),
        like(auditLog.action, 'organisation.%'),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(200)
}
