import { hashPassword } from '../../../platform/auth/passwords.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { findAccountByEmail, grantRole, insertAccount } from '../identity/account.repository.ts'
import { CHARTER_VERSION, PRIVACY_VERSION } from '../identity/signup.service.ts'
import { largestCommune } from './staff.repository.ts'

/** Printed in the README of the demo: anyone trying the platform signs in as its administrator. */
export const DEMO_ADMIN = {
  email: 'claire.admin@entraide.localhost',
  password: 'démo entraide calvados administratrice',
  displayName: 'Claire Admin',
} as const

/** The demo's phone line agent: she records people without internet and posts their asks. */
export const DEMO_AGENT = {
  email: 'sophie.agent@entraide.localhost',
  password: 'démo entraide calvados accueil téléphonique',
  displayName: 'Sophie Agent',
} as const

/**
 * The demo's administrator and phone line agent. Their second factor is not set up: at their first
 * sign-in they are sent to enrol it, which is the journey every new staff member takes. Does
 * nothing if the administrator exists.
 */
export async function seedDemoStaff(services: AppServices, territory: Territory): Promise<boolean> {
  const { database } = services
  if (await findAccountByEmail(database.db, DEMO_ADMIN.email)) return false
  const communeInsee = (await largestCommune(database.db, territory.departements)) ?? '14118'
  for (const [who, role] of [
    [DEMO_ADMIN, 'administrator'],
    [DEMO_AGENT, 'agent'],
  ] as const)
    await seedStaffMember(services, territory, who, role, communeInsee)
  return true
}

async function seedStaffMember(
  { database, clock, ids }: AppServices,
  territory: Territory,
  who: { email: string; password: string; displayName: string },
  role: 'administrator' | 'agent',
  communeInsee: string,
) {
  const now = clock.now()
  const id = ids()
  const passwordHash = await hashPassword(who.password)
  await database.db.transaction(async (tx) => {
    await insertAccount(tx, {
      id,
      territoryId: territory.id,
      email: who.email,
      emailVerifiedAt: now,
      passwordHash,
      displayName: who.displayName,
      communeInsee,
      charterVersion: CHARTER_VERSION,
      charterAcceptedAt: now,
      privacyVersion: PRIVACY_VERSION,
      privacyAcceptedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    await grantRole(tx, {
      accountId: id,
      territoryId: territory.id,
      role,
      grantedBy: null,
      grantedAt: now,
    })
  })
}
