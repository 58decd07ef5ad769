import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountByEmail, CHARTER_VERSION } from '../accounts/index.ts'
import { listCategories } from '../categories/index.ts'
import { insertListing } from './listing.repository.ts'
import { expiryFrom, type Listing } from './listing.ts'

type DemoListing = Pick<
  Listing,
  'kind' | 'title' | 'description' | 'communeInsee' | 'urgency' | 'capacity' | 'recurrence'
> & {
  author: string
  category: string
  onBehalf?: { name: string; relation: string }
}

/** A few asks and offers so that the demonstration's search and listing pages show something real. */
const DEMO_LISTINGS: DemoListing[] = [
  {
    author: 'jeanne.demo@entraide.localhost',
    kind: 'ask',
    category: 'groceries-medicines',
    title: 'Courses du mardi pour ma voisine',
    description:
      'Ma voisine Madeleine, 86 ans, ne peut plus porter ses courses.\nUne personne pour l’accompagner au marché le mardi matin serait précieuse.',
    communeInsee: '14047',
    urgency: 'week',
    capacity: null,
    recurrence: 'tous les mardis',
    onBehalf: { name: 'Madeleine', relation: 'ma voisine' },
  },
  {
    author: 'jeanne.demo@entraide.localhost',
    kind: 'ask',
    category: 'digital-help',
    title: 'Aide pour remplir un dossier en ligne',
    description: 'Je dois faire ma demande de prime d’activité sur internet et je n’y arrive pas seule.',
    communeInsee: '14047',
    urgency: 'no-rush',
    capacity: null,
    recurrence: null,
  },
  {
    author: 'karim.demo@entraide.localhost',
    kind: 'offer',
    category: 'repairs',
    title: 'Petites réparations de vélos',
    description: 'Je répare volontiers les vélos : crevaison, freins, chaîne. Je viens avec mes outils.',
    communeInsee: '14118',
    urgency: null,
    capacity: '2 vélos par semaine',
    recurrence: null,
  },
  {
    author: 'karim.demo@entraide.localhost',
    kind: 'offer',
    category: 'homework',
    title: 'Aide aux devoirs en mathématiques',
    description: 'Étudiant en sciences, j’aide aux devoirs de maths du collège, le mercredi après-midi.',
    communeInsee: '14118',
    urgency: null,
    capacity: '3 élèves par semaine',
    recurrence: 'le mercredi après-midi',
  },
]

/** Written by the residents the accounts' demonstration seeded; it adds no account of its own. */
export async function seedDemoListings(services: AppServices, territory: Territory): Promise<DemoAccount[]> {
  const { db } = services.database
  const categories = await listCategories(db, territory.id, { activeOnly: true })
  const now = services.clock.now()
  for (const demo of DEMO_LISTINGS) {
    const author = await accountByEmail(db, demo.author)
    const category = categories.find((c) => c.slug === demo.category) ?? categories[0]
    const commune = await services.communes.find(territory, demo.communeInsee)
    if (!author || !category || !commune) continue
    await insertListing(db, {
      id: services.ids(),
      territoryId: territory.id,
      authorId: author.id,
      kind: demo.kind,
      categoryId: category.id,
      title: demo.title,
      description: demo.description,
      communeInsee: commune.insee,
      latitude: commune.latitude,
      longitude: commune.longitude,
      whenKind: demo.recurrence ? 'recurring' : 'flexible',
      whenStart: null,
      whenEnd: null,
      recurrence: demo.recurrence,
      urgency: demo.urgency,
      capacity: demo.capacity,
      onBehalfName: demo.onBehalf?.name ?? null,
      onBehalfRelation: demo.onBehalf?.relation ?? null,
      onBehalfConsent: demo.onBehalf !== undefined,
      charterVersion: CHARTER_VERSION,
      status: 'published',
      holdReasons: [],
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
      expiresAt: expiryFrom(now),
      remindedAt: null,
      closedAt: null,
    })
  }
  return []
}

/** A listing written as it is, for another domain's demonstration data (asks nobody answered yet). */
export async function seedDemoListing(
  db: Parameters<typeof insertListing>[0],
  listing: Listing,
): Promise<void> {
  await insertListing(db, listing)
}
