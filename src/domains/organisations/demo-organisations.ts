import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountByEmail } from '../accounts/index.ts'
import { seedOrganisation } from './organisation-seed.ts'

/** Two verified organisations, so that the demonstration's pages show what organisations look like. */
export async function seedDemoOrganisations(
  services: AppServices,
  territory: Territory,
): Promise<DemoAccount[]> {
  const { db } = services.database
  const manager = await accountByEmail(db, 'jeanne.demo@entraide.localhost')
  if (!manager || manager.territoryId !== territory.id) return []
  await seedOrganisation(db, {
    territoryId: territory.id,
    name: 'Les Amis du Bessin',
    kind: 'association',
    communeInsee: '14047',
    description:
      'Association de voisinage de Bayeux : visites aux personnes isolées, courses partagées et ateliers numériques le samedi matin.',
    managerId: manager.id,
    now: services.clock.now(),
  })
  await seedOrganisation(db, {
    territoryId: territory.id,
    name: 'Banque alimentaire du Calvados',
    kind: 'aid-structure',
    aidType: 'food-bank',
    communeInsee: '14118',
    description: 'Collecte et redistribution de denrées aux associations et CCAS du département.',
    managerId: manager.id,
    now: services.clock.now(),
  })
  return []
}
