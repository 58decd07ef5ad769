import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { DEMO_RESIDENTS, seedDemoResidents } from './identity/demo-residents.ts'
import {
  DEMO_ADMIN,
  DEMO_AGENT,
  DEMO_COORDINATOR,
  DEMO_MODERATORS,
  seedDemoStaff,
} from './staff/demo-staff.ts'

/** The people of the demonstration: both sides of a help, and someone to run the platform. */
export async function seedAccountsDemo(services: AppServices, territory: Territory): Promise<DemoAccount[]> {
  await seedDemoResidents(services, territory)
  await seedDemoStaff(services, territory)
  return [
    ...DEMO_RESIDENTS.map(({ displayName, email, password }) => ({ displayName, email, password })),
    { ...DEMO_ADMIN, role: 'administratrice' },
    { ...DEMO_AGENT, role: 'agente de l’accueil téléphonique' },
    ...DEMO_MODERATORS.map((m) => ({ ...m, role: 'modération' })),
    { ...DEMO_COORDINATOR, role: 'coordinatrice' },
  ]
}
