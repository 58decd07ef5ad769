import { and, desc, eq, getTableColumns } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { needPledges, needs } from './need.schema.ts'
import type { Need, Pledge } from './need.ts'

export async function insertPledge(tx: DbOrTx, pledge: Pledge): Promise<void> {
  await tx.insert(needPledges).values(pledge)
}

/** The pledge, when its need is of this territory: another territory's is not found. */
export async function findPledge(db: DbOrTx, territoryId: string, id: string): Promise<Pledge | null> {
  const [row] = await db
    .select(getTableColumns(needPledges))
    .from(needPledges)
    .innerJoin(needs, eq(needs.id, needPledges.needId))
    .where(and(eq(needPledges.id, id), eq(needs.territoryId, territoryId)))
  return row ?? null
}

/** A need's pledges, newest first, every status: the organisation's list. */
export function pledgesOfNeed(db: DbOrTx, needId: string): Promise<Pledge[]> {
  return db
    .select()
    .from(needPledges)
    .where(eq(needPledges.needId, needId))
    .orderBy(desc(needPledges.createdAt), desc(needPledges.id))
}

/** A person's pledges in the territory, newest first, with what they were for. */
export function pledgesOfAccount(
  db: DbOrTx,
  territoryId: string,
  accountId: string,
): Promise<{ pledge: Pledge; need: Pick<Need, 'id' | 'title' | 'unit' | 'organisationId' | 'status'> }[]> {
  return db
    .select({
      pledge: getTableColumns(needPledges),
      need: {
        id: needs.id,
        title: needs.title,
        unit: needs.unit,
        organisationId: needs.organisationId,
        status: needs.status,
      },
    })
    .from(needPledges)
    .innerJoin(needs, eq(needs.id, needPledges.needId))
    .where(and(eq(needPledges.accountId, accountId), eq(needs.territoryId, territoryId)))
    .orderBy(desc(needPledges.createdAt), desc(needPledges.id))
}

/** Cancels the person's own live pledge; null when it is not theirs or no longer pledged. */
export async function cancelPledge(
  tx: DbOrTx,
  id: string,
  accountId: string,
  now: Date,
): Promise<Pledge | null> {
  const [row] = await tx
    .update(needPledges)
    .set({ status: 'cancelled', cancelledAt: now })
    .where(
      and(eq(needPledges.id, id), eq(needPledges.accountId, accountId), eq(needPledges.status, 'pledged')),
    )
    .returning()
  return row ?? null
}

/** Records what came of a live pledge of this need; null when it was already settled meanwhile. */
export async function receivePledge(
  tx: DbOrTx,
  where: { id: string; needId: string },
  receipt: { quantity: number; by: string; at: Date },
): Promise<Pledge | null> {
  const [row] = await tx
    .update(needPledges)
    .set({
      status: 'received',
      receivedQuantity: receipt.quantity,
      receivedBy: receipt.by,
      receivedAt: receipt.at,
    })
    .where(
      and(
        eq(needPledges.id, where.id),
        eq(needPledges.needId, where.needId),
        eq(needPledges.status, 'pledged'),
      ),
    )
    .returning()
  return row ?? null
}
