import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { missionSignups, missionSlots, missions } from './mission.schema.ts'
import type { Mission, MissionStatus, Slot } from './mission.ts'
import { recordMissionPosted } from './mission-stats.ts'

/** Every column but the search vector, which no page reads. */
const columns = {
  id: missions.id,
  territoryId: missions.territoryId,
  organisationId: missions.organisationId,
  categoryId: missions.categoryId,
  title: missions.title,
  description: missions.description,
  communeInsee: missions.communeInsee,
  latitude: missions.latitude,
  longitude: missions.longitude,
  address: missions.address,
  needsVerifiedVolunteer: missions.needsVerifiedVolunteer,
  withdrawHoursBefore: missions.withdrawHoursBefore,
  recurrence: missions.recurrence,
  status: missions.status,
  holdReasons: missions.holdReasons,
  createdBy: missions.createdBy,
  createdAt: missions.createdAt,
  updatedAt: missions.updatedAt,
  publishedAt: missions.publishedAt,
  closedAt: missions.closedAt,
}

export async function insertMission(db: DbOrTx, mission: Mission): Promise<void> {
  await db.insert(missions).values(mission)
  await recordMissionPosted(db, mission)
}

export async function insertSlots(db: DbOrTx, slots: Slot[]): Promise<void> {
  if (slots.length > 0) await db.insert(missionSlots).values(slots)
}

/** The mission of this territory, or null: another territory's is not found. */
export async function findMission(db: DbOrTx, territoryId: string, id: string): Promise<Mission | null> {
  const [row] = await db
    .select(columns)
    .from(missions)
    .where(and(eq(missions.territoryId, territoryId), eq(missions.id, id)))
  return row ?? null
}

export type MissionChanges = Partial<
  Pick<
    Mission,
    | 'title'
    | 'description'
    | 'categoryId'
    | 'communeInsee'
    | 'latitude'
    | 'longitude'
    | 'address'
    | 'needsVerifiedVolunteer'
    | 'withdrawHoursBefore'
    | 'status'
    | 'holdReasons'
    | 'publishedAt'
    | 'closedAt'
    | 'updatedAt'
  >
>

/** Changes a mission unless it was removed by moderation meanwhile; the row as it is now, or null. */
export async function updateMission(
  db: DbOrTx,
  id: string,
  changes: MissionChanges,
): Promise<Mission | null> {
  const [row] = await db
    .update(missions)
    .set(changes)
    .where(and(eq(missions.id, id), sql`${missions.status} <> 'removed'`))
    .returning(columns)
  // Published by its new words: the first publication is counted, a later one is the same event.
  if (row && changes.publishedAt) await recordMissionPosted(db, row)
  return row ?? null
}

/** Its slots, soonest first, cancelled ones included (the organisation sees them). */
export function slotsOf(db: DbOrTx, missionId: string): Promise<Slot[]> {
  return db
    .select()
    .from(missionSlots)
    .where(eq(missionSlots.missionId, missionId))
    .orderBy(asc(missionSlots.startsAt), asc(missionSlots.id))
}

export async function cancelSlot(db: DbOrTx, missionId: string, slotId: string, now: Date) {
  const [row] = await db
    .update(missionSlots)
    .set({ cancelledAt: now })
    .where(
      and(
        eq(missionSlots.id, slotId),
        eq(missionSlots.missionId, missionId),
        isNull(missionSlots.cancelledAt),
        gt(missionSlots.startsAt, now),
      ),
    )
    .returning()
  return row ?? null
}

/** The published missions of an organisation, with their next slot still open, newest first. */
export async function openMissionsOf(db: DbOrTx, territoryId: string, organisationId: string, now: Date) {
  const next = sql<Date | null>`(select min(s.starts_at) from mission_slots s
    where s.mission_id = "missions"."id" and s.cancelled_at is null and s.starts_at > ${now})`
  const rows = await db
    .select({ id: missions.id, title: missions.title, communeInsee: missions.communeInsee, next })
    .from(missions)
    .where(
      and(
        eq(missions.territoryId, territoryId),
        eq(missions.organisationId, organisationId),
        eq(missions.status, 'published'),
      ),
    )
    .orderBy(desc(missions.publishedAt))
    .limit(20)
  // node-postgres gives a subquery's timestamp as text: it knows no column type for it.
  return rows.map((r) => ({ ...r, next: r.next === null ? null : new Date(r.next) }))
}

/** The missions of these ids, for a volunteer's own list. */
export async function missionsByIds(db: DbOrTx, ids: readonly string[]): Promise<Map<string, Mission>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select(columns)
    .from(missions)
    .where(inArray(missions.id, [...new Set(ids)]))
  return new Map(rows.map((m) => [m.id, m]))
}

/** Whether the person holds a live sign-up to a slot of the mission (the address is theirs to see). */
export async function isSignedUpTo(db: DbOrTx, missionId: string, accountId: string): Promise<boolean> {
  const rows = await db
    .select({ id: missionSignups.id })
    .from(missionSignups)
    .where(
      and(
        eq(missionSignups.missionId, missionId),
        eq(missionSignups.accountId, accountId),
        eq(missionSignups.status, 'signed-up'),
      ),
    )
    .limit(1)
  return rows.length > 0
}

export type { MissionStatus }
