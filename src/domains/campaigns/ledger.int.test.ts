import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  batchRows,
  type CampaignWorld,
  campaignWorld,
  declareCapacity,
  ledgerRows,
  recordBatch,
  stockRows,
} from '../../../test/helpers/campaigns.ts'
import { page } from '../../../test/helpers/html.ts'

describe('the stock ledger: read newest first, totals equal the stock, losses and corrections only by new entries', () => {
  let t: TestApp
  let w: CampaignWorld
  let base: string
  before(async () => {
    t = await buildTestApp()
    w = await campaignWorld(t)
    base = `/collectes/${w.campaignId}/gestion/registre`
    await declareCapacity(w, w.maker)
    const staff = await w.staffClient()
    for (const [quantity, point] of [
      ['30', w.pointIds[0]],
      ['20', w.pointIds[1]],
    ] as const) {
      const id = await recordBatch(t, w, w.maker, { quantity, pointId: point })
      await staff.post(`/collectes/${w.campaignId}/gestion/lots/${id}/confirmer`, { received: '' })
    }
  })
  after(() => t.close())

  it('confirming the same batch twice at once writes one entry', async () => {
    const id = await recordBatch(t, w, w.maker, { quantity: '5', pointId: w.pointIds[0] })
    const [a, b] = await Promise.all([w.staffClient(), w.client(w.orgManager)])
    const url = `/collectes/${w.campaignId}/gestion/lots/${id}/confirmer`
    const answers = await Promise.all([a.post(url, { received: '' }), b.post(url, { received: '' })])
    assert.deepEqual(
      answers.map((r) => r.statusCode),
      [303, 303],
    )
    assert.deepEqual(answers.map((r) => (r.headers.location as string).split('fait=')[1]).sort(), [
      'confirme',
      'deja',
    ])
    assert.equal((await ledgerRows(t, w.campaignId)).filter((e) => e.batchId === id).length, 1)
    assert.equal((await batchRows(t, w.campaignId)).find((x) => x.id === id)?.receivedQuantity, 5)
  })

  it('lists every entry newest first with point, movement, who; filtered by point; totals equal the stock', async () => {
    const staff = await w.staffClient()
    const p = page((await staff.get(base)).body)
    assert.equal(p.h1(), 'Registre du stock : Masques pour les aidants')
    const rows = [...p.document.querySelectorAll('table.ledger tbody tr')].map((r) => r.textContent ?? '')
    assert.equal(rows.length, 3)
    assert.ok(
      rows[0]!.includes('+5') && rows[0]!.includes('Mairie de Bayeux') && rows[0]!.includes('Lot reçu'),
    )
    assert.ok(rows[2]!.includes('+30') && rows[2]!.includes('Corinne Coordinatrice'))
    const filtered = page((await staff.get(`${base}?point=${w.pointIds[1]}`)).body)
    const only = [...filtered.document.querySelectorAll('table.ledger tbody tr')].map(
      (r) => r.textContent ?? '',
    )
    assert.equal(only.length, 1)
    assert.ok(only[0]!.includes('Local de Caen'))
    const entries = await ledgerRows(t, w.campaignId)
    for (const s of await stockRows(t, w.campaignId)) {
      const sum = entries.filter((e) => e.pointId === s.pointId).reduce((n, e) => n + e.onHandDelta, 0)
      assert.equal(sum, s.onHand)
    }
    const totals = [...p.document.querySelectorAll('table')][0]!
    const bayeux = [...totals.querySelectorAll('tbody tr')].find((r) => r.textContent?.includes('Bayeux'))!
    assert.deepEqual(
      [...bayeux.querySelectorAll('td')].map((c) => c.textContent),
      ['35', '0', '35'],
    )
  })

  it('records a loss with a reason; beyond the stock it is told in French and nothing is written', async () => {
    const staff = await w.staffClient()
    const count = (await ledgerRows(t, w.campaignId)).length
    const noReason = await staff.post(`${base}/perte`, {
      lossPointId: w.pointIds[1],
      lossQuantity: '2',
      lossReason: '',
    })
    assert.equal(noReason.statusCode, 400)
    assert.deepEqual(page(noReason.body).errorSummary(), [{ text: 'Indiquez le motif', href: '#lossReason' }])
    const tooMuch = await staff.post(`${base}/perte`, {
      lossPointId: w.pointIds[1],
      lossQuantity: '21',
      lossReason: 'Carton mouillé',
    })
    assert.equal(tooMuch.statusCode, 400)
    assert.deepEqual(page(tooMuch.body).errorSummary(), [
      {
        text: 'Le stock de ce point ne peut pas devenir négatif : rien n’a été inscrit',
        href: '#lossQuantity',
      },
    ])
    assert.equal((await ledgerRows(t, w.campaignId)).length, count)
    const ok = await staff.post(`${base}/perte`, {
      lossPointId: w.pointIds[1],
      lossQuantity: '3',
      lossReason: 'Carton mouillé',
    })
    assert.equal(ok.statusCode, 303)
    const stock = await stockRows(t, w.campaignId)
    assert.equal(stock.find((s) => s.pointId === w.pointIds[1])?.onHand, 17)
  })

  it('records a correction naming the entry it corrects, signed, at that entry’s point', async () => {
    const staff = await w.staffClient()
    const first = (await ledgerRows(t, w.campaignId)).find((e) => e.onHandDelta === 30)!
    const noEntry = await staff.post(`${base}/correction`, {
      correctsId: '999999',
      correctionQuantity: '-2',
      correctionReason: 'erreur',
    })
    assert.deepEqual(page(noEntry.body).errorSummary(), [
      { text: 'Indiquez le numéro d’une entrée de ce registre', href: '#correctsId' },
    ])
    const zero = await staff.post(`${base}/correction`, {
      correctsId: String(first.id),
      correctionQuantity: '0',
      correctionReason: 'erreur',
    })
    assert.deepEqual(page(zero.body).errorSummary(), [
      { text: 'Une correction ajoute ou retire au moins 1', href: '#correctionQuantity' },
    ])
    const below = await staff.post(`${base}/correction`, {
      correctsId: String(first.id),
      correctionQuantity: '-36',
      correctionReason: 'compté deux fois',
    })
    assert.equal(page(below.body).errorSummary()[0]?.href, '#correctionQuantity')
    const ok = await staff.post(`${base}/correction`, {
      correctsId: String(first.id),
      correctionQuantity: '−2',
      correctionReason: 'Deux masques comptés deux fois',
    })
    assert.equal(ok.statusCode, 303)
    const correction = (await ledgerRows(t, w.campaignId)).find((e) => e.movement === 'correction')!
    assert.deepEqual(
      [correction.onHandDelta, correction.correctsId, correction.pointId],
      [-2, first.id, first.pointId],
    )
    const p = page((await staff.get(base)).body)
    assert.ok(p.text().includes(`corrige le n° ${first.id}`))
  })

  it('exports the ledger as CSV with its cells neutralised; there is no edit nor delete path', async () => {
    const staff = await w.staffClient()
    await staff.post(`${base}/perte`, {
      lossPointId: w.pointIds[0],
      lossQuantity: '1',
      lossReason: '=HYPERLINK("x")',
    })
    const res = await staff.get(`${base}.csv`)
    assert.equal(res.statusCode, 200)
    assert.match(res.headers['content-type'] as string, /^text\/csv/)
    assert.match(
      res.headers['content-disposition'] as string,
      /^attachment; filename="registre-Masques_pour_les_aidants.csv"/,
    )
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    assert.equal(lines[0], 'N°;Date;Point;Mouvement;En stock;Réservé;Corrige;Par;Motif')
    assert.equal(lines.length, 1 + (await ledgerRows(t, w.campaignId)).length)
    assert.ok(lines[1]!.endsWith(`'=HYPERLINK(""x"")"`) || lines[1]!.includes(`"'=HYPERLINK(""x"")"`))
    const entry = (await ledgerRows(t, w.campaignId))[0]!
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const r = await staff.request({ method, url: `${base}/${entry.id}`, payload: {} })
      assert.equal(r.statusCode, 404, method)
    }
    assert.equal((await (await w.client(w.orgMember)).get(`${base}.csv`)).statusCode, 404)
  })
})
