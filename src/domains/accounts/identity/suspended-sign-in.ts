import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type { AppServices } from '../../../platform/services.ts'

/**
 * What a person whose account is suspended hears once their password proved who they are: until
 * when (null for a ban), why (the decision's reason, in moderation's own words for it: the mail may
 * be lost), and the form that mails them the decision and its appeal link again.
 */
export interface SuspensionNotice {
  kind: 'suspend' | 'ban'
  until: Date | null
  reason: MessageKey
  resend: { action: string; fields: Record<string, string> }
}

/**
 * The slot moderation fills when the app is assembled (`accountsModule({ suspendedSignIn })`):
 * accounts sits below moderation and cannot read sanctions. Given an account that gave the right
 * password and is suspended, it answers `lifted` when the suspension's time is up (it lifts it on
 * the spot, so the person signs in), a notice while it holds, or null when no sanction explains
 * the status (the account then hears what a wrong password hears, as before).
 */
export type SuspendedSignIn = (
  services: AppServices,
  accountId: string,
) => Promise<'lifted' | SuspensionNotice | null>

/** What accounts receives from the modules above it. */
export interface AccountsSlots {
  suspendedSignIn?: SuspendedSignIn
}
