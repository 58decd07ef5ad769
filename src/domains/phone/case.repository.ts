import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { recordCaseClosed, recordCaseOpened } from './case-stats.ts'
import {
  type CallResult,
  type CaseEventKind,
  type CaseOrigin,
  type CaseOutcome,
  phoneCaseEvents,
  phoneCases,
  phoneLineSettings,
  phonePeople,
} from './phone.schema.ts'

export type CaseRow = typeof phoneCases.$inferSelect

export interface NewCase {
  id: string
  eventId: string
  territoryId: string
  personId: string
  origin: CaseOrigin
  summary: string
  /** the agent, or the caller whose call raised it */
  by: string | null
  at: Date
}

/** Opens a case and writes the first line of its timeline, in the caller's transaction. */
export async function insertCase(db: DbOrTx, c: NewCase): Promise<CaseRow> {
  const [row] = await db
    .insert(phoneCases)
    .values({
      id: c.id,
      territoryId: c.territoryId,
      personId: c.personId,
      origin: c.origin,
      summary: c.summary,
      status: 'open',
      openedBy: c.by,
      openedAt: c.at,
      lastActivityAt: c.at,
    })
    .returning()
  if (!row) throw new Error('phone_cases insert returned no row')
  await recordCaseOpened(db, row, c.at)
  await insertEvent(db, {
    id: c.eventId,
    territoryId: c.territoryId,
    caseId: c.id,
    kind: 'opened',
    note: c.summary,
    by: c.by,
    at: c.at,
  })
  return row
}

export interface NewEvent {
  id: string
  territoryId: string
  caseId: string
  kind: CaseEventKind
  note?: string | null
  callResult?: CallResult | null
  matchId?: string | null
  by: string | null
  at: Date
}

/** Appends to a case's timeline; the timeline is never rewritten. */
export async function insertEvent(db: DbOrTx, e: NewEvent): Promise<void> {
  await db
    .insert(phoneCaseEvents)
    .values({ ...e, note: e.note ?? null, callResult: e.callResult ?? null, matchId: e.matchId ?? null })
}

const livePerson = isNull(phonePeople.consentWithdrawnAt)

/** The open cases of the territory whose person's consent holds, oldest first (the queue sorts them). */
export function openCaseRows(db: DbOrTx, territoryId: string, limit = 500) {
  return db
    .select({ case: phoneCases, person: phonePeople })
    .from(phoneCases)
    .innerJoin(phonePeople, eq(phonePeople.id, phoneCases.personId))
    .where(and(eq(phoneCases.territoryId, territoryId), eq(phoneCases.status, 'open'), livePerson))
    .orderBy(asc(phoneCases.openedAt), asc(phoneCases.id))
    .limit(limit)
}

/** One case of the territory with its person, while the person's consent holds. */
export async function findCase(db: DbOrTx, territoryId: string, id: string) {
  const [row] = await db
    .select({ case: phoneCases, person: phonePeople })
    .from(phoneCases)
    .innerJoin(phonePeople, eq(phonePeople.id, phoneCases.personId))
    .where(and(eq(phoneCases.territoryId, territoryId), eq(phoneCases.id, id), livePerson))
  return row ?? null
}

/** The case that follows a relayed ask. */
export async function caseOfListing(db: DbOrTx, territoryId: string, listingId: string) {
  const [row] = await db
    .select({ id: phoneCases.id })
    .from(phoneCases)
    .where(and(eq(phoneCases.territoryId, territoryId), eq(phoneCases.listingId, listingId)))
    .orderBy(desc(phoneCases.openedAt))
    .limit(1)
  return row?.id ?? null
}

export function casesOfPerson(db: DbOrTx, territoryId: string, personId: string) {
  return db
    .select()
    .from(phoneCases)
    .where(and(eq(phoneCases.territoryId, territoryId), eq(phoneCases.personId, personId)))
    .orderBy(desc(phoneCases.openedAt))
}

export function caseEvents(db: DbOrTx, territoryId: string, caseId: string) {
  return db
    .select()
    .from(phoneCaseEvents)
    .where(and(eq(phoneCaseEvents.territoryId, territoryId), eq(phoneCaseEvents.caseId, caseId)))
    .orderBy(asc(phoneCaseEvents.at), asc(phoneCaseEvents.id))
}

export function setCaseListing(db: DbOrTx, caseId: string, listingId: string, at: Date) {
  return db.update(phoneCases).set({ listingId, lastActivityAt: at }).where(eq(phoneCases.id, caseId))
}

export function touchCase(db: DbOrTx, caseId: string, at: Date) {
  return db.update(phoneCases).set({ lastActivityAt: at }).where(eq(phoneCases.id, caseId))
}

/** One more line of the timeline, and the case's last activity moved to it, so the queue sees it. */
export async function appendEvent(db: DbOrTx, e: NewEvent): Promise<void> {
  await insertEvent(db, e)
  await touchCase(db, e.caseId, e.at)
}

/** Closes an open case; false when it was closed meanwhile (by another agent, or a withdrawal). */
export async function closeCaseRow(
  db: DbOrTx,
  territoryId: string,
  id: string,
  close: { outcome: CaseOutcome; by: string | null; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(phoneCases)
    .set({
      status: 'closed',
      outcome: close.outcome,
      closedBy: close.by,
      closedAt: close.at,
      lastActivityAt: close.at,
    })
    .where(and(eq(phoneCases.territoryId, territoryId), eq(phoneCases.id, id), eq(phoneCases.status, 'open')))
    .returning({ id: phoneCases.id, territoryId: phoneCases.territoryId, personId: phoneCases.personId })
  if (rows[0]) await recordCaseClosed(db, rows[0], close.at, close.outcome)
  return rows.length > 0
}

export async function reopenCaseRow(db: DbOrTx, territoryId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(phoneCases)
    .set({ status: 'open', outcome: null, closedBy: null, closedAt: null, lastActivityAt: at })
    .where(
      and(eq(phoneCases.territoryId, territoryId), eq(phoneCases.id, id), eq(phoneCases.status, 'closed')),
    )
    .returning({ id: phoneCases.id })
  return rows.length > 0
}

/** The open cases of one person, locked: a withdrawal closes each of them. */
export function openCasesOfPersonForUpdate(db: DbOrTx, territoryId: string, personId: string) {
  return db
    .select({ id: phoneCases.id, listingId: phoneCases.listingId })
    .from(phoneCases)
    .where(
      and(
        eq(phoneCases.territoryId, territoryId),
        eq(phoneCases.personId, personId),
        eq(phoneCases.status, 'open'),
      ),
    )
    .for('update')
}

/**
 * Keeps the time of a case's first response, read from the matches when the queue is drawn: the
 * response itself is the matches', and its time (`firstAt`) is the true one whenever it is copied.
 */
export function recordFirstResponse(db: DbOrTx, caseId: string, at: Date) {
  return db
    .update(phoneCases)
    .set({ firstResponseAt: at })
    .where(and(eq(phoneCases.id, caseId), isNull(phoneCases.firstResponseAt)))
}

export async function lineSettings(db: DbOrTx, territoryId: string) {
  const [row] = await db
    .select()
    .from(phoneLineSettings)
    .where(eq(phoneLineSettings.territoryId, territoryId))
  return row ?? null
}

export async function saveLineSettings(
  db: DbOrTx,
  row: {
    territoryId: string
    unansweredAfterHours: number
    consentWording: string | null
    updatedBy: string
    updatedAt: Date
  },
) {
  await db
    .insert(phoneLineSettings)
    .values(row)
    .onConflictDoUpdate({
      target: phoneLineSettings.territoryId,
      set: {
        unansweredAfterHours: row.unansweredAfterHours,
        consentWording: row.consentWording,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      },
    })
}
