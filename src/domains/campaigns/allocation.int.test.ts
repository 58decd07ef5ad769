import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  allocationRows,
  type DemandWorld,
  demandWorld,
  ledgerRows,
  postRequest,
  proposalRows,
  receive,
  requestRow,
  stockOf,
} from '../../../test/helpers/demand.ts'
import { page } from '../../../test/helpers/html.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { supplyAllocations } from './campaign.schema.ts'
import { seedCampaign } from './campaign-seed.ts'

/**
 * The allocation as staff run it: HiGHS proposes, staff adjust within stock and demand, then
 * « Valider et prévenir » reserves the stock in the ledger and tells each requester, once only.
 */
describe('the allocation of stock to requests', () => {
  let t: TestApp
  let w: DemandWorld
  before(async () => {
    t = await buildTestApp()
    w = await demandWorld(t)
  })
  after(() => t.close())

  // Each test gets a campaign of its own, with the world's points and people.
  beforeEach(async () => {
    const campaign = await seedCampaign(t.db.db, {
      territoryId: w.calvados.id,
      createdBy: w.coordinator.id,
      organisationId: w.delegateOrgId,
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
    w.campaignId = campaign.id
    ;[w.bayeux, w.caen, w.lisieux] = campaign.pointIds as [string, string, string]
  })

  const base = () => `/collectes/${w.campaignId}/gestion/repartition`
  async function propose() {
    const staff = await w.staff()
    const res = await staff.post(`${base()}/proposer`, {})
    assert.equal(res.headers.location, `${base()}?fait=proposee`)
    const [proposal] = (await proposalRows(t, w.campaignId)).filter((p) => p.status === 'draft')
    return { staff, proposal: proposal!, shown: page((await staff.get(res.headers.location as string)).body) }
  }
  /** Three requests of different priorities, 10 each, and stock for two of them. */
  async function threeRequests() {
    const general = await postRequest(t, w, w.neighbour, {
      quantity: '10',
      priority: 'general',
      pointId: w.caen,
      commune: 'Caen (14000)',
    })
    const vulnerable = await postRequest(t, w, w.elder, {
      quantity: '10',
      priority: 'vulnerable',
      pointId: w.bayeux,
    })
    const front = await postRequest(t, w, w.carer, {
      quantity: '10',
      priority: 'front-line',
      pointId: w.caen,
      commune: 'Lisieux (14100)',
    })
    await receive(t, w, w.bayeux, 8)
    await receive(t, w, w.caen, 12)
    await receive(t, w, w.lisieux, 50)
    return { general, vulnerable, front }
  }

  it('serves the front line first and respects stock and demand: the general public waits', async () => {
    const r = await threeRequests()
    const { proposal, shown } = await propose()
    assert.equal(proposal.solverStatus, 'Optimal')
    const rows = await allocationRows(t, w.campaignId)
    const served = (id: string) => rows.filter((a) => a.requestId === id).reduce((s, a) => s + a.quantity, 0)
    assert.deepEqual([served(r.front), served(r.vulnerable), served(r.general)], [10, 10, 0])
    assert.ok(rows.every((a) => a.pointId !== w.lisieux && a.status === 'proposed'))
    const main = shown.text('main')
    assert.match(main, /Calculée en \d+ ms\./)
    const byPriority = shown.document.querySelectorAll('table')[0]!.textContent
    assert.match(byPriority!, /Première ligne.*10.*Personnes vulnérables10Grand public0/)
    assert.equal(shown.document.querySelectorAll('h1').length, 1)
    assert.equal(shown.document.querySelectorAll('table.allocation-rows tbody tr').length, rows.length)
  })

  it('refuses adjustments beyond stock or demand in French and changes nothing, and takes one within', async () => {
    const r = await threeRequests()
    const { staff } = await propose()
    const rows = await allocationRows(t, w.campaignId)
    const row = rows.find((a) => a.requestId === r.vulnerable && a.pointId === w.bayeux)!
    const url = `${base()}/lignes/${row.id}`
    const overDemand = await staff.post(url, { quantity: '11', pointId: w.bayeux })
    assert.equal(overDemand.statusCode, 400)
    const left =
      10 -
      rows.filter((a) => a.requestId === r.vulnerable && a.id !== row.id).reduce((s, a) => s + a.quantity, 0)
    const texts = (res: { body: string }) =>
      page(res.body)
        .errorSummary()
        .map((e) => e.text)
    assert.ok(
      texts(overDemand).includes(`Cette demande n’attend plus que ${left} masques`),
      texts(overDemand).join(),
    )
    const overStock = await staff.post(url, { quantity: '9', pointId: w.bayeux })
    assert.equal(overStock.statusCode, 400)
    assert.ok(texts(overStock).includes('Il ne reste que 8 masques disponibles à Mairie de Bayeux'))
    for (const bad of ['0', '-1', '1.5', 'x'])
      assert.equal((await staff.post(url, { quantity: bad, pointId: w.bayeux })).statusCode, 400, bad)
    const notDistribution = await staff.post(url, { quantity: '1', pointId: w.lisieux })
    assert.deepEqual(page(notDistribution.body).errorSummary(), [
      { text: 'Choisissez un point de distribution de la collecte', href: '#pointId' },
    ])
    const [unchanged] = await t.db.db.select().from(supplyAllocations).where(eq(supplyAllocations.id, row.id))
    assert.deepEqual([unchanged!.quantity, unchanged!.pointId], [row.quantity, row.pointId])
    const fewer = await staff.post(url, { quantity: '3', pointId: w.bayeux })
    assert.equal(fewer.headers.location, `${base()}?fait=modifiee`)
    const removed = await staff.post(`${base()}/lignes/${row.id}/retirer`, {})
    assert.equal(removed.statusCode, 303)
    assert.equal(
      (await allocationRows(t, w.campaignId)).some((a) => a.id === row.id),
      false,
    )
  })

  it('applies once: one ledger entry per row, the reserved stock is their sum, and requesters hear where and when', async () => {
    const r = await threeRequests()
    const { staff, proposal } = await propose()
    const applied = await staff.post(`${base()}/${proposal.id}/appliquer`, { collectFrom: '2027-01-04' })
    assert.equal(applied.headers.location, `${base()}?fait=appliquee`)
    const rows = await allocationRows(t, w.campaignId)
    assert.ok(rows.every((a) => a.status === 'confirmed' && a.collectFrom === '2027-01-04'))
    const ledger = (await ledgerRows(t, w.campaignId)).filter((e) => e.movement === 'allocated')
    assert.deepEqual(ledger.map((e) => e.allocationId).sort(), rows.map((a) => a.id).sort())
    for (const point of [w.bayeux, w.caen]) {
      const sum = rows.filter((a) => a.pointId === point).reduce((s, a) => s + a.quantity, 0)
      assert.equal((await stockOf(t, w.campaignId, point)).reserved, sum)
    }
    assert.deepEqual(
      [
        (await requestRow(t, r.front)).status,
        (await requestRow(t, r.front)).allocated,
        (await requestRow(t, r.general)).status,
      ],
      ['allocated', 10, 'open'],
    )
    const mails = await outboxMails(t, w.carer.email)
    const mail = mails.find((m) => /CCAS de Caen|Mairie de Bayeux/.test(m.text))!
    assert.match(mail.text, /10 masques pour vous/)
    assert.match(
      mail.text,
      /(CCAS de Caen, 5 place Saint-Sauveur, du lundi au vendredi, 9 h – 12 h|Mairie de Bayeux, 19 rue Laitière, mardi et jeudi, 14 h – 18 h)/,
    )
    assert.match(mail.text, /à partir du lundi 4 janvier 2027/)
    const mine = page((await (await w.client(w.carer)).get('/mes-demandes-de-materiel')).body).text('main')
    assert.match(mine, /10 masques à retirer à .*, à partir du lundi 4 janvier 2027/)

    const again = await staff.post(`${base()}/${proposal.id}/appliquer`, { collectFrom: '' })
    assert.equal(again.statusCode, 400)
    assert.deepEqual(
      page(again.body)
        .errorSummary()
        .map((e) => e.text),
      ['Cette proposition a déjà été validée ou écartée.'],
    )
    assert.equal(
      (await ledgerRows(t, w.campaignId)).filter((e) => e.movement === 'allocated').length,
      ledger.length,
    )
  })

  it('applies one of two staff applying the same proposal at once', async () => {
    await threeRequests()
    const { proposal } = await propose()
    const [a, b] = [await w.staff(), await w.client(w.delegate)]
    const answers = await Promise.all(
      [a, b].map((c) => c.post(`${base()}/${proposal.id}/appliquer`, { collectFrom: '' })),
    )
    assert.deepEqual(answers.map((x) => x.statusCode).sort(), [303, 400])
    const rows = await allocationRows(t, w.campaignId)
    const ledger = (await ledgerRows(t, w.campaignId)).filter((e) => e.movement === 'allocated')
    assert.equal(ledger.length, rows.length)
    assert.equal(
      (await stockOf(t, w.campaignId, w.caen)).reserved + (await stockOf(t, w.campaignId, w.bayeux)).reserved,
      20,
    )
  })

  it('says the stock moved and writes nothing when it fell since the proposal', async () => {
    await threeRequests()
    const { staff, proposal } = await propose()
    const { recordMovement } = await import('./ledger.repository.ts')
    await recordMovement(t.db.db, {
      campaignId: w.campaignId,
      pointId: w.bayeux,
      movement: 'lost',
      quantity: 5,
      recordedBy: w.coordinator.id,
      at: t.clock.now(),
    })
    const res = await staff.post(`${base()}/${proposal.id}/appliquer`, { collectFrom: '' })
    assert.equal(res.statusCode, 400)
    assert.match(
      page(res.body).errorSummary()[0]!.text,
      /Le stock de Mairie de Bayeux a changé depuis la proposition : rien n’a été validé/,
    )
    assert.ok((await allocationRows(t, w.campaignId)).every((a) => a.status === 'proposed'))
    assert.equal((await ledgerRows(t, w.campaignId)).filter((e) => e.movement === 'allocated').length, 0)
    assert.equal((await proposalRows(t, w.campaignId))[0]!.status, 'draft')
  })

  it('refuses a past or malformed collection day', async () => {
    await threeRequests()
    const { staff, proposal } = await propose()
    for (const [day, text] of [
      ['2020-01-01', 'La date de retrait ne peut pas être passée'],
      ['31/02/2027', 'Indiquez une date, par exemple 15/12/2026'],
      ['<script>', 'Indiquez une date, par exemple 15/12/2026'],
    ]) {
      const res = await staff.post(`${base()}/${proposal.id}/appliquer`, { collectFrom: day! })
      assert.deepEqual(page(res.body).errorSummary(), [{ text: text!, href: '#collectFrom' }], day)
    }
    assert.equal((await proposalRows(t, w.campaignId))[0]!.status, 'draft')
  })

  it('hands out a confirmed allocation once, or cancels it once, moving the ledger', async () => {
    const r = await threeRequests()
    const { staff, proposal } = await propose()
    await staff.post(`${base()}/${proposal.id}/appliquer`, { collectFrom: '' })
    const [first, second] = (await allocationRows(t, w.campaignId)).filter(
      (a) => a.requestId === r.front || a.requestId === r.vulnerable,
    )
    const handout = `/collectes/${w.campaignId}/gestion/attributions/${first!.id}`
    const before = await stockOf(t, w.campaignId, first!.pointId)
    assert.equal((await staff.post(`${handout}/remise`, {})).statusCode, 303)
    assert.equal((await staff.post(`${handout}/remise`, {})).statusCode, 409)
    assert.equal((await staff.post(`${handout}/annuler`, {})).statusCode, 409)
    const after = await stockOf(t, w.campaignId, first!.pointId)
    assert.deepEqual(
      [after.onHand, after.reserved],
      [before.onHand - first!.quantity, before.reserved - first!.quantity],
    )
    assert.equal((await requestRow(t, first!.requestId)).collected, first!.quantity)
    const release = `/collectes/${w.campaignId}/gestion/attributions/${second!.id}/annuler`
    assert.equal((await staff.post(release, {})).statusCode, 303)
    assert.equal((await staff.post(release, {})).statusCode, 409)
    const movements = (await ledgerRows(t, w.campaignId))
      .filter((e) => e.allocationId === second!.id)
      .map((e) => e.movement)
    assert.deepEqual(movements.sort(), ['allocated', 'released'])
    const resident = await w.client(w.carer)
    assert.equal((await resident.post(`${handout}/remise`, {})).statusCode, 404)
  })
})
