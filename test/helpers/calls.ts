import { and, eq } from 'drizzle-orm'
import {
  callCallers,
  callCampaignEntries,
  callCampaigns,
  callLogs,
  callPairings,
  callRegistrations,
} from '../../src/domains/calls/calls.schema.ts'
import { insertRegistration } from '../../src/domains/calls/registration.repository.ts'
import { insertPerson } from '../../src/domains/phone/index.ts'
import { phoneCases, phonePeople } from '../../src/domains/phone/phone.schema.ts'
import { volunteerVerifications } from '../../src/domains/volunteers/volunteer.schema.ts'
import { auditLog } from '../../src/platform/audit/audit.schema.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { type Account, Client, makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'
import { verifyVolunteer } from './missions.ts'

/** A registration form as a person fills it, right in every field; overrides for the one under test. */
export const registerForm = (over: Record<string, string> = {}): Record<string, string> => ({
  firstName: 'Simone',
  lastName: 'Lefèvre',
  phone: '02 61 91 10 01',
  commune: 'Caen',
  frequency: 'weekly',
  preferredTimes: 'le matin',
  topics: 'le jardin',
  language: 'fr',
  consent: 'oui',
  consentWording: 'Acceptez-vous d’être appelée chaque semaine ? Oui.',
  ...over,
})

export const callerForm = (over: Record<string, string | string[]> = {}) => ({
  languages: ['fr'],
  communes: 'Caen',
  availability: 'le matin',
  capacity: '3',
  ...over,
})

/**
 * A territory with a resident, an agent, a coordinator, two verified volunteers signed up as
 * callers, an unverified volunteer, and a coordinator of another territory.
 */
export async function callsWorld(t: TestApp) {
  const territory = await makeTerritory(t.app.services)
  const other = await makeTerritory(t.app.services)
  const host = territory.hostnames[0]!
  const resident = await makeAccount(t, territory, { displayName: 'Rose Résidente' })
  const agent = await makeAccount(t, territory, { displayName: 'Agathe Agente', roles: ['agent'] })
  const coordinator = await makeAccount(t, territory, {
    displayName: 'Coralie Coord',
    roles: ['coordinator'],
  })
  const karim = await makeAccount(t, territory, { displayName: 'Karim Appelant' })
  const lea = await makeAccount(t, territory, { displayName: 'Léa Appelante', communeInsee: '14047' })
  const unverified = await makeAccount(t, territory, { displayName: 'Ugo Nonvérifié' })
  const foreign = await makeAccount(t, other, { displayName: 'Fabien Ailleurs', roles: ['coordinator'] })
  for (const a of [karim, lea]) await verifyVolunteer(t, territory, a.id)
  const client = (a: Account, staff = false) =>
    new Client(t, a.territoryId === territory.id ? host : other.hostnames[0]!).signInDirectly(a, {
      staff,
      secondFactor: staff,
    })
  const clients = {
    resident: await client(resident),
    agent: await client(agent, true),
    coordinator: await client(coordinator, true),
    karim: await client(karim),
    lea: await client(lea),
    unverified: await client(unverified),
    foreign: await client(foreign, true),
  }
  await clients.karim.post('/appels-de-convivialite/appelant', callerForm({ capacity: '20' }))
  await clients.lea.post(
    '/appels-de-convivialite/appelant',
    callerForm({ communes: 'Bayeux', capacity: '20' }),
  )
  const callerOf = async (a: Account) =>
    (await t.db.db.select().from(callCallers).where(eq(callCallers.accountId, a.id)))[0]!
  return {
    territory,
    other,
    host,
    accounts: { resident, agent, coordinator, karim, lea, unverified, foreign },
    clients,
    callerOf,
    /** new sessions for everyone, after the fake clock moved past their idle limit */
    async signInAgain() {
      const staff = new Set(['agent', 'coordinator', 'foreign'])
      const all = { resident, agent, coordinator, karim, lea, unverified, foreign }
      for (const [name, c] of Object.entries(clients)) {
        const a = all[name as keyof typeof all]
        await c.signInDirectly(a, { staff: staff.has(name), secondFactor: staff.has(name) })
      }
    },
    /** registers a person by phone as an agent; returns the registration */
    async registerByAgent(over: Record<string, string> = {}) {
      const res = await clients.agent.post('/administration/appels/inscription', registerForm(over))
      if (res.statusCode !== 303) throw new Error(`registration refused: ${res.statusCode}`)
      const rows = await t.db.db
        .select()
        .from(callRegistrations)
        .where(eq(callRegistrations.territoryId, territory.id))
      return rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.id < b.id ? 1 : -1))[0]!
    },
    async pair(registrationId: string, caller: Account) {
      const c = await callerOf(caller)
      return clients.coordinator.post('/administration/appels/appariements', {
        registrationId,
        callerId: c.id,
      })
    },
  }
}
export type CallsWorld = Awaited<ReturnType<typeof callsWorld>>

export const registrationRows = (t: TestApp, territory: Territory) =>
  t.db.db.select().from(callRegistrations).where(eq(callRegistrations.territoryId, territory.id))
export const registrationRow = async (t: TestApp, id: string) =>
  (await t.db.db.select().from(callRegistrations).where(eq(callRegistrations.id, id)))[0]!
export const personRow = async (t: TestApp, id: string) =>
  (await t.db.db.select().from(phonePeople).where(eq(phonePeople.id, id)))[0]!
export const peopleCount = (t: TestApp) => t.db.db.$count(phonePeople)
export const registrationCount = (t: TestApp) => t.db.db.$count(callRegistrations)
export const callerCount = (t: TestApp) => t.db.db.$count(callCallers)
export const pairingRows = (t: TestApp, registrationId: string) =>
  t.db.db.select().from(callPairings).where(eq(callPairings.registrationId, registrationId))
export const logRows = (t: TestApp, registrationId: string) =>
  t.db.db.select().from(callLogs).where(eq(callLogs.registrationId, registrationId))
export const caseRows = (t: TestApp, personId: string) =>
  t.db.db.select().from(phoneCases).where(eq(phoneCases.personId, personId))
export const entryRows = (t: TestApp, campaignId: string) =>
  t.db.db.select().from(callCampaignEntries).where(eq(callCampaignEntries.campaignId, campaignId))
export const auditRows = (t: TestApp, action: string, targetId: string) =>
  t.db.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)))
export async function revokeVerification(t: TestApp, accountId: string) {
  await t.db.db
    .update(volunteerVerifications)
    .set({ revokedAt: t.clock.now() })
    .where(eq(volunteerVerifications.accountId, accountId))
}

/** The verification runs out now, as a year's end would. */
export async function expireVerification(t: TestApp, accountId: string) {
  await t.db.db
    .update(volunteerVerifications)
    .set({ expiresAt: t.clock.now() })
    .where(eq(volunteerVerifications.accountId, accountId))
}

export const allPeople = (t: TestApp) => t.db.db.select().from(phonePeople)

/**
 * A person registered for regular calls, written without the pages (for the domains that build on
 * the register, such as a crisis launching its campaign).
 */
export async function registerForCalls(t: TestApp, territory: Territory, firstName: string) {
  const now = t.clock.now()
  const person = await insertPerson(t.db.db, {
    id: t.app.services.ids(),
    territoryId: territory.id,
    firstName,
    lastName: 'Inscrite',
    phone: '+33261910009',
    communeInsee: territory.departements[0] === '50' ? '50502' : '14118',
    address: null,
    callTimes: null,
    answeredBy: null,
    sharedContact: 'line',
    consentWording: 'Accepte d’être appelée chaque semaine.',
    consentBy: null,
    accountId: null,
    at: now,
  })
  return insertRegistration(t.db.db, {
    id: t.app.services.ids(),
    territoryId: territory.id,
    personId: person.id,
    registrantKind: 'agent',
    frequency: 'weekly',
    status: 'active',
    createdAt: now,
    updatedAt: now,
  })
}

export const campaignRow = async (t: TestApp, id: string) =>
  (await t.db.db.select().from(callCampaigns).where(eq(callCampaigns.id, id)))[0]

/** The outcome of each entry of a campaign, as if callers had logged them (for the figures built on them). */
export async function settleEntries(t: TestApp, campaignId: string, statuses: ('reached' | 'concern')[]) {
  const entries = await entryRows(t, campaignId)
  for (const [i, status] of statuses.entries())
    await t.db.db
      .update(callCampaignEntries)
      .set({ status, attempts: 1, updatedAt: t.clock.now() })
      .where(eq(callCampaignEntries.id, entries[i]!.id))
}
