import { hmac, sameString } from '../../platform/auth/secrets.ts'
import { isUuid } from '../../platform/validation.ts'

const PURPOSE = 'callout-unsubscribe'

/**
 * `<account>.<mac>`, signed for one account in one territory: one click in a mass call's mail stops
 * the next ones from that territory. No expiry: an old mail's link must still work.
 */
export function calloutUnsubscribeToken(secret: string, territoryId: string, accountId: string): string {
  return `${accountId}.${hmac(secret, PURPOSE, `${territoryId}:${accountId}`)}`
}

export function readCalloutToken(secret: string, territoryId: string, token: string): string | null {
  const [accountId, mac, extra] = token.split('.')
  if (!accountId || !mac || extra !== undefined || !isUuid(accountId)) return null
  return sameString(mac, hmac(secret, PURPOSE, `${territoryId}:${accountId}`)) ? accountId : null
}
