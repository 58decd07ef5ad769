import { demoActor } from '../../platform/auth/demo-actor.ts'
import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountByEmail } from '../accounts/index.ts'
import { listCategories } from '../categories/index.ts'
import { ListingService } from '../listings/index.ts'
import { OrganisationService } from '../organisations/index.ts'
import { ReportService } from '../reports/index.ts'

const offer = (title: string, description: string, categoryId: string) => ({
  kind: 'offer',
  categoryId,
  title,
  description,
  whenKind: 'flexible',
  whenStart: '',
  whenEnd: '',
  recurrence: '',
  urgency: '',
  capacity: '',
  forOther: false,
  onBehalfName: '',
  onBehalfRelation: '',
  onBehalfConsent: false,
  charter: true,
})

/**
 * The demonstration's queue is not empty at first start: Karim offers guitar lessons for a price
 * (held by the free-help rule), reports an offer of Jeanne's, and registers an organisation that
 * awaits verification. Each goes through the use case a person's would, so each is queued by it.
 */
export async function seedDemoModeration(
  services: AppServices,
  territory: Territory,
): Promise<DemoAccount[]> {
  const { db } = services.database
  const [jeanne, karim] = await Promise.all(
    ['jeanne.demo@entraide.localhost', 'karim.demo@entraide.localhost'].map((e) => accountByEmail(db, e)),
  )
  const [category] = await listCategories(db, territory.id, { activeOnly: true })
  if (!jeanne || !karim || !category || karim.territoryId !== territory.id) return []
  const listings = new ListingService(services)
  const commune = { insee: '14118' }
  await listings.create(
    demoActor(karim),
    territory,
    offer(
      'Cours de guitare pour débutants',
      'Je donne des cours de guitare à domicile, 15 € de l’heure, paiement en espèces.',
      category.id,
    ),
    commune,
  )
  const lent = await listings.create(
    demoActor(jeanne),
    territory,
    offer(
      'Prêt d’une perceuse',
      'Je prête ma perceuse pour un week-end, à venir chercher à Caen.',
      category.id,
    ),
    commune,
  )
  if (lent.kind === 'saved')
    await new ReportService(services).submit(demoActor(karim), territory, 'listing', lent.listing.id, {
      reason: 'other',
      comment: 'Il me semble que cette perceuse est vendue ailleurs.',
    })
  await new OrganisationService(services).create(
    demoActor(karim),
    territory,
    {
      name: 'Jardins partagés de la Guérinière',
      kind: 'association',
      aidType: '',
      registration: '',
      description: 'Un jardin partagé ouvert aux habitants du quartier, le mercredi et le samedi.',
      contactKind: 'email',
      contactValue: 'jardins.gueriniere@exemple.org',
    },
    commune,
  )
  return []
}
