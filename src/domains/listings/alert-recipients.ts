import type { DbOrTx } from '../../platform/db/client.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { accountCards } from '../accounts/index.ts'
import { type SavedSearchRow, savedSearchesFor } from './saved-search.repository.ts'
import type { AlertFrequency } from './saved-search.schema.ts'

/** A saved search with what its alert email needs: the address and language of its owner. */
export interface AlertRecipient {
  search: SavedSearchRow
  email: string
  locale: Locale
}

/**
 * The alerts of a frequency whose owner is active and verified, in two queries whatever their
 * number: the saved searches, then their owners at once.
 */
export async function alertRecipients(
  db: DbOrTx,
  options: { frequency: AlertFrequency; territoryId?: string; excludeAccountId?: string },
): Promise<AlertRecipient[]> {
  const searches = await savedSearchesFor(db, options)
  const owners = await accountCards(
    db,
    searches.map((s) => s.accountId),
  )
  return searches.flatMap((search) => {
    const owner = owners.get(search.accountId)
    if (!owner || owner.status !== 'active' || owner.emailVerifiedAt === null) return []
    return [{ search, email: owner.email, locale: (owner.locale === 'en' ? 'en' : 'fr') as Locale }]
  })
}
