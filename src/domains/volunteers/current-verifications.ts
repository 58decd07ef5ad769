import type { DbOrTx } from '../../platform/db/client.ts'
import { type AccountCard, accountByEmail, accountCards } from '../accounts/index.ts'
import { listCurrent } from './volunteer.repository.ts'

/** A verification as staff see it in the list. */
export interface CurrentVerification {
  id: string
  accountId: string
  displayName: string
  email: string
  verifiedByName: string | null
  verifiedAt: Date
  expiresAt: Date
  note: string | null
}

/** Verifications that hold now, by name: two queries whatever their number. */
export async function currentVerifications(
  db: DbOrTx,
  territoryId: string,
  now: Date,
): Promise<CurrentVerification[]> {
  const rows = await listCurrent(db, territoryId, now)
  const people = await accountCards(
    db,
    rows.flatMap((r) => (r.verifiedBy ? [r.accountId, r.verifiedBy] : [r.accountId])),
  )
  const list = rows.flatMap((r) => {
    const account = people.get(r.accountId)
    if (!account) return []
    return [
      {
        id: r.id,
        accountId: r.accountId,
        displayName: account.displayName,
        email: account.email,
        verifiedByName: r.verifiedBy ? (people.get(r.verifiedBy)?.displayName ?? null) : null,
        verifiedAt: r.verifiedAt,
        expiresAt: r.expiresAt,
        note: r.note,
      },
    ]
  })
  // By name, then id, as the database would order them byte by byte.
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return list.sort((a, b) => order(a.displayName, b.displayName) || order(a.id, b.id))
}

/** The account with this address, if its home is this territory. */
export async function territoryAccountByEmail(
  db: DbOrTx,
  territoryId: string,
  email: string,
): Promise<AccountCard | null> {
  const account = await accountByEmail(db, email)
  return account?.territoryId === territoryId ? account : null
}
