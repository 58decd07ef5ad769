import { hashPassword } from '../../platform/auth/passwords.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import {
  CHARTER_VERSION,
  type Interest,
  PRIVACY_VERSION,
  seedAccount,
  seedDemoStaff,
} from '../accounts/index.ts'
import { seedDemoListings } from './demo-listings.ts'

export const DEMO_SLUG = 'calvados-demo'

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
    interests: ['groceries-medicines', 'phone-contact'] as Interest[],
    phone: '+33231000001',
  },
  {
    displayName: 'Karim Benali',
    email: 'karim.demo@entraide.localhost',
    password: 'karim répare les vélos du quartier à Caen',
    communeInsee: '14118',
    interests: ['repairs', 'transport', 'gardening'] as Interest[],
    phone: '+33231000002',
  },
] as const

async function seedResidents(services: AppServices, territory: Territory): Promise<void> {
  const now = services.clock.now()
  for (const resident of DEMO_RESIDENTS) {
    await seedAccount(services.database.db, {
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

/**
 * A new development database gets a demonstration territory so that `npm start` shows a living
 * platform at once: two residents with a few asks and offers, and an administrator (who enrols her second factor at her
 * first sign-in). Never in production: server.ts and the CLI refuse it there.
 */
export async function seedDemo(services: AppServices): Promise<Territory | null> {
  if ((await services.territories.count()) > 0) return null
  const territory = await services.territories.create({
    slug: DEMO_SLUG,
    departements: ['14'],
    officialName: 'Département du Calvados',
    platformName: 'Entraide Calvados (démo)',
    presentation: {
      fr: "Plateforme de démonstration : habitants, associations et services du Département s'y entraident gratuitement, partout dans le Calvados.",
      en: 'Demonstration platform: inhabitants, associations and the Département’s services help each other for free, all over Calvados.',
    },
    primaryColor: '#1f4e8c',
    contactEmail: 'entraide-demo@calvados.example',
    hostnames: ['localhost', '127.0.0.1', '[::1]'],
    isDemo: true,
  })
  await seedResidents(services, territory)
  await seedDemoStaff(services, territory)
  await seedDemoListings(services, territory)
  return territory
}
