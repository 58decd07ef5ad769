import { hashPassword } from '../../../platform/auth/passwords.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { insertAccount } from './account.repository.ts'
import { CHARTER_VERSION, PRIVACY_VERSION } from './signup.service.ts'

/**
 * Two residents with known passwords, so that a visitor of the demonstration can sign in at once
 * and see both sides: someone who needs help, and a volunteer. Their passwords pass the same
 * strength check as anyone's; the addresses use a domain that cannot receive mail.
 */
export const DEMO_RESIDENTS = [
  {
    displayName: 'Jeanne Martin',
    email: 'jeanne.demo@entraide.localhost',
    password: 'jeanne cultive des tomates à Bayeux',
    communeInsee: '14047',
    interests: ['groceries-medicines', 'phone-contact'],
    phone: '+33261910001',
  },
  {
    displayName: 'Karim Benali',
    email: 'karim.demo@entraide.localhost',
    password: 'karim répare les vélos du quartier à Caen',
    communeInsee: '14118',
    interests: ['repairs', 'transport', 'gardening'],
    phone: '+33261910002',
  },
] as const

export async function seedDemoResidents(services: AppServices, territory: Territory): Promise<void> {
  const now = services.clock.now()
  for (const resident of DEMO_RESIDENTS) {
    await insertAccount(services.database.db, {
      id: services.ids(),
      territoryId: territory.id,
      email: resident.email,
      emailVerifiedAt: now,
      passwordHash: await hashPassword(resident.password),
      displayName: resident.displayName,
      communeInsee: resident.communeInsee,
      phone: resident.phone,
      interests: [...resident.interests],
      charterVersion: CHARTER_VERSION,
      charterAcceptedAt: now,
      privacyVersion: PRIVACY_VERSION,
      privacyAcceptedAt: now,
      createdAt: now,
      updatedAt: now,
    })
  }
}
