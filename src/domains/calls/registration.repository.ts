import { and, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { recordCallMade } from './call-stats.ts'
import {
  type CallOutcome,
  callCampaignEntries,
  callLogs,
  callPairings,
  callRegistrations,
  type RegistrationStatus,
} from './calls.schema.ts'

/** An id no row has, for « none of these » in an IN list. */
export const NO_ID = '00000000-0000-0000-0000-000000000000'

export type RegistrationRow = typeof callRegistrations.$inferSelect
export type PairingRow = typeof callPairings.$inferSelect
export type CallLogRow = typeof callLogs.$inferSelect

export async function insertRegistration(db: DbOrTx, row: typeof callRegistrations.$inferInsert) {
  await db.insert(callRegistrations).values(row)
}

/** A registration of the territory still on the register (active or paused). */
export async function findRegistration(
  db: DbOrTx,
  territoryId: string,
  id: string,
): Promise<RegistrationRow | null> {
  const [row] = await db
    .select()
    .from(callRegistrations)
    .where(
      and(
        eq(callRegistrations.territoryId, territoryId),
        eq(callRegistrations.id, id),
        ne(callRegistrations.status, 'withdrawn'),
      ),
    )
  return row ?? null
}

/** The live registrations someone made, or made for themselves (their person's record). */
export function registrationsOf(
  db: DbOrTx,
  territoryId: string,
  accountId: string,
  personIds: string[],
): Promise<RegistrationRow[]> {
  return db
    .select()
    .from(callRegistrations)
    .where(
      and(
        eq(callRegistrations.territoryId, territoryId),
        ne(callRegistrations.status, 'withdrawn'),
        personIds.length > 0
          ? or(eq(callRegistrations.registeredBy, accountId), inArray(callRegistrations.personId, personIds))
          : eq(callRegistrations.registeredBy, accountId),
      ),
    )
    .orderBy(desc(callRegistrations.createdAt), desc(callRegistrations.id))
}

export function liveRegistrationsOfPerson(db: DbOrTx, territoryId: string, personId: string) {
  return db
    .select()
    .from(callRegistrations)
    .where(
      and(
        eq(callRegistrations.territoryId, territoryId),
        eq(callRegistrations.personId, personId),
        ne(callRegistrations.status, 'withdrawn'),
      ),
    )
}

/** Active registrations with no live pairing: the people a coordinator still has to pair. */
export function unpairedRegistrations(db: DbOrTx, territoryId: string): Promise<RegistrationRow[]> {
  return db
    .select()
    .from(callRegistrations)
    .where(
      and(
        eq(callRegistrations.territoryId, territoryId),
        eq(callRegistrations.status, 'active'),
        sql`not exists (select 1 from ${callPairings} where ${callPairings.registrationId} = ${callRegistrations.id} and ${callPairings.endedAt} is null)`,
      ),
    )
    .orderBy(callRegistrations.createdAt, callRegistrations.id)
    .limit(200)
}

/** Every active registration's id and person: the list a campaign is made of. */
export function activeRegistrations(db: DbOrTx, territoryId: string) {
  return db
    .select({ id: callRegistrations.id, personId: callRegistrations.personId })
    .from(callRegistrations)
    .where(and(eq(callRegistrations.territoryId, territoryId), eq(callRegistrations.status, 'active')))
}

/** Pauses or resumes, only from the other state; null when nothing changed. */
export async function setStatus(
  db: DbOrTx,
  id: string,
  from: RegistrationStatus,
  to: RegistrationStatus,
  at: Date,
): Promise<RegistrationRow | null> {
  const [row] = await db
    .update(callRegistrations)
    .set({ status: to, updatedAt: at })
    .where(and(eq(callRegistrations.id, id), eq(callRegistrations.status, from)))
    .returning()
  return row ?? null
}

/**
 * Consent withdrawn: the registration leaves the register, its pairing ends and its entries still
 * to call leave every campaign, in the caller's transaction. Returns what was withdrawn.
 */
export async function withdrawRegistrations(
  db: DbOrTx,
  territoryId: string,
  ids: string[],
  by: string | null,
  at: Date,
): Promise<{ withdrawn: number; pairingsEnded: number; entriesRemoved: number }> {
  if (ids.length === 0) return { withdrawn: 0, pairingsEnded: 0, entriesRemoved: 0 }
  const withdrawn = await db
    .update(callRegistrations)
    .set({ status: 'withdrawn', withdrawnAt: at, updatedAt: at })
    .where(
      and(
        eq(callRegistrations.territoryId, territoryId),
        inArray(callRegistrations.id, ids),
        ne(callRegistrations.status, 'withdrawn'),
      ),
    )
    .returning({ id: callRegistrations.id })
  const ended = await db
    .update(callPairings)
    .set({ endedAt: at, endedBy: by, endReason: 'consentement retiré' })
    .where(and(inArray(callPairings.registrationId, ids), isNull(callPairings.endedAt)))
    .returning({ id: callPairings.id })
  const removed = await db
    .delete(callCampaignEntries)
    .where(
      and(
        inArray(callCampaignEntries.registrationId, ids),
        inArray(callCampaignEntries.status, ['waiting', 'claimed']),
      ),
    )
    .returning({ id: callCampaignEntries.id })
  return { withdrawn: withdrawn.length, pairingsEnded: ended.length, entriesRemoved: removed.length }
}

export async function insertPairing(db: DbOrTx, row: typeof callPairings.$inferInsert) {
  await db.insert(callPairings).values(row)
}

export async function livePairingOf(db: DbOrTx, registrationId: string): Promise<PairingRow | null> {
  const [row] = await db
    .select()
    .from(callPairings)
    .where(and(eq(callPairings.registrationId, registrationId), isNull(callPairings.endedAt)))
  return row ?? null
}

export async function findPairing(db: DbOrTx, territoryId: string, id: string): Promise<PairingRow | null> {
  const [row] = await db
    .select()
    .from(callPairings)
    .where(and(eq(callPairings.territoryId, territoryId), eq(callPairings.id, id)))
  return row ?? null
}

/** The live pairings of some callers, or of the whole territory when none are named. */
export function livePairings(db: DbOrTx, territoryId: string, callerIds?: string[]): Promise<PairingRow[]> {
  return db
    .select()
    .from(callPairings)
    .where(
      and(
        eq(callPairings.territoryId, territoryId),
        isNull(callPairings.endedAt),
        callerIds ? inArray(callPairings.callerId, callerIds.length > 0 ? callerIds : [NO_ID]) : undefined,
      ),
    )
    .orderBy(callPairings.pairedAt, callPairings.id)
}

export async function endPairing(
  db: DbOrTx,
  id: string,
  by: string,
  reason: string,
  at: Date,
): Promise<PairingRow | null> {
  const [row] = await db
    .update(callPairings)
    .set({ endedAt: at, endedBy: by, endReason: reason })
    .where(and(eq(callPairings.id, id), isNull(callPairings.endedAt)))
    .returning()
  return row ?? null
}

/** A call, counted for the bilan in the same write, at the commune of the person called. */
export async function insertLog(
  db: DbOrTx,
  row: typeof callLogs.$inferInsert & { territoryId: string },
  communeInsee: string | null,
) {
  await db.insert(callLogs).values(row)
  await recordCallMade(db, { callerAccountId: null, ...row }, communeInsee)
}

/**
 * Counts the call on the registration in one statement: a « pas de réponse » adds to the streak,
 * any answered call resets it. Returns the streak after the call.
 */
export async function countCall(db: DbOrTx, id: string, outcome: CallOutcome, at: Date): Promise<number> {
  const [row] = await db
    .update(callRegistrations)
    .set({
      unansweredStreak: outcome === 'no-answer' ? sql`${callRegistrations.unansweredStreak} + 1` : 0,
      lastCallAt: at,
      updatedAt: at,
    })
    .where(eq(callRegistrations.id, id))
    .returning({ streak: callRegistrations.unansweredStreak })
  return row?.streak ?? 0
}

/** Back to zero once the agents were alerted, so the next three unanswered calls alert again. */
export async function resetStreak(db: DbOrTx, id: string) {
  await db.update(callRegistrations).set({ unansweredStreak: 0 }).where(eq(callRegistrations.id, id))
}

export function recentLogs(db: DbOrTx, registrationId: string, limit = 10): Promise<CallLogRow[]> {
  return db
    .select()
    .from(callLogs)
    .where(eq(callLogs.registrationId, registrationId))
    .orderBy(desc(callLogs.calledAt), desc(callLogs.id))
    .limit(limit)
}

/**
 * The language each of these people likes to be called in, for those registered for calls (a
 * withdrawn registration says nothing any more): one query. Someone absent has none recorded.
 */
export async function callLanguagesOf(
  db: DbOrTx,
  territoryId: string,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map()
  const rows = await db
    .select({ personId: callRegistrations.personId, language: callRegistrations.language })
    .from(callRegistrations)
    .where(
      and(
        eq(callRegistrations.territoryId, territoryId),
        inArray(callRegistrations.personId, [...new Set(personIds)]),
        ne(callRegistrations.status, 'withdrawn'),
      ),
    )
  return new Map(rows.map((r) => [r.personId, r.language]))
}
