import { hashPassword } from '../../../platform/auth/passwords.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { findAccountByEmail, grantRole, insertAccount } from '../identity/account.repository.ts'
import type { StaffRole } from '../identity/account.schema.ts'
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

/** The demo's two moderators: one decides, the other reviews the appeal (never the same person). */
export const DEMO_MODERATORS = [
  {
    email: 'marc.moderateur@entraide.localhost',
    password: 'démo entraide calvados modération Marc',
    displayName: 'Marc Moderateur',
  },
  {
    email: 'ines.moderatrice@entraide.localhost',
    password: 'démo entraide calvados modération Inès',
    displayName: 'Inès Moderatrice',
  },
] as const

/** The demo's coordinator: she proposes the asks nobody answered to volunteers. */
export const DEMO_COORDINATOR = {
  email: 'julie.coordinatrice@entraide.localhost',
  password: 'démo entraide calvados coordination',
  displayName: 'Julie Coordinatrice',
} as const

/**
 * The demo's staff: an administrator, a phone line agent, two moderators and a coordinator. Their
 * second factor is not set up: at their first sign-in they are sent to enrol it, which is the
 * journey every new staff member takes. Each is created once; true when any was.
 */
export async function seedDemoStaff(services: AppServices, territory: Territory): Promise<boolean> {
  const { database } = services
  const communeInsee = (await largestCommune(database.db, territory.departements)) ?? '14118'
  let created = false
  for (const [who, role] of [
    [DEMO_ADMIN, 'administrator'],
    [DEMO_AGENT, 'agent'],
    [DEMO_MODERATORS[0], 'moderator'],
    [DEMO_MODERATORS[1], 'moderator'],
    [DEMO_COORDINATOR, 'coordinator'],
  ] as const) {
    if (await findAccountByEmail(database.db, who.email)) continue
    await seedStaffMember(services, territory, who, role, communeInsee)
    created = true
  }
  return created
}

async function seedStaffMember(
  { database, clock, ids }: AppServices,
  territory: Territory,
  who: { email: string; password: string; displayName: string },
  role: StaffRole,
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
