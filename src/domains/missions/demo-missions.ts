import { demoActor } from '../../platform/auth/demo-actor.ts'
import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountByEmail } from '../accounts/index.ts'
import { listCategories } from '../categories/index.ts'
import { membershipsOf } from '../organisations/index.ts'
import { MissionService } from './mission.service.ts'

/** Eight weeks ahead, as the weekly form takes it (yyyy-mm-dd). */
function inEightWeeks(now: Date): string {
  return new Date(now.getTime() + 56 * 86_400_000).toISOString().slice(0, 10)
}

/**
 * A weekly mission of the demonstration's association, posted through the use case as its manager
 * would, so that a visitor finds slots to sign up to. Nothing when the association is not there.
 */
export async function seedDemoMissions(services: AppServices, territory: Territory): Promise<DemoAccount[]> {
  const { db } = services.database
  const jeanne = await accountByEmail(db, 'jeanne.demo@entraide.localhost')
  if (!jeanne || jeanne.territoryId !== territory.id) return []
  const association = (await membershipsOf(db, territory.id, jeanne.id)).find(
    (o) => o.name === 'Les Amis du Bessin',
  )
  const category = (await listCategories(db, territory.id, { activeOnly: true })).find(
    (c) => c.slug === 'phone-contact',
  )
  if (!association || !category) return []
  await new MissionService(services).create(
    demoActor(jeanne),
    territory,
    association.id,
    {
      title: 'Visites de convivialité le samedi matin',
      description:
        'Passer une heure ou deux avec une personne âgée isolée de Bayeux : discuter, jouer aux cartes, faire quelques pas. Un binôme de l’association vous accompagne la première fois.',
      categoryId: category.id,
      address: '',
      needsVerifiedVolunteer: false,
      withdrawHours: '24',
    },
    {
      kind: 'weekly',
      weekly: {
        weekday: '6',
        start: '09:30',
        end: '11:30',
        until: inEightWeeks(services.clock.now()),
        places: '4',
      },
    },
    { insee: '14047' },
  )
  return []
}
