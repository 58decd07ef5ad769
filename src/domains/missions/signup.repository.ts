import { and, asc, desc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { missionSignups, missionSlots, missions } from './mission.schema.ts'
import type { Signup, Slot } from './mission.ts'

/**
 * Takes one place of a slot, or nothing: one conditional update, so two people racing for the last
 * place cannot both get it (the second finds `taken < places` false once the first committed, as
 * PostgreSQL re-reads the row it waited for). Only an open slot of a published mission, still to come.
 */
export async function takePlace(db: DbOrTx, missionId: string, slotId: string, now: Date) {
  const [row] = await db
    .update(missionSlots)
    .set({ taken: sql`${missionSlots.taken} + 1` })
    .where(
      and(
        eq(missionSlots.id, slotId),
        eq(missionSlots.missionId, missionId),
        sql`${missionSlots.taken} < ${missionSlots.places}`,
        isNull(missionSlots.cancelledAt),
        gt(missionSlots.startsAt, now),
        sql`exists (select 1 from ${missions} where ${missions.id} = ${missionId} and ${missions.status} = 'published')`,
      ),
    )
    .returning({ id: missionSlots.id })
  return row ?? null
}

/** Gives a place back (a withdrawal); never below zero. */
export async function releasePlace(db: DbOrTx, slotId: string): Promise<void> {
  await db
    .update(missionSlots)
    .set({ taken: sql`${missionSlots.taken} - 1` })
    .where(and(eq(missionSlots.id, slotId), gt(missionSlots.taken, 0)))
}

export async function insertSignups(db: DbOrTx, rows: Signup[]): Promise<void> {
  if (rows.length > 0) await db.insert(missionSignups).values(rows)
}

/** The person's live sign-ups among these slots. */
export function liveSignups(db: DbOrTx, accountId: string, slotIds: readonly string[]) {
  if (slotIds.length === 0) return Promise.resolve([])
  return db
    .select({ slotId: missionSignups.slotId })
    .from(missionSignups)
    .where(
      and(
        eq(missionSignups.accountId, accountId),
        inArray(missionSignups.slotId, [...slotIds]),
        ne(missionSignups.status, 'withdrawn'),
      ),
    )
}

/** One sign-up with its slot. */
export async function findSignup(db: DbOrTx, id: string): Promise<{ signup: Signup; slot: Slot } | null> {
  const [row] = await db
    .select({ signup: missionSignups, slot: missionSlots })
    .from(missionSignups)
    .innerJoin(missionSlots, eq(missionSlots.id, missionSignups.slotId))
    .where(eq(missionSignups.id, id))
  return row ?? null
}

/** Ends the person's own sign-up while it holds; the row, or null when it no longer did. */
export async function withdraw(db: DbOrTx, id: string, accountId: string, now: Date) {
  const [row] = await db
    .update(missionSignups)
    .set({ status: 'withdrawn', withdrawnAt: now })
    .where(
      and(
        eq(missionSignups.id, id),
        eq(missionSignups.accountId, accountId),
        eq(missionSignups.status, 'signed-up'),
      ),
    )
    .returning()
  return row ?? null
}

/** A person's sign-ups with their slots, upcoming first then the past ones, most recent first. */
export async function signupsOfAccount(db: DbOrTx, territoryId: string, accountId: string, now: Date) {
  const rows = await db
    .select({ signup: missionSignups, slot: missionSlots })
    .from(missionSignups)
    .innerJoin(missionSlots, eq(missionSlots.id, missionSignups.slotId))
    .innerJoin(missions, eq(missions.id, missionSignups.missionId))
    .where(and(eq(missionSignups.accountId, accountId), eq(missions.territoryId, territoryId)))
    .orderBy(asc(missionSlots.startsAt))
    .limit(500)
  const upcoming = rows.filter((r) => r.slot.startsAt > now)
  const past = rows.filter((r) => r.slot.startsAt <= now).reverse()
  return [...upcoming, ...past]
}

/** Who signed up to the mission's slots (withdrawn ones included: the organisation is told of them). */
export function signupsOfMission(db: DbOrTx, missionId: string): Promise<Signup[]> {
  return db
    .select()
    .from(missionSignups)
    .where(eq(missionSignups.missionId, missionId))
    .orderBy(asc(missionSignups.createdAt), asc(missionSignups.id))
}

/** After the slot has ended: attended or absent, set by the organisation. */
export async function setAttendance(
  db: DbOrTx,
  missionId: string,
  signupId: string,
  status: 'attended' | 'absent',
  by: string,
  now: Date,
) {
  const [row] = await db
    .update(missionSignups)
    .set({ status, attendanceBy: by, attendanceAt: now })
    .where(
      and(
        eq(missionSignups.id, signupId),
        eq(missionSignups.missionId, missionId),
        inArray(missionSignups.status, ['signed-up', 'attended', 'absent']),
        sql`exists (select 1 from ${missionSlots} where ${missionSlots.id} = ${missionSignups.slotId}
          and ${missionSlots.endsAt} <= ${now} and ${missionSlots.cancelledAt} is null)`,
      ),
    )
    .returning()
  return row ?? null
}

/** Marks the thank-you as sent, once: a second click finds nothing to mark. */
export async function markThanked(db: DbOrTx, missionId: string, signupId: string, now: Date) {
  const [row] = await db
    .update(missionSignups)
    .set({ thankedAt: now })
    .where(
      and(
        eq(missionSignups.id, signupId),
        eq(missionSignups.missionId, missionId),
        eq(missionSignups.status, 'attended'),
        isNull(missionSignups.thankedAt),
      ),
    )
    .returning()
  return row ?? null
}

/**
 * The slots starting within the next day that were not reminded yet, marked as reminded in the
 * caller's transaction; SKIP LOCKED lets two workers share them without sending twice.
 */
export async function claimReminders(db: DbOrTx, now: Date, horizon: Date) {
  const due = db
    .select({ id: missionSlots.id })
    .from(missionSlots)
    .where(
      and(
        isNull(missionSlots.remindedAt),
        isNull(missionSlots.cancelledAt),
        gt(missionSlots.startsAt, now),
        lte(missionSlots.startsAt, horizon),
      ),
    )
    .limit(200)
    .for('update', { skipLocked: true })
  return db.update(missionSlots).set({ remindedAt: now }).where(inArray(missionSlots.id, due)).returning()
}

/** The people still signed up to these slots. */
export function signedUpOn(db: DbOrTx, slotIds: readonly string[]) {
  if (slotIds.length === 0) return Promise.resolve([])
  return db
    .select()
    .from(missionSignups)
    .where(and(inArray(missionSignups.slotId, [...slotIds]), eq(missionSignups.status, 'signed-up')))
}

/**
 * What the daily digest has not told yet: sign-ups never told, and withdrawals since they were,
 * locked so that two runs do not tell the same thing twice.
 */
export function untoldChanges(db: DbOrTx) {
  return db
    .select({ signup: missionSignups, slot: missionSlots })
    .from(missionSignups)
    .innerJoin(missionSlots, eq(missionSlots.id, missionSignups.slotId))
    .where(
      or(
        isNull(missionSignups.notifiedAt),
        and(
          eq(missionSignups.status, 'withdrawn'),
          gt(missionSignups.withdrawnAt, missionSignups.notifiedAt),
        ),
      ),
    )
    .orderBy(asc(missionSignups.missionId), desc(missionSignups.createdAt))
    .limit(2000)
    .for('update', { of: missionSignups, skipLocked: true })
}

export async function markNotified(db: DbOrTx, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length > 0)
    await db
      .update(missionSignups)
      .set({ notifiedAt: now })
      .where(inArray(missionSignups.id, [...ids]))
}
