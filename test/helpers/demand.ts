import { desc, eq } from 'drizzle-orm'
import {
  supplyAllocations,
  supplyLedger,
  supplyProposals,
  supplyRequests,
} from '../../src/domains/campaigns/campaign.schema.ts'
import { seedCampaign } from '../../src/domains/campaigns/index.ts'
import { recordMovement, stockByPoint } from '../../src/domains/campaigns/ledger.repository.ts'
import { seedOrganisation } from '../../src/domains/organisations/index.ts'
import { auditLog } from '../../src/platform/audit/audit.schema.ts'
import { type Account, Client, makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'

/**
 * A territory with a mask campaign (points in Bayeux and Caen that distribute, one in Lisieux
 * that only collects), a coordinator, three requesters, a member of an EHPAD, the manager of
 * the organisation the campaign is delegated to, and another territory with its own coordinator.
 */
export async function demandWorld(t: TestApp) {
  const calvados = await makeTerritory(t.app.services)
  const manche = await makeTerritory(t.app.services, {
    platformName: 'Entraide Manche',
    departements: ['50'],
  })
  const coordinator = await makeAccount(t, calvados, {
    displayName: 'Cora Coordinatrice',
    roles: ['coordinator'],
  })
  const mancheStaff = await makeAccount(t, manche, { displayName: 'Max Manche', roles: ['coordinator'] })
  const carer = await makeAccount(t, calvados, { displayName: 'Inès Infirmière' })
  const elder = await makeAccount(t, calvados, { displayName: 'Albert Aîné' })
  const neighbour = await makeAccount(t, calvados, { displayName: 'Nina Voisine' })
  const unverified = await makeAccount(t, calvados, { displayName: 'Ulysse', emailVerifiedAt: null })
  const delegate = await makeAccount(t, calvados, { displayName: 'Denis Délégué' })
  const ehpadId = await seedOrganisation(t.db.db, {
    territoryId: calvados.id,
    name: 'EHPAD Les Tilleuls',
    kind: 'aid-structure',
    communeInsee: '14118',
    managerId: elder.id,
  })
  const delegateOrgId = await seedOrganisation(t.db.db, {
    territoryId: calvados.id,
    name: 'Couturières du Bessin',
    communeInsee: '14047',
    managerId: delegate.id,
  })
  const campaign = await seedCampaign(t.db.db, {
    territoryId: calvados.id,
    createdBy: coordinator.id,
    organisationId: delegateOrgId,
    now: t.clock.now(),
    points: [
      {
        name: 'Mairie de Bayeux',
        communeInsee: '14047',
        role: 'distribution',
        hours: 'mardi et jeudi, 14 h – 18 h',
        address: '19 rue Laitière',
      },
      {
        name: 'CCAS de Caen',
        communeInsee: '14118',
        role: 'both',
        hours: 'du lundi au vendredi, 9 h – 12 h',
        address: '5 place Saint-Sauveur',
      },
      { name: 'Atelier de Lisieux', communeInsee: '14366', role: 'collection' },
    ],
  })
  const [bayeux, caen, lisieux] = campaign.pointIds as [string, string, string]
  const host = calvados.hostnames[0]!
  const client = (account: Account | null) =>
    account ? new Client(t, host).signInDirectly(account) : Promise.resolve(new Client(t, host))
  const staff = (account: Account = coordinator) =>
    new Client(t, account === mancheStaff ? manche.hostnames[0]! : host).signInDirectly(account, {
      staff: true,
      secondFactor: true,
    })
  return {
    calvados,
    manche,
    coordinator,
    mancheStaff,
    carer,
    elder,
    neighbour,
    unverified,
    delegate,
    ehpadId,
    delegateOrgId,
    campaignId: campaign.id,
    bayeux,
    caen,
    lisieux,
    host,
    client,
    staff,
  }
}

export type DemandWorld = Awaited<ReturnType<typeof demandWorld>>

/** The request form as a requester fills it: 10 masks for oneself, general public, at Bayeux. */
export const requestForm = (w: DemandWorld, overrides: Record<string, string> = {}) => ({
  quantity: '10',
  requesterKind: 'person',
  priority: 'general',
  pointId: w.bayeux,
  commune: 'Bayeux (14400)',
  note: '',
  ...overrides,
})

/** Posts a request through the form; returns the new request's id. */
export async function postRequest(
  t: TestApp,
  w: DemandWorld,
  who: Account,
  overrides: Record<string, string> = {},
) {
  const known = new Set((await requestRows(t, w.campaignId)).map((r) => r.id))
  const res = await (await w.client(who)).post(
    `/collectes/${w.campaignId}/demander`,
    requestForm(w, overrides),
  )
  if (res.statusCode !== 303) throw new Error(`asking answered ${res.statusCode}: ${res.body.slice(0, 300)}`)
  return (await requestRows(t, w.campaignId)).find((r) => !known.has(r.id))!.id
}

/** Puts stock at a point, as a confirmed batch would. */
export async function receive(t: TestApp, w: DemandWorld, pointId: string, quantity: number) {
  await recordMovement(t.db.db, {
    campaignId: w.campaignId,
    pointId,
    movement: 'received',
    quantity,
    recordedBy: w.coordinator.id,
    at: t.clock.now(),
  })
}

export const requestRows = (t: TestApp, campaignId: string) =>
  t.db.db.select().from(supplyRequests).where(eq(supplyRequests.campaignId, campaignId))

export async function requestRow(t: TestApp, id: string) {
  const [row] = await t.db.db.select().from(supplyRequests).where(eq(supplyRequests.id, id))
  return row!
}

export const allocationRows = (t: TestApp, campaignId: string) =>
  t.db.db.select().from(supplyAllocations).where(eq(supplyAllocations.campaignId, campaignId))

export const proposalRows = (t: TestApp, campaignId: string) =>
  t.db.db.select().from(supplyProposals).where(eq(supplyProposals.campaignId, campaignId))

export const ledgerRows = (t: TestApp, campaignId: string) =>
  t.db.db.select().from(supplyLedger).where(eq(supplyLedger.campaignId, campaignId))

export const stockOf = async (t: TestApp, campaignId: string, pointId: string) =>
  (await stockByPoint(t.db.db, campaignId)).find((s) => s.pointId === pointId)!

/** The audit entries about one request or proposal, newest first. */
export const auditOf = (t: TestApp, targetId: string) =>
  t.db.db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(desc(auditLog.createdAt))
