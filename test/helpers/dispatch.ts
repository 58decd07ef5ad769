import { eq } from 'drizzle-orm'
import type { CallLanguage } from '../../src/domains/calls/calls.ts'
import { insertRegistration } from '../../src/domains/calls/registration.repository.ts'
import { listCategories } from '../../src/domains/categories/index.ts'
import { dispatchProposals } from '../../src/domains/dispatch/dispatch.schema.ts'
import { matches } from '../../src/domains/matches/match.schema.ts'
import { notifications } from '../../src/domains/notifications/notification.schema.ts'
import { phoneCases } from '../../src/domains/phone/phone.schema.ts'
import { verifyDemoVolunteer } from '../../src/domains/volunteers/index.ts'
import { auditLog } from '../../src/platform/audit/audit.schema.ts'
import { Client, makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'
import { askForm, LINE, personForm, setLinePhone } from './phone.ts'

export const LIST = '/administration/demandes-sans-reponse'

/**
 * A territory with a coordinator, a moderator, an agent and a resident who asks; two categories
 * (groceries, and childcare which needs a verified volunteer); volunteers at known distances from
 * Caen with what ranks them; and another territory with its own coordinator.
 */
export async function dispatchWorld(t: TestApp) {
  const calvados = await makeTerritory(t.app.services)
  const manche = await makeTerritory(t.app.services, {
    platformName: 'Entraide Manche',
    departements: ['50'],
  })
  // The territory's default categories: profiles' interests name them by slug.
  const defaults = await listCategories(t.db.db, calvados.id, { activeOnly: false })
  const groceries = defaults.find((c) => c.slug === 'groceries-medicines')!
  const childcare = defaults.find((c) => c.slug === 'childcare')!
  if (!childcare.needsVerifiedVolunteer) throw new Error('childcare should need a verified volunteer')
  // Staff here do not volunteer, so that the suggestions are the volunteers below.
  const staffOnly = { acceptsProposals: false }
  const coordinator = await makeAccount(t, calvados, {
    displayName: 'Chloé Coordinatrice',
    roles: ['coordinator'],
    ...staffOnly,
  })
  const moderator = await makeAccount(t, calvados, {
    displayName: 'Max Modérateur',
    roles: ['moderator'],
    ...staffOnly,
  })
  const agent = await makeAccount(t, calvados, {
    displayName: 'Sophie Agent',
    roles: ['agent'],
    ...staffOnly,
  })
  const author = await makeAccount(t, calvados, {
    displayName: 'Odette',
    email: 'odette@exemple.test',
    locale: 'fr',
  })
  const volunteer = (displayName: string, overrides: Parameters<typeof makeAccount>[2] = {}) =>
    makeAccount(t, calvados, { displayName, interests: ['groceries-medicines'], radiusKm: 20, ...overrides })
  // Hérouville (3 km), Caen itself, Bayeux (25 km), Lisieux (45 km, radius 50), Vire (55 km).
  const amina = await volunteer('Amina', {
    communeInsee: '14327',
    availability: ['tue-am'],
    languages: ['fr', 'ar'],
  })
  const bruno = await volunteer('Bruno', { communeInsee: '14118', interests: [] })
  const celine = await volunteer('Céline', {
    communeInsee: '14047',
    radiusKm: 50,
    interests: ['groceries-medicines', 'childcare'],
  })
  const optedOut = await volunteer('Olivier', { communeInsee: '14118', acceptsProposals: false })
  const suspended = await volunteer('Sylvain', { communeInsee: '14118', status: 'suspended' })
  const unconfirmed = await volunteer('Ursule', { communeInsee: '14118', emailVerifiedAt: null })
  const far = await volunteer('Fabien', { communeInsee: '14366', radiusKm: 20 })
  const mancheCoordinator = await makeAccount(t, manche, { roles: ['coordinator'] })
  await verifyDemoVolunteer(t.app.services, calvados, celine.email)
  const host = calvados.hostnames[0]!
  const staff = (account: { id: string; territoryId: string }, on = host) =>
    new Client(t, on).signInDirectly(account, { staff: true, secondFactor: true })
  const resident = (account: { id: string; territoryId: string }) =>
    new Client(t, host).signInDirectly(account)
  return {
    calvados: (await t.app.services.tenancy.resolveHost(host))!,
    manche,
    groceries,
    childcare,
    coordinator,
    moderator,
    agent,
    author,
    amina,
    bruno,
    celine,
    optedOut,
    suspended,
    unconfirmed,
    far,
    mancheCoordinator,
    host,
    staff,
    resident,
  }
}
export type DispatchWorld = Awaited<ReturnType<typeof dispatchWorld>>

export const proposalRows = (t: TestApp, listingId: string) =>
  t.db.db.select().from(dispatchProposals).where(eq(dispatchProposals.listingId, listingId))
export const matchesOf = (t: TestApp, listingId: string) =>
  t.db.db.select().from(matches).where(eq(matches.listingId, listingId))
export const notificationsOf = async (t: TestApp, accountId: string, type: string) =>
  (await t.db.db.select().from(notifications).where(eq(notifications.accountId, accountId))).filter(
    (n) => n.type === type,
  )
export const auditOf = async (t: TestApp, action: string) =>
  (await t.db.db.select().from(auditLog)).filter((a) => a.action === action)

/**
 * An ask the phone line's agent posts, through its pages, for a person of Caen (her name and
 * phone in `person`); when `language` is given she is also registered for calls in that
 * language. Returns the ask's id.
 */
export async function relayedAsk(
  t: TestApp,
  w: DispatchWorld,
  ask: { title: string; person: { lastName: string; phone: string }; language?: CallLanguage },
) {
  const { title, language } = ask
  await setLinePhone(t, w.calvados, '+33231570000')
  const agent = await w.staff(w.agent)
  const recorded = await agent.post(
    `${LINE}/personnes`,
    personForm({ commune: 'Caen (14000)', ...ask.person }),
  )
  if (recorded.statusCode !== 303) throw new Error(`recording a person answered ${recorded.statusCode}`)
  const personId = /personnes\/([0-9a-f-]+)/.exec(recorded.headers.location as string)![1]!
  if (language) {
    const now = t.clock.now()
    await insertRegistration(t.db.db, {
      id: t.app.services.ids(),
      territoryId: w.calvados.id,
      personId,
      registrantKind: 'agent',
      frequency: 'weekly',
      language,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    })
  }
  const posted = await agent.post(`${LINE}/personnes/${personId}/demande`, askForm(w.groceries.id, { title }))
  if (posted.statusCode !== 303) throw new Error(`posting an ask answered ${posted.statusCode}`)
  const caseId = /dossiers\/([0-9a-f-]+)/.exec(posted.headers.location as string)![1]!
  const [row] = await t.db.db.select().from(phoneCases).where(eq(phoneCases.id, caseId))
  return row!.listingId!
}
