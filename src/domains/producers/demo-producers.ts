import { hashPassword } from '../../platform/auth/passwords.ts'
import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountByEmail, CHARTER_VERSION, PRIVACY_VERSION, seedAccount } from '../accounts/index.ts'
import { seedDelegation, seedOrganisation } from '../organisations/index.ts'
import { seedProducer } from './producer-seed.ts'

export const DEMO_CHAMBER = {
  displayName: 'Paul Lefèvre',
  email: 'paul.chambre.demo@entraide.localhost',
  password: 'paul visite les fermes du Bessin',
} as const

const allYear = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
const weekdays = (days: number[], opens: string, closes: string) =>
  days.map((weekday) => ({ weekday, opens, closes }))

/**
 * The Chambre d'agriculture as a partner the territory delegates producers to, its adviser's
 * account, and three verified producers run by Jeanne: a farm near Bayeux with its shop, a market
 * stall, an apiary.
 */
export async function seedDemoProducers(services: AppServices, territory: Territory): Promise<DemoAccount[]> {
  const { db } = services.database
  const jeanne = await accountByEmail(db, 'jeanne.demo@entraide.localhost')
  if (!jeanne || jeanne.territoryId !== territory.id) return []
  const now = services.clock.now()
  const adviserId = services.ids()
  await seedAccount(db, {
    id: adviserId,
    territoryId: territory.id,
    email: DEMO_CHAMBER.email,
    emailVerifiedAt: now,
    passwordHash: await hashPassword(DEMO_CHAMBER.password),
    displayName: DEMO_CHAMBER.displayName,
    communeInsee: '14118',
    charterVersion: CHARTER_VERSION,
    charterAcceptedAt: now,
    privacyVersion: PRIVACY_VERSION,
    privacyAcceptedAt: now,
    createdAt: now,
    updatedAt: now,
  })
  const chamberId = await seedOrganisation(db, {
    territoryId: territory.id,
    name: 'Chambre d’agriculture du Calvados',
    kind: 'partner',
    communeInsee: '14118',
    description:
      'Elle accompagne les exploitations du département et vérifie les producteurs inscrits sur la plateforme.',
    managerId: adviserId,
    now,
  })
  await seedDelegation(db, { territoryId: territory.id, partnerId: chamberId, kind: 'producer', now })

  const producer = async (name: string, communeInsee: string, description: string) =>
    seedOrganisation(db, {
      territoryId: territory.id,
      name,
      kind: 'producer',
      communeInsee,
      description,
      managerId: jeanne.id,
      now,
    })

  const farm = await producer(
    'Ferme du Pré Vert',
    '14663',
    'Poules en plein air et maraîchage près de Bayeux.',
  )
  await seedProducer(db, services.ids, {
    territoryId: territory.id,
    organisationId: farm,
    presentation: 'Ferme familiale depuis 1987 : 300 poules en plein air dans le verger, légumes de saison.',
    labels: ['ab', 'bienvenue-ferme'],
    products: [
      {
        family: 'oeufs',
        name: 'Œufs de plein air',
        description: 'Ramassés chaque matin.',
        months: allYear,
        labels: ['ab'],
      },
      {
        family: 'legumes',
        name: 'Poireaux',
        description: '',
        months: [9, 10, 11, 12, 1, 2, 3],
        labels: ['ab'],
      },
      { family: 'legumes', name: 'Tomates anciennes', description: '', months: [7, 8, 9], labels: ['ab'] },
    ],
    places: [
      {
        mode: 'farm-shop',
        name: 'La boutique de la ferme',
        communeInsee: '14663',
        address: 'Chemin du Pré Vert',
        details: 'Sonnez à la grange.',
        radiusKm: null,
        hours: [...weekdays([1, 3, 5], '16:00', '19:00'), ...weekdays([6], '09:00', '12:30')],
      },
    ],
    now,
  })

  const stall = await producer(
    'Les Maraîchers du Bessin',
    '14047',
    'Légumes et fruits de saison au marché de Bayeux.',
  )
  await seedProducer(db, services.ids, {
    territoryId: territory.id,
    organisationId: stall,
    presentation: 'Trois maraîchers associés, présents chaque samedi au marché de Bayeux.',
    products: [
      {
        family: 'legumes',
        name: 'Carottes des sables',
        description: '',
        months: [6, 7, 8, 9, 10, 11],
        labels: [],
      },
      {
        family: 'fruits',
        name: 'Pommes',
        description: 'Variétés anciennes.',
        months: [9, 10, 11, 12, 1, 2],
        labels: [],
      },
    ],
    places: [
      {
        mode: 'market',
        name: 'Marché de Bayeux, place Saint-Patrice',
        communeInsee: '14047',
        address: 'Place Saint-Patrice',
        details: '',
        radiusKm: null,
        hours: weekdays([6], '08:00', '13:00'),
      },
    ],
    now,
  })

  const apiary = await producer(
    'Rucher de la Suisse normande',
    '14118',
    'Miel récolté dans le sud du Calvados.',
  )
  await seedProducer(db, services.ids, {
    territoryId: territory.id,
    organisationId: apiary,
    labels: ['label-rouge'],
    products: [
      { family: 'miel', name: 'Miel de fleurs', description: '', months: [6, 7, 8, 9, 10], labels: [] },
    ],
    places: [
      {
        mode: 'drive',
        name: 'Point de retrait de Caen',
        communeInsee: '14118',
        address: '',
        details: 'Commande par courriel, retrait le mercredi.',
        radiusKm: null,
        hours: weekdays([3], '17:00', '19:00'),
      },
      {
        mode: 'delivery',
        name: 'Livraison',
        communeInsee: '14118',
        address: '',
        details: '',
        radiusKm: 20,
        hours: [],
      },
    ],
    now,
  })
  return [{ ...DEMO_CHAMBER, role: 'Chambre d’agriculture' }]
}
