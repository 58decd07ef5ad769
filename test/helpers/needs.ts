import { eq } from 'drizzle-orm'
import { needDropPoints, needPledges, needs } from '../../src/domains/needs/need.schema.ts'
import { seedOrganisation } from '../../src/domains/organisations/index.ts'
import { organisations } from '../../src/domains/organisations/organisation.schema.ts'
import { type Account, Client, makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'

/** The need form as a manager fills it: 100 meals, one drop point in Bayeux. */
export const needForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  title: 'Repas pour la distribution du samedi',
  description: 'Des plats cuisinés ou des conserves, pour les familles accueillies.',
  quantity: '100',
  unit: 'repas',
  deadline: '',
  drop1Name: 'Local de la banque alimentaire',
  drop1Commune: 'Bayeux (14400)',
  drop1Address: '3 rue des Cordeliers',
  drop1Hours: 'du lundi au vendredi, 9 h – 12 h',
  ...overrides,
})

/**
 * A territory with a verified food bank (a manager, a member), a second organisation with its own
 * manager, a stranger, a resident whose address is not confirmed, and another territory with its
 * own organisation: every side the needs' rules speak of.
 */
export async function needsWorld(t: TestApp) {
  const calvados = await makeTerritory(t.app.services)
  const manche = await makeTerritory(t.app.services, {
    platformName: 'Entraide Manche',
    departements: ['50'],
  })
  const manager = await makeAccount(t, calvados, { displayName: 'Martine Gérante' })
  const member = await makeAccount(t, calvados, { displayName: 'Mehdi Membre' })
  const otherManager = await makeAccount(t, calvados, { displayName: 'Odile Autre' })
  const stranger = await makeAccount(t, calvados, { displayName: 'Sam Passant' })
  const unverified = await makeAccount(t, calvados, {
    displayName: 'Ulysse Nonconfirmé',
    emailVerifiedAt: null,
  })
  const mancheManager = await makeAccount(t, manche)
  const orgId = await seedOrganisation(t.db.db, {
    territoryId: calvados.id,
    name: 'Banque alimentaire du Bessin',
    kind: 'aid-structure',
    aidType: 'food-bank',
    communeInsee: '14047',
    managerId: manager.id,
    memberIds: [member.id],
  })
  const otherOrgId = await seedOrganisation(t.db.db, {
    territoryId: calvados.id,
    name: 'Les Jardins de Caen',
    communeInsee: '14118',
    managerId: otherManager.id,
    memberIds: [stranger.id],
  })
  const pendingOrgId = await seedOrganisation(t.db.db, {
    territoryId: calvados.id,
    name: 'Association en attente',
    communeInsee: '14118',
    status: 'pending',
    managerId: otherManager.id,
  })
  const mancheOrgId = await seedOrganisation(t.db.db, {
    territoryId: manche.id,
    name: 'Secours de Saint-Lô',
    communeInsee: '50502',
    managerId: mancheManager.id,
  })
  const host = calvados.hostnames[0]!
  const client = (account: Account | null) =>
    account ? new Client(t, host).signInDirectly(account) : Promise.resolve(new Client(t, host))
  return {
    calvados,
    manche,
    manager,
    member,
    otherManager,
    stranger,
    unverified,
    mancheManager,
    orgId,
    otherOrgId,
    pendingOrgId,
    mancheOrgId,
    host,
    client,
  }
}

export type NeedsWorld = Awaited<ReturnType<typeof needsWorld>>

/** Posts a need through the form as the food bank's manager; returns its id. */
export async function postNeed(w: NeedsWorld, overrides: Record<string, string> = {}): Promise<string> {
  const res = await (await w.client(w.manager)).post(
    `/organisations/${w.orgId}/besoins/nouveau`,
    needForm(overrides),
  )
  if (res.statusCode !== 303) throw new Error(`posting a need answered ${res.statusCode}`)
  return /\/besoins\/([0-9a-f-]+)/.exec(res.headers.location as string)![1]!
}

export async function needRow(t: TestApp, id: string) {
  const [row] = await t.db.db.select().from(needs).where(eq(needs.id, id))
  return row
}

export const dropPointRows = (t: TestApp, needId: string) =>
  t.db.db.select().from(needDropPoints).where(eq(needDropPoints.needId, needId))

export const pledgeRows = (t: TestApp, needId: string) =>
  t.db.db.select().from(needPledges).where(eq(needPledges.needId, needId))

/** Staff suspend the organisation (or verify it again), as its own pages would. */
export async function setOrganisationStatus(t: TestApp, id: string, status: 'verified' | 'suspended') {
  await t.db.db.update(organisations).set({ status }).where(eq(organisations.id, id))
}

export const allNeeds = (t: TestApp) => t.db.db.select().from(needs)

/** How many needs exist: what « nothing written » compares, without reading every row back. */
export const needCount = (t: TestApp) => t.db.db.$count(needs)
