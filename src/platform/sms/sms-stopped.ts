import type { DbOrTx } from '../db/client.ts'

/** What runs in the transaction of a « STOP »: the domains clear the opt-ins they keep for that number. */
export type SmsStoppedHook = (
  tx: DbOrTx,
  event: { territoryId: string; phone: string; at: Date },
) => Promise<unknown>
