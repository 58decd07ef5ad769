import type { DbOrTx } from '../../../platform/db/client.ts'
import type { Frequency, NotificationType } from '../profile/profile.ts'
import {
  type AccountCard,
  clearSmsConsent,
  findAccountCardByEmail,
  insertAccount,
  type NewAccountRow,
  setNotificationFrequency as setFrequency,
} from './account.repository.ts'

/** The account of an address, as others see it; for the demo data, which names people by address. */
export async function accountByEmail(db: DbOrTx, email: string): Promise<AccountCard | null> {
  return findAccountCardByEmail(db, email)
}

/** An account made whole by a seeding script (demo data, tests of the command line), not by sign-up. */
export async function seedAccount(db: DbOrTx, row: NewAccountRow): Promise<void> {
  await insertAccount(db, row)
}

/**
 * Sets one notification preference in a single statement, so that a profile saved at the same
 * moment keeps its other choices. False when the account does not exist.
 */
export function setNotificationFrequency(
  db: DbOrTx,
  accountId: string,
  type: NotificationType,
  frequency: Frequency,
): Promise<boolean> {
  return setFrequency(db, accountId, type, frequency)
}

/**
 * A « STOP » answered from this number: the accounts of the territory holding it no longer get
 * SMS, until the person ticks « Recevoir aussi les avis par SMS » again in their profile.
 */
export async function clearSmsConsentOfNumber(
  tx: DbOrTx,
  event: { territoryId: string; phone: string; at: Date },
): Promise<void> {
  await clearSmsConsent(tx, event.territoryId, event.phone, event.at)
}
