import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountByEmail, CHARTER_VERSION, PRIVACY_VERSION, seedAccount } from '../accounts/index.ts'
import { listCategories } from '../categories/index.ts'
import { seedDemoListing } from '../listings/index.ts'

/**
 * Volunteers who said when they are free, which languages they speak and what they like to help
 * with, so that the demonstration's coordinator sees ranked suggestions with their reasons for the
 * two asks nobody answered for three days. They have no password:
 * nobody signs in as them.
 */
const DEMO_VOLUNTEERS = [
  {
    displayName: 'Amina Haddad',
    communeInsee: '14327',
    interests: ['groceries-medicines', 'phone-contact'],
    availability: ['tue-am', 'thu-am', 'sat-am'],
    languages: ['fr', 'ar'],
    radiusKm: 20,
  },
  {
    displayName: 'Bruno Lemoine',
    communeInsee: '14047',
    interests: ['groceries-medicines', 'transport'],
    availability: ['mon-pm', 'wed-pm', 'fri-pm'],
    languages: ['fr', 'en'],
    radiusKm: 10,
  },
  {
    displayName: 'Céline Hébert',
    communeInsee: '14118',
    interests: ['digital-help', 'homework', 'groceries-medicines'],
    availability: ['sat-am', 'sat-pm', 'sun-am'],
    languages: ['fr', 'es'],
    radiusKm: 50,
  },
] as const

export async function seedDemoDispatch(services: AppServices, territory: Territory): Promise<DemoAccount[]> {
  const now = services.clock.now()
  for (const [i, v] of DEMO_VOLUNTEERS.entries()) {
    await seedAccount(services.database.db, {
      id: services.ids(),
      territoryId: territory.id,
      email: `benevole${i + 1}.demo@entraide.localhost`,
      emailVerifiedAt: now,
      passwordHash: null,
      displayName: v.displayName,
      communeInsee: v.communeInsee,
      interests: [...v.interests],
      availability: [...v.availability],
      languages: [...v.languages],
      radiusKm: v.radiusKm,
      charterVersion: CHARTER_VERSION,
      charterAcceptedAt: now,
      privacyVersion: PRIVACY_VERSION,
      privacyAcceptedAt: now,
      createdAt: now,
      updatedAt: now,
    })
  }
  await seedUnansweredAsks(services, territory)
  return []
}

const DAY_MS = 86_400_000

/** Two asks of Jeanne's, published three days ago with no response: the list shows them at once. */
async function seedUnansweredAsks(services: AppServices, territory: Territory) {
  const { db } = services.database
  const jeanne = await accountByEmail(db, 'jeanne.demo@entraide.localhost')
  const categories = await listCategories(db, territory.id, { activeOnly: true })
  const now = services.clock.now()
  const published = new Date(now.getTime() - 3 * DAY_MS)
  const asks = [
    {
      category: 'groceries-medicines',
      communeInsee: '14047',
      title: 'Porter les courses de Madeleine le jeudi',
      description:
        'Madeleine, 86 ans, a besoin de quelqu’un pour porter ses courses du marché, le jeudi matin.',
    },
    {
      category: 'digital-help',
      communeInsee: '14118',
      title: 'Prendre un rendez-vous médical en ligne',
      description: 'Je n’arrive pas à prendre rendez-vous chez l’ophtalmologue sur internet.',
    },
  ]
  for (const ask of asks) {
    const category = categories.find((c) => c.slug === ask.category)
    const commune = await services.communes.find(territory, ask.communeInsee)
    if (!jeanne || !category || !commune) continue
    await seedDemoListing(db, {
      id: services.ids(),
      territoryId: territory.id,
      authorId: jeanne.id,
      relayed: false,
      kind: 'ask',
      categoryId: category.id,
      title: ask.title,
      description: ask.description,
      communeInsee: commune.insee,
      latitude: commune.latitude,
      longitude: commune.longitude,
      whenKind: 'flexible',
      whenStart: null,
      whenEnd: null,
      recurrence: null,
      urgency: 'week',
      capacity: null,
      onBehalfName: null,
      onBehalfRelation: null,
      onBehalfConsent: false,
      charterVersion: CHARTER_VERSION,
      status: 'published',
      holdReasons: [],
      createdAt: published,
      updatedAt: published,
      publishedAt: published,
      expiresAt: new Date(published.getTime() + 30 * DAY_MS),
      remindedAt: null,
      closedAt: null,
    })
  }
}
