import { asc, gt } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { recordStat, type StatEventInput } from '../../platform/statistics/record-stat.ts'
import { pagesById, type StatEventPages } from '../../platform/statistics/stat-pages.ts'
import { organisations } from './organisation.schema.ts'

type Counted = { id: string; territoryId: string; communeInsee: string }

function organisationEvent(
  kind: 'organisation.created' | 'organisation.verified',
  organisation: Counted,
  at: Date,
): StatEventInput {
  return {
    territoryId: organisation.territoryId,
    kind,
    subjectId: organisation.id,
    occurredAt: at,
    communeInsee: organisation.communeInsee,
    dedupeKey: `${kind}:${organisation.id}`,
  }
}

/** An organisation created (and, when staff create it so, verified at once), in its transaction. */
export async function recordOrganisationCreated(
  tx: DbOrTx,
  organisation: Counted & { createdAt: Date; verifiedAt?: Date | null },
): Promise<void> {
  await recordStat(tx, [
    organisationEvent('organisation.created', organisation, organisation.createdAt),
    ...(organisation.verifiedAt
      ? [organisationEvent('organisation.verified', organisation, organisation.verifiedAt)]
      : []),
  ])
}

/** Verified by the Département or a partner; a reinstatement after a suspension is not a second one. */
export function recordOrganisationVerified(tx: DbOrTx, organisation: Counted, at: Date): Promise<void> {
  return recordStat(tx, organisationEvent('organisation.verified', organisation, at))
}

/** Every organisation, and every one verified once, for the bilan's catch-up at start. */
export function organisationStatEvents(db: DbOrTx): StatEventPages {
  return pagesById(
    (after, limit) =>
      db
        .select({
          id: organisations.id,
          territoryId: organisations.territoryId,
          communeInsee: organisations.communeInsee,
          createdAt: organisations.createdAt,
          verifiedAt: organisations.verifiedAt,
        })
        .from(organisations)
        .where(after ? gt(organisations.id, after) : undefined)
        .orderBy(asc(organisations.id))
        .limit(limit),
    (row) => row.id,
    (rows) =>
      rows.flatMap((row) => [
        organisationEvent('organisation.created', row, row.createdAt),
        ...(row.verifiedAt ? [organisationEvent('organisation.verified', row, row.verifiedAt)] : []),
      ]),
  )
}
