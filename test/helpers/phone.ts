import { eq } from 'drizzle-orm'
import { phoneCaseEvents, phoneCases, phonePeople } from '../../src/domains/phone/phone.schema.ts'
import { auditLog } from '../../src/platform/audit/audit.schema.ts'
import { territories } from '../../src/platform/tenancy/territory.schema.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { Client, makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'
import { makeCategory } from './listings.ts'

export const LINE = '/administration/accueil-telephonique'

/** The person form as an agent fills it for Mme Lefèvre of Bayeux, consent read. */
export const personForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  firstName: 'Jeanne',
  lastName: 'Lefèvre',
  phone: '02 31 92 00 01',
  commune: 'Bayeux (14400)',
  address: '3 rue des Cuisiniers',
  callTimes: 'le matin, pas avant 9 h',
  answeredBy: 'elle-même',
  sharedContact: 'line',
  consentWording: 'Nous enregistrons vos coordonnées pour vous mettre en relation. D’accord ?',
  ...overrides,
})

/** The ask form: groceries, this week, the person's commune. */
export const askForm = (categoryId: string, overrides: Record<string, string> = {}) => ({
  categoryId,
  title: 'Courses de la semaine',
  description: 'Des courses au marché de Bayeux, une fois par semaine : légumes, pain, lait.',
  urgency: 'week',
  commune: '',
  ...overrides,
})

/**
 * A territory with a phone line number, two agents, a coordinator, an administrator, a moderator,
 * a resident who helps (Karim), a second volunteer, and another territory with its own agent.
 */
export async function phoneWorld(t: TestApp) {
  const calvados = await makeTerritory(t.app.services)
  await setLinePhone(t, calvados, '+33231570000')
  const manche = await makeTerritory(t.app.services, {
    platformName: 'Entraide Manche',
    departements: ['50'],
  })
  const agent = await makeAccount(t, calvados, {
    displayName: 'Sophie Agent',
    roles: ['agent'],
    phone: '+33612345678',
  })
  const agent2 = await makeAccount(t, calvados, { displayName: 'Marc Agent', roles: ['agent'] })
  const coordinator = await makeAccount(t, calvados, {
    displayName: 'Chloé Coordinatrice',
    roles: ['coordinator'],
  })
  const admin = await makeAccount(t, calvados, { displayName: 'Claire Admin', roles: ['administrator'] })
  const moderator = await makeAccount(t, calvados, { displayName: 'Max Modérateur', roles: ['moderator'] })
  const karim = await makeAccount(t, calvados, { displayName: 'Karim' })
  const lea = await makeAccount(t, calvados, { displayName: 'Léa' })
  const mancheAgent = await makeAccount(t, manche, { displayName: 'Agent Manche', roles: ['agent'] })
  const groceries = await makeCategory(t, calvados, { name: { fr: 'Courses', en: 'Groceries' } })
  const host = calvados.hostnames[0]!
  const client = (account: { id: string; territoryId: string } | null, on = host) =>
    account
      ? new Client(t, on).signInDirectly(account, { secondFactor: true, staff: true })
      : Promise.resolve(new Client(t, on))
  return {
    calvados: (await t.app.services.tenancy.resolveHost(host))!,
    manche,
    agent,
    agent2,
    coordinator,
    admin,
    moderator,
    karim,
    lea,
    mancheAgent,
    groceries,
    host,
    client,
  }
}
export type PhoneWorld = Awaited<ReturnType<typeof phoneWorld>>

/** Sets the territory's line number as its settings page would. */
export async function setLinePhone(t: TestApp, territory: Territory, phone: string | null) {
  await t.db.db.update(territories).set({ helplinePhone: phone }).where(eq(territories.id, territory.id))
  t.app.services.tenancy.forget()
}

/** Records a person through the form as the agent; returns their id. */
export async function recordPerson(w: PhoneWorld, overrides: Record<string, string> = {}) {
  const res = await (await w.client(w.agent)).post(`${LINE}/personnes`, personForm(overrides))
  if (res.statusCode !== 303) throw new Error(`recording a person answered ${res.statusCode}`)
  return /personnes\/([0-9a-f-]+)/.exec(res.headers.location as string)![1]!
}

/** Posts an ask for the person through the form; returns the case's id. */
export async function postAsk(w: PhoneWorld, personId: string, overrides: Record<string, string> = {}) {
  const res = await (await w.client(w.agent)).post(
    `${LINE}/personnes/${personId}/demande`,
    askForm(w.groceries.id, overrides),
  )
  if (res.statusCode !== 303)
    throw new Error(`posting an ask answered ${res.statusCode}: ${res.body.slice(0, 500)}`)
  return /dossiers\/([0-9a-f-]+)/.exec(res.headers.location as string)![1]!
}

export const personRow = async (t: TestApp, id: string) =>
  (await t.db.db.select().from(phonePeople).where(eq(phonePeople.id, id)))[0]
export const caseRow = async (t: TestApp, id: string) =>
  (await t.db.db.select().from(phoneCases).where(eq(phoneCases.id, id)))[0]
export const caseEventRows = (t: TestApp, id: string) =>
  t.db.db.select().from(phoneCaseEvents).where(eq(phoneCaseEvents.caseId, id))
export const peopleCount = (t: TestApp) => t.db.db.$count(phonePeople)
export const caseCount = (t: TestApp) => t.db.db.$count(phoneCases)
export const eventCount = (t: TestApp) => t.db.db.$count(phoneCaseEvents)
export const auditRows = (t: TestApp, action: string) =>
  t.db.db.select().from(auditLog).where(eq(auditLog.action, action))
