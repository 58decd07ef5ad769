import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  batchRows,
  type CampaignWorld,
  campaignWorld,
  declareCapacity,
  ledgerRows,
  makerRows,
  recordBatch,
  stockRows,
} from '../../../test/helpers/campaigns.ts'
import { page } from '../../../test/helpers/html.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'

describe('makers: capacity, batches handed over, and their confirmation on receipt', () => {
  let t: TestApp
  let w: CampaignWorld
  const today = () => t.clock.now().toISOString().slice(0, 10)
  before(async () => {
    t = await buildTestApp()
    w = await campaignWorld(t)
  })
  after(() => t.close())

  it('declares a weekly capacity and stock, then updates them, in one’s name or a workshop’s one manages', async () => {
    const maker = await w.client(w.maker)
    const form = page((await maker.get(`/collectes/${w.campaignId}/fabriquer`)).body)
    assert.equal(form.h1(), 'Je fabrique : Masques pour les aidants')
    assert.ok(form.field('Combien pouvez-vous en fabriquer par semaine ?'))
    await declareCapacity(w, w.maker, { capacity: '50', stock: '5' })
    await declareCapacity(w, w.maker, { capacity: '1 200', stock: '0' })
    await declareCapacity(w, w.maker2, { capacity: '300', stock: '20', organisationId: w.workshopId })
    const rows = await makerRows(t, w.campaignId)
    assert.equal(rows.length, 2)
    const mine = rows.find((r) => r.accountId === w.maker.id)!
    assert.deepEqual(
      [mine.weeklyCapacity, mine.stockHeld, mine.kind, mine.communeInsee],
      [1200, 0, 'person', '14047'],
    )
    const workshop = rows.find((r) => r.organisationId === w.workshopId)!
    assert.equal(workshop.kind, 'workshop')
    const other = await (await w.client(w.maker)).post(`/collectes/${w.campaignId}/fabriquer`, {
      capacity: '5',
      stock: '0',
      organisationId: w.orgId,
    })
    assert.equal(other.statusCode, 400)
    assert.ok(
      page(other.body)
        .errorSummary()
        .some((e) => e.text.startsWith('Choisissez une association ou un atelier')),
    )
    const unverified = await w.client(w.unverified)
    const res = await unverified.post(`/collectes/${w.campaignId}/fabriquer`, { capacity: '5', stock: '0' })
    assert.equal(res.statusCode, 403)
    assert.equal((await makerRows(t, w.campaignId)).length, 2)
  })

  it('refuses 0, -1, 1.5, 1e6 and a million as quantities, in French, writing nothing', async () => {
    const maker = await w.client(w.maker)
    const before = await makerRows(t, w.campaignId)
    const batches = (await batchRows(t, w.campaignId)).length
    for (const [value, message] of [
      ['0', 'La quantité doit être d’au moins 1'],
      ['-1', 'La quantité doit être d’au moins 1'],
      ['1.5', 'Indiquez un nombre entier, sans virgule'],
      ['1e6', 'Indiquez la quantité en chiffres'],
      ['1000000', 'La quantité ne peut pas dépasser 999 999'],
      ['', 'Indiquez une quantité'],
    ] as const) {
      const cap = await maker.post(`/collectes/${w.campaignId}/fabriquer`, { capacity: value, stock: '0' })
      assert.equal(cap.statusCode, 400, value)
      assert.deepEqual(page(cap.body).errorSummary(), [{ text: message, href: '#capacity' }])
      const batch = await maker.post(`/collectes/${w.campaignId}/lots`, {
        quantity: value,
        pointId: w.pointIds[0],
        handedOn: today(),
      })
      assert.equal(batch.statusCode, 400, value)
      assert.deepEqual(page(batch.body).errorSummary(), [{ text: message, href: '#quantity' }])
    }
    assert.deepEqual(await makerRows(t, w.campaignId), before)
    assert.equal((await batchRows(t, w.campaignId)).length, batches)
  })

  it('takes batches at collection points only, dated today or before', async () => {
    const maker = await w.client(w.maker)
    const form = page((await maker.get(`/collectes/${w.campaignId}/fabriquer`)).body)
    const options = form.all('#pointId option')
    assert.ok(options.some((o) => o.startsWith('Mairie de Bayeux')))
    assert.ok(options.some((o) => o.startsWith('Local de Caen')))
    assert.ok(!options.some((o) => o.startsWith('Pharmacie de Lisieux')))
    const distribution = await maker.post(`/collectes/${w.campaignId}/lots`, {
      quantity: '10',
      pointId: w.pointIds[2],
      handedOn: today(),
    })
    assert.equal(distribution.statusCode, 400)
    assert.equal(
      page(distribution.body).errorSummary()[0]?.text,
      'Choisissez un point de collecte de la liste',
    )
    const future = await maker.post(`/collectes/${w.campaignId}/lots`, {
      quantity: '10',
      pointId: w.pointIds[1],
      handedOn: '2999-01-01',
    })
    assert.equal(
      page(future.body).errorSummary()[0]?.text,
      'Le dépôt ne peut pas être daté de demain ou après',
    )
    const nobody = await (await w.client(w.resident)).post(`/collectes/${w.campaignId}/lots`, {
      quantity: '10',
      pointId: w.pointIds[1],
      handedOn: today(),
    })
    assert.equal(page(nobody.body).errorSummary()[0]?.text, 'Déclarez d’abord votre capacité')
    assert.equal((await batchRows(t, w.campaignId)).length, 0)
  })

  it('shows a maker his own batches only: another’s batch, or speaking for another’s participation, is 404', async () => {
    const mine = await recordBatch(t, w, w.maker, { quantity: '40' })
    const workshopMaker = (await makerRows(t, w.campaignId)).find((m) => m.organisationId === w.workshopId)!
    const theirs = await recordBatch(t, w, w.maker2, {
      quantity: '100',
      makerId: workshopMaker.id,
      pointId: w.pointIds[1],
    })
    const maker = await w.client(w.maker)
    const list = page((await maker.get('/mes-collectes')).body)
    assert.equal(list.h1(), 'Mes collectes')
    assert.ok(list.text().includes('40 masques'))
    assert.ok(!list.text().includes('100 masques'))
    assert.ok(list.text().includes('En attente de confirmation'))
    assert.equal((await maker.get(`/collectes/${w.campaignId}/lots/${mine}`)).statusCode, 200)
    assert.equal((await maker.get(`/collectes/${w.campaignId}/lots/${theirs}`)).statusCode, 404)
    const spoof = await maker.post(`/collectes/${w.campaignId}/lots`, {
      makerId: workshopMaker.id,
      quantity: '5',
      pointId: w.pointIds[0],
      handedOn: today(),
    })
    assert.equal(spoof.statusCode, 404)
    // Neither can a maker confirm a batch: that is for those who run the campaign.
    const confirm = await maker.post(`/collectes/${w.campaignId}/gestion/lots/${mine}/confirmer`, {
      received: '',
    })
    assert.equal(confirm.statusCode, 404)
    assert.equal((await batchRows(t, w.campaignId)).length, 2)
    assert.equal((await ledgerRows(t, w.campaignId)).length, 0)
    const account = page((await maker.get('/compte')).body)
    assert.equal(account.link('Mes collectes (ce que je fabrique)'), '/mes-collectes')
  })

  it('confirms a batch for fewer than declared into the point’s stock, once; the maker is told', async () => {
    const batch = (await batchRows(t, w.campaignId)).find((b) => b.quantity === 40)!
    const staff = await w.staffClient()
    const overview = page((await staff.get(`/collectes/${w.campaignId}/gestion`)).body)
    assert.ok(overview.text().includes('Lot de Mathilde Couturière : 40 masques'))
    const tooMany = await staff.post(`/collectes/${w.campaignId}/gestion/lots/${batch.id}/confirmer`, {
      received: '41',
    })
    assert.equal(tooMany.statusCode, 400)
    assert.deepEqual(page(tooMany.body).errorSummary(), [
      { text: 'La quantité ne peut pas dépasser 40', href: `#received-${batch.id}` },
    ])
    const url = `/collectes/${w.campaignId}/gestion/lots/${batch.id}/confirmer`
    const first = await staff.post(url, { received: '38' })
    assert.equal(first.headers.location, `/collectes/${w.campaignId}/gestion?fait=confirme`)
    const second = await staff.post(url, { received: '38' })
    assert.equal(second.headers.location, `/collectes/${w.campaignId}/gestion?fait=deja`)
    const refused = await staff.post(`/collectes/${w.campaignId}/gestion/lots/${batch.id}/refuser`, {
      reason: 'abîmé',
    })
    assert.equal(refused.headers.location, `/collectes/${w.campaignId}/gestion?fait=deja`)
    const again = page((await staff.get(second.headers.location as string)).body)
    assert.ok(again.text().includes('Ce lot avait déjà été traité : rien n’a changé.'))
    const entries = await ledgerRows(t, w.campaignId)
    assert.equal(entries.length, 1)
    assert.deepEqual(
      [entries[0]!.movement, entries[0]!.onHandDelta, entries[0]!.batchId],
      ['received', 38, batch.id],
    )
    const stock = await stockRows(t, w.campaignId)
    assert.equal(stock.find((s) => s.pointId === w.pointIds[0])?.onHand, 38)
    const mails = await outboxMails(t, w.maker.email)
    assert.ok(mails.some((m) => m.subject === 'Votre lot pour « Masques pour les aidants » est reçu'))
    assert.ok(mails.some((m) => m.text.includes('38 masques ont été comptés')))
    const audits = await t.db.db.select().from(auditLog)
    assert.ok(audits.some((a) => a.action === 'campaign.batch-confirmed' && a.targetId === batch.id))
    const list = page((await (await w.client(w.maker)).get('/mes-collectes')).body)
    assert.ok(list.text().includes('Reçu : 38 masques'))
  })

  it('refuses a batch with a reason (required); the delegated manager may, a member may not', async () => {
    const batch = (await batchRows(t, w.campaignId)).find((b) => b.quantity === 100)!
    const url = `/collectes/${w.campaignId}/gestion/lots/${batch.id}/refuser`
    const member = await w.client(w.orgMember)
    assert.equal((await member.post(url, { reason: 'non conforme' })).statusCode, 404)
    const manager = await w.client(w.orgManager)
    const blank = await manager.post(url, { reason: '  ' })
    assert.equal(blank.statusCode, 400)
    assert.deepEqual(page(blank.body).errorSummary(), [
      { text: 'Indiquez le motif', href: `#reason-${batch.id}` },
    ])
    assert.equal((await manager.post(url, { reason: 'Tissu non conforme' })).statusCode, 303)
    const row = (await batchRows(t, w.campaignId)).find((b) => b.id === batch.id)!
    assert.deepEqual(
      [row.status, row.refusalReason, row.decidedBy],
      ['refused', 'Tissu non conforme', w.orgManager.id],
    )
    assert.equal((await ledgerRows(t, w.campaignId)).length, 1)
    const mails = await outboxMails(t, w.maker2.email)
    assert.ok(mails.some((m) => m.text.includes('Motif : Tissu non conforme')))
  })

  it('shows the public progress per commune without a name or an address of anyone', async () => {
    const res = await (await w.client(null)).get(`/collectes/${w.campaignId}/avancement`)
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.h1(), 'Avancement : Masques pour les aidants')
    assert.ok(p.all('caption').length >= 2)
    const bayeux = [...p.document.querySelectorAll('tbody tr')].find((r) => r.textContent?.includes('Bayeux'))
    assert.ok(bayeux?.textContent?.includes('38'))
    for (const who of [w.maker, w.maker2, w.staff, w.orgManager]) {
      assert.ok(!res.body.includes(who.displayName), who.displayName)
      assert.ok(!res.body.includes(who.email), who.email)
    }
    assert.ok(!res.body.includes('Atelier couture de Caen'))
  })
})
