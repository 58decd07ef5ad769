import { eq } from 'drizzle-orm'
import { seedDelegation, seedOrganisation } from '../../src/domains/organisations/index.ts'
import { organisationMembers, organisations } from '../../src/domains/organisations/organisation.schema.ts'
import { seedProducer } from '../../src/domains/producers/index.ts'
import {
  producerOpeningHours,
  producerPhotos,
  producerProducts,
  producerProfiles,
  producerSalesPlaces,
} from '../../src/domains/producers/producer.schema.ts'
import { auditLog } from '../../src/platform/audit/audit.schema.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { type Account, Client, makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'

/** What the product form sends when everything is right; tests change one field at a time. */
export const productForm = (over: Record<string, string | string[]> = {}) => ({
  family: 'oeufs',
  name: 'Œufs de plein air',
  description: 'Poules élevées en plein air dans le verger.',
  months: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
  labels: ['ab'],
  ...over,
})

/** A farm shop in Bayeux open on Monday 9 h–18 h (the test clock starts on a Monday, 10 h in Paris). */
export const placeForm = (over: Record<string, string> = {}) => ({
  mode: 'farm-shop',
  name: 'La ferme',
  commune: 'Bayeux',
  address: '2 chemin des Prés',
  details: 'Sonnez à la grange.',
  radiusKm: '',
  hours1Day: '1',
  hours1Opens: '9h',
  hours1Closes: '18h',
  ...over,
})

/**
 * Two territories (Calvados, Manche), a farm (pending) run by a farmer, the Chambre d'agriculture (a
 * verified partner the territory delegates producers to) run by its own manager, staff, a stranger.
 */
export async function producerWorld(t: TestApp, prefix: string, options: { exclusive?: boolean } = {}) {
  const host = `${prefix}.entraide.test`
  const otherHost = `${prefix}-manche.entraide.test`
  const calvados = await makeTerritory(t.app.services, { hostnames: [host] })
  const manche = await makeTerritory(t.app.services, { hostnames: [otherHost], departements: ['50'] })
  const farmer = await makeAccount(t, calvados)
  const chamberManager = await makeAccount(t, calvados)
  const stranger = await makeAccount(t, calvados)
  const staff = await makeAccount(t, calvados, { roles: ['coordinator'] })
  const admin = await makeAccount(t, calvados, { roles: ['administrator'] })
  const db = t.db.db
  const farmId = await seedOrganisation(db, {
    territoryId: calvados.id,
    name: 'Ferme du Pré Vert',
    kind: 'producer',
    communeInsee: '14047',
    status: 'pending',
    managerId: farmer.id,
    now: t.clock.now(),
  })
  const chamberId = await seedOrganisation(db, {
    territoryId: calvados.id,
    name: 'Chambre d’agriculture du Calvados',
    kind: 'partner',
    communeInsee: '14118',
    managerId: chamberManager.id,
    now: t.clock.now(),
  })
  await seedDelegation(db, {
    territoryId: calvados.id,
    partnerId: chamberId,
    kind: 'producer',
    exclusive: options.exclusive ?? false,
    now: t.clock.now(),
  })
  const client = (account: Account, territoryHost = host) =>
    new Client(t, territoryHost).signInDirectly(account)
  return {
    host,
    otherHost,
    calvados,
    manche,
    farmer,
    chamberManager,
    stranger,
    staff,
    admin,
    farmId,
    chamberId,
    client,
    staffClient: () => new Client(t, host).signInDirectly(staff, { secondFactor: true, staff: true }),
    adminClient: () => new Client(t, host).signInDirectly(admin, { secondFactor: true, staff: true }),
    visitor: (territoryHost = host) => new Client(t, territoryHost),
    async addMember(organisationId: string, accountId: string, role: 'manager' | 'member') {
      await db
        .insert(organisationMembers)
        .values({ organisationId, accountId, role, joinedAt: t.clock.now() })
    },
    async status(id: string) {
      return (await db.select().from(organisations).where(eq(organisations.id, id)))[0]!.status
    },
    async verify(id: string) {
      await db
        .update(organisations)
        .set({ status: 'verified', verifiedAt: t.clock.now() })
        .where(eq(organisations.id, id))
    },
    /** a verified producer with a page, in the territory given */
    async producer(
      name: string,
      territory: Territory,
      page: Omit<Parameters<typeof seedProducer>[2], 'territoryId' | 'organisationId'>,
      status: 'verified' | 'pending' = 'verified',
    ) {
      const manager = await makeAccount(t, territory)
      const id = await seedOrganisation(db, {
        territoryId: territory.id,
        name,
        kind: 'producer',
        communeInsee: territory === manche ? '50129' : '14047',
        status,
        managerId: manager.id,
        now: t.clock.now(),
      })
      await seedProducer(db, t.app.services.ids, {
        territoryId: territory.id,
        organisationId: id,
        now: t.clock.now(),
        ...page,
      })
      return id
    },
    async counts(id: string) {
      const places = await db
        .select()
        .from(producerSalesPlaces)
        .where(eq(producerSalesPlaces.organisationId, id))
      const hours = (await db.select().from(producerOpeningHours)).filter((h) =>
        places.some((p) => p.id === h.placeId),
      )
      return {
        profile: (await db.select().from(producerProfiles).where(eq(producerProfiles.organisationId, id)))
          .length,
        products: (await db.select().from(producerProducts).where(eq(producerProducts.organisationId, id)))
          .length,
        places: places.length,
        hours: hours.length,
        photos: (await db.select().from(producerPhotos).where(eq(producerPhotos.organisationId, id))).length,
      }
    },
    async profile(id: string) {
      return (
        (await db.select().from(producerProfiles).where(eq(producerProfiles.organisationId, id)))[0] ?? null
      )
    },
    async products(id: string) {
      return db
        .select()
        .from(producerProducts)
        .where(eq(producerProducts.organisationId, id))
        .orderBy(producerProducts.position)
    },
    async audits(action: string) {
      return (
        await db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, action as never))
      ).length
    },
  }
}
export type ProducerWorld = Awaited<ReturnType<typeof producerWorld>>

/** What the presentation form sends. */
export const producerForm = (over: Record<string, string | string[]> = {}) => ({
  presentation: 'Ferme familiale, poules en plein air et ruches dans le verger.',
  labels: ['ab', 'bienvenue-ferme'],
  ...over,
})
