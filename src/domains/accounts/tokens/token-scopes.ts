import { isTokenScope, type TokenScope } from '../../../platform/auth/scopes.ts'
import type { MessageKey } from '../../../platform/i18n/i18n.ts'

/**
 * How the account page names each scope; the type makes a new scope need its label. The scopes
 * themselves live in `platform/auth/scopes.ts`, the guards in `platform/auth/guards.ts`.
 */
export const scopeLabels: Record<TokenScope, MessageKey> = {
  'profile:read': 'tokens.scope.profileRead',
  'profile:write': 'tokens.scope.profileWrite',
  'listings:read': 'tokens.scope.listingsRead',
  'listings:write': 'tokens.scope.listingsWrite',
  'organisations:read': 'tokens.scope.organisationsRead',
  'organisations:write': 'tokens.scope.organisationsWrite',
  'participation:write': 'tokens.scope.participationWrite',
  'campaigns:read': 'tokens.scope.campaignsRead',
  'campaigns:write': 'tokens.scope.campaignsWrite',
  'calls:read': 'tokens.scope.callsRead',
  'calls:write': 'tokens.scope.callsWrite',
  'dispatch:read': 'tokens.scope.dispatchRead',
  'dispatch:write': 'tokens.scope.dispatchWrite',
}

export function scopeLabel(scope: string): MessageKey | null {
  return isTokenScope(scope) ? scopeLabels[scope] : null
}
