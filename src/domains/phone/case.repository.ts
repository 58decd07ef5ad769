import type { DbOrTx } from '../../platform/db/client.ts'
import { type CaseEventKind, type CaseOrigin, phoneCaseEvents, phoneCases } from './phone.schema.ts'

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
  by: string | null
  at: Date
}

/** Appends to a case's timeline; the timeline is never rewritten. */
export async function insertEvent(db: DbOrTx, e: NewEvent): Promise<void> {
  await db.insert(phoneCaseEvents).values({ ...e, note: e.note ?? null })
}
