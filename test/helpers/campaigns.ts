import { eq } from 'drizzle-orm'
import {
  supplyBatches,
  supplyCampaigns,
  supplyLedger,
  supplyMakers,
  supplyPoints,
  supplyStock,
} from '../../src/domains/campaigns/campaign.schema.ts'
import { seedCampaign } from '../../src/domains/campaigns/campaign-seed.ts'
import { seedOrganisation } from '../../src/domains/organisations/index.ts'
import { type Account, Client, makeAccount } from './accounts.ts'
import type { TestApp } from './app.ts'
import { makeTerritory } from './factories.ts'

/**
 * A territory with a coordinator (second factor given), two makers (the second manages a
 * workshop), a verified organisation the campaign is delegated to (a manager and a member), a
 * plain resident, one whose address is unconfirmed, and another territory with its own
 * coordinator. The campaign is open, with a point that collects and distributes (Bayeux), one
 * that only collects (Caen) and one that only distributes (Lisieux).
 */
export async function campaignWorld(t: TestApp) {
  const calvados = await makeTerritory(t.app.services)
  const manche = await makeTerritory(t.app.services, {
    platformName: 'Entraide Manche',
    departements: ['50'],
  })
  const staff = await makeAccount(t, calvados, {
    displayName: 'Corinne Coordinatrice',
    roles: ['coordinator'],
  })
  const mancheStaff = await makeAccount(t, manche, { displayName: 'Marc Manche', roles: ['coordinator'] })
  const maker = await makeAccount(t, calvados, { displayName: 'Mathilde Couturière', communeInsee: '14047' })
  const maker2 = await makeAccount(t, calvados, { displayName: 'Yannick Atelier' })
  const orgManager = await makeAccount(t, calvados, { displayName: 'Odette Responsable' })
  const orgMember = await makeAccount(t, calvados, { displayName: 'Olivier Membre' })
  const resident = await makeAccount(t, calvados, { displayName: 'Rémi Voisin' })
  const unverified = await makeAccount(t, calvados, {
    displayName: 'Ulysse Nonconfirmé',
    emailVerifiedAt: null,
  })
  const orgId = await seedOrganisation(t.db.db, {
    territoryId: calvados.id,
    name: 'Croix solidaire du Bessin',
    communeInsee: '14047',
    managerId: orgManager.id,
    memberIds: [orgMember.id],
  })
  const workshopId = await seedOrganisation(t.db.db, {
    territoryId: calvados.id,
    name: 'Atelier couture de Caen',
    kind: 'workshop',
    communeInsee: '14118',
    managerId: maker2.id,
  })
  const campaign = await seedCampaign(t.db.db, {
    territoryId: calvados.id,
    createdBy: staff.id,
    organisationId: orgId,
    title: 'Masques pour les aidants',
    target: 1000,
    now: t.clock.now(),
    points: [
      { name: 'Mairie de Bayeux', communeInsee: '14047', role: 'both' },
      { name: 'Local de Caen', communeInsee: '14118', role: 'collection' },
      { name: 'Pharmacie de Lisieux', communeInsee: '14366', role: 'distribution' },
    ],
  })
  const host = calvados.hostnames[0]!
  const client = (account: Account | null, options: { staff?: boolean } = {}) =>
    account
      ? new Client(t, account.territoryId === manche.id ? manche.hostnames[0]! : host).signInDirectly(
          account,
          options.staff ? { staff: true, secondFactor: true } : {},
        )
      : Promise.resolve(new Client(t, host))
  return {
    calvados,
    manche,
    staff,
    mancheStaff,
    maker,
    maker2,
    orgManager,
    orgMember,
    resident,
    unverified,
    orgId,
    workshopId,
    campaignId: campaign.id,
    pointIds: campaign.pointIds as [string, string, string],
    host,
    client,
    /** the coordinator, signed in with the second factor */
    staffClient: () => client(staff, { staff: true }),
  }
}
export type CampaignWorld = Awaited<ReturnType<typeof campaignWorld>>

/** The makers' capacity form, as a browser posts it. */
export async function declareCapacity(w: CampaignWorld, account: Account, form: Record<string, string> = {}) {
  const res = await (await w.client(account)).post(`/collectes/${w.campaignId}/fabriquer`, {
    capacity: '50',
    stock: '10',
    ...form,
  })
  if (res.statusCode !== 303) throw new Error(`declaring capacity answered ${res.statusCode}: ${res.body}`)
}

/** A batch recorded through the form; its id read back from the database. */
export async function recordBatch(
  t: TestApp,
  w: CampaignWorld,
  account: Account,
  form: Record<string, string> = {},
): Promise<string> {
  const before = new Set((await batchRows(t, w.campaignId)).map((b) => b.id))
  const res = await (await w.client(account)).post(`/collectes/${w.campaignId}/lots`, {
    quantity: '40',
    pointId: w.pointIds[0],
    handedOn: t.clock.now().toISOString().slice(0, 10),
    ...form,
  })
  if (res.statusCode !== 303) throw new Error(`recording a batch answered ${res.statusCode}: ${res.body}`)
  return (await batchRows(t, w.campaignId)).find((b) => !before.has(b.id))!.id
}

export const campaignRow = async (t: TestApp, id: string) =>
  (await t.db.db.select().from(supplyCampaigns).where(eq(supplyCampaigns.id, id)))[0]
export const allCampaigns = (t: TestApp) => t.db.db.select().from(supplyCampaigns)
export const pointRows = (t: TestApp, campaignId: string) =>
  t.db.db.select().from(supplyPoints).where(eq(supplyPoints.campaignId, campaignId))
export const makerRows = (t: TestApp, campaignId: string) =>
  t.db.db.select().from(supplyMakers).where(eq(supplyMakers.campaignId, campaignId))
export const batchRows = (t: TestApp, campaignId: string) =>
  t.db.db.select().from(supplyBatches).where(eq(supplyBatches.campaignId, campaignId))
export const ledgerRows = (t: TestApp, campaignId: string) =>
  t.db.db.select().from(supplyLedger).where(eq(supplyLedger.campaignId, campaignId))
export const stockRows = (t: TestApp, campaignId: string) =>
  t.db.db.select().from(supplyStock).where(eq(supplyStock.campaignId, campaignId))
