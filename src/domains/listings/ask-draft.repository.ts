import { and, eq, lt } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { listingDrafts } from './ask-draft.schema.ts'

export type AskDraft = typeof listingDrafts.$inferSelect
type Owner = { id: string; territoryId: string; accountId: string }

/** Every read and write names the owner: another account's id is simply not found. */
const owned = (o: Owner) =>
  and(
    eq(listingDrafts.id, o.id),
    eq(listingDrafts.territoryId, o.territoryId),
    eq(listingDrafts.accountId, o.accountId),
  )

export async function insertDraft(db: DbOrTx, draft: AskDraft): Promise<void> {
  await db.insert(listingDrafts).values(draft)
}

export async function findOwnDraft(db: DbOrTx, owner: Owner): Promise<AskDraft | null> {
  const [row] = await db.select().from(listingDrafts).where(owned(owner))
  return row ?? null
}

export async function updateOwnDraft(
  db: DbOrTx,
  owner: Owner,
  changes: Pick<AskDraft, 'answers' | 'updatedAt'>,
): Promise<boolean> {
  const rows = await db
    .update(listingDrafts)
    .set(changes)
    .where(owned(owner))
    .returning({ id: listingDrafts.id })
  return rows.length > 0
}

/** False when it was already gone: a second « Publier » must not post the ask twice. */
export async function deleteOwnDraft(db: DbOrTx, owner: Owner): Promise<boolean> {
  const rows = await db.delete(listingDrafts).where(owned(owner)).returning({ id: listingDrafts.id })
  return rows.length > 0
}

/** An account's drafts untouched since `before`: an ask left half-written is not kept for ever. */
export async function deleteStaleDrafts(db: DbOrTx, accountId: string, before: Date): Promise<void> {
  await db
    .delete(listingDrafts)
    .where(and(eq(listingDrafts.accountId, accountId), lt(listingDrafts.updatedAt, before)))
}
