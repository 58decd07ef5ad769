import type { DbOrTx } from '../../../platform/db/client.ts'
import { type AccountCard, findAccountCards } from './account.repository.ts'

export { personColumns } from './account.repository.ts'

export type { AccountCard }

/** One account as other parts see it (name, status, contact, choices), or null. */
export async function accountCard(db: DbOrTx, id: string): Promise<AccountCard | null> {
  const [card] = await findAccountCards(db, [id])
  return card ?? null
}

/** Several accounts by id in one query; an id that names no account is simply absent. */
export async function accountCards(db: DbOrTx, ids: readonly string[]): Promise<Map<string, AccountCard>> {
  const cards = await findAccountCards(db, ids)
  return new Map(cards.map((c) => [c.id, c]))
}

/**
 * A person's contact details as they are now, for the other party of a match both sides
 * accepted: the caller checks that before asking.
 */
export async function contactDetails(
  db: DbOrTx,
  id: string,
): Promise<{ phone: string | null; email: string } | null> {
  const card = await accountCard(db, id)
  return card ? { phone: card.phone, email: card.email } : null
}
