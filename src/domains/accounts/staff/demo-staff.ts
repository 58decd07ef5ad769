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

/**
 * The demo's administrator. Her second factor is not set up: at her first sign-in she is sent
 * to enrol it, which is the journey every new staff member takes. Does nothing if she exists.
 */
export async function seedDemoStaff(services: AppServices, territory: Territory): Promise<boolean> {
  const { database, clock, ids } = services
  if (await findAccountByEmail(database.db, DEMO_ADMIN.email)) return false
  const now = clock.now()
  const id = ids()
  const communeInsee = (await largestCommune(database.db, territory.departements)) ?? '14118'
  const passwordHash = await hashPassword(DEMO_ADMIN.password)
  await database.db.transaction(async (tx) => {
    await insertAccount(tx, {
      id,
      territoryId: territory.id,
      email: DEMO_ADMIN.email,
      emailVerifiedAt: now,
      passwordHash,
      displayName: DEMO_ADMIN.displayName,
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
      role: 'administrator',
      grantedBy: null,
      grantedAt: now,
    })
  })
  return true
}
