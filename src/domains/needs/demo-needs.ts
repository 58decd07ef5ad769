import { demoActor } from '../../platform/auth/demo-actor.ts'
import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountByEmail } from '../accounts/index.ts'
import { membershipsOf } from '../organisations/index.ts'
import { NeedService } from './need.service.ts'

/**
 * A material need of the demonstration's food bank, posted through the use case as its manager
 * would, so that a visitor sees its progress and can pledge. Nothing when the food bank is not there.
 */
export async function seedDemoNeeds(services: AppServices, territory: Territory): Promise<DemoAccount[]> {
  const { db } = services.database
  const jeanne = await accountByEmail(db, 'jeanne.demo@entraide.localhost')
  if (!jeanne || jeanne.territoryId !== territory.id) return []
  const foodBank = (await membershipsOf(db, territory.id, jeanne.id)).find(
    (o) => o.name === 'Banque alimentaire du Calvados',
  )
  if (!foodBank) return []
  await new NeedService(services).create(
    demoActor(jeanne),
    territory,
    foodBank.id,
    {
      title: 'Couvertures pour l’hiver',
      description: 'Des couvertures propres, en bon état, pour les familles accueillies cet hiver.',
      quantity: '60',
      unit: 'couvertures',
      categoryId: '',
      deadline: '',
      allowOverPledge: false,
    },
    [
      {
        name: 'Entrepôt de la banque alimentaire',
        commune: '14118',
        address: '12 rue de la Gare',
        hours: 'du lundi au vendredi, 9 h – 12 h',
        by: 'insee',
      },
    ],
  )
  return []
}
