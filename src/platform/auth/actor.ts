import type { Locale } from '../i18n/i18n.ts'
import { type Permission, rolePermissions, staffOnly } from './permissions.ts'
import type { AccountStatus, StaffRole } from './roles.ts'

/** Who is making the request, as every use case sees it. */
export interface Actor {
  accountId: string
  displayName: string
  email: string
  verified: boolean
  status: AccountStatus
  locale: Locale
  easyRead: boolean
  /** staff roles held in the territory of the request */
  roles: StaffRole[]
  /** the second factor was given in this session, or the request carries a token */
  secondFactor: boolean
  hasTotp: boolean
  /**
   * The account holds a phone number it could share with a match, as authentication read it;
   * absent on an actor built without the account at hand, and then read again where needed.
   */
  hasPhone?: boolean
  via: { kind: 'session'; idHash: string } | { kind: 'token'; tokenId: string; scopes: string[] }
}

/** Permissions the actor holds right now, in the request's territory. */
export function permissionsOf(actor: Actor | null): Set<Permission> {
  const granted = new Set<Permission>(['public'])
  if (!actor || actor.status !== 'active') return granted
  granted.add('session')
  if (actor.verified) granted.add('verified')
  // Staff powers need the second factor of this session; an API token never carries them.
  if (actor.via.kind === 'session' && actor.secondFactor) {
    for (const role of actor.roles) for (const p of rolePermissions[role]) granted.add(p)
  }
  return granted
}

export function can(actor: Actor | null, permission: Permission): boolean {
  return permissionsOf(actor).has(permission)
}

export function isStaff(actor: Actor | null): boolean {
  return (actor?.roles.length ?? 0) > 0
}

export { staffOnly }
