import { and, asc, eq, gt, isNotNull } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { actorKey, recordStat, type StatEventInput } from '../../platform/statistics/record-stat.ts'
import { pagesById, type StatEventPages } from '../../platform/statistics/stat-pages.ts'
import { missionSignups, missions } from './mission.schema.ts'

type Posted = { id: string; territoryId: string; communeInsee: string; categoryId: string }

function postedEvent(mission: Posted, at: Date): StatEventInput {
  return {
    territoryId: mission.territoryId,
    kind: 'mission.posted',
    subjectId: mission.id,
    occurredAt: at,
    communeInsee: mission.communeInsee,
    categoryId: mission.categoryId,
    dedupeKey: `mission.posted:${mission.id}`,
  }
}

function slotFilledEvent(mission: Posted, signup: { id: string; accountId: string; createdAt: Date }) {
  return {
    territoryId: mission.territoryId,
    kind: 'mission.slot-filled',
    subjectId: mission.id,
    occurredAt: signup.createdAt,
    communeInsee: mission.communeInsee,
    categoryId: mission.categoryId,
    actorKey: actorKey(mission.territoryId, signup.accountId),
    dedupeKey: `mission.slot-filled:${signup.id}`,
  } satisfies StatEventInput
}

/**
 * A mission counts as posted at its first publication (at once, by a moderator, after an edit or
 * on appeal): a later one is the same event.
 */
export async function recordMissionPosted(
  tx: DbOrTx,
  mission: Posted & { status: string; publishedAt: Date | null },
): Promise<void> {
  if (mission.status === 'published' && mission.publishedAt)
    await recordStat(tx, postedEvent(mission, mission.publishedAt))
}

/**
 * One event per slot a volunteer took, in the transaction of the sign-up. A withdrawal deletes
 * nothing: the bilan counts what happened.
 */
export function recordSlotsFilled(
  tx: DbOrTx,
  mission: Posted,
  signups: readonly { id: string; accountId: string; createdAt: Date }[],
): Promise<void> {
  return recordStat(
    tx,
    signups.map((s) => slotFilledEvent(mission, s)),
  )
}

/** Every mission ever published, for the bilan's catch-up at start. */
function postedMissions(db: DbOrTx): StatEventPages {
  return pagesById(
    (after, limit) =>
      db
        .select({
          id: missions.id,
          territoryId: missions.territoryId,
          communeInsee: missions.communeInsee,
          categoryId: missions.categoryId,
          publishedAt: missions.publishedAt,
        })
        .from(missions)
        .where(and(isNotNull(missions.publishedAt), after ? gt(missions.id, after) : undefined))
        .orderBy(asc(missions.id))
        .limit(limit),
    (row) => row.id,
    (rows) => rows.filter((row) => row.publishedAt).map((row) => postedEvent(row, row.publishedAt!)),
  )
}

/** Every sign-up, withdrawn ones too, for the bilan's catch-up at start. */
function signups(db: DbOrTx): StatEventPages {
  return pagesById(
    (after, limit) =>
      db
        .select({
          id: missionSignups.id,
          accountId: missionSignups.accountId,
          createdAt: missionSignups.createdAt,
          mission: {
            id: missions.id,
            territoryId: missions.territoryId,
            communeInsee: missions.communeInsee,
            categoryId: missions.categoryId,
          },
        })
        .from(missionSignups)
        .innerJoin(missions, eq(missions.id, missionSignups.missionId))
        .where(after ? gt(missionSignups.id, after) : undefined)
        .orderBy(asc(missionSignups.id))
        .limit(limit),
    (row) => row.id,
    (rows) => rows.map((row) => slotFilledEvent(row.mission, row)),
  )
}

/** Missions posted, then the slots taken, for the bilan's catch-up at start. */
export async function* missionStatEvents(db: DbOrTx): StatEventPages {
  yield* postedMissions(db)
  yield* signups(db)
}
