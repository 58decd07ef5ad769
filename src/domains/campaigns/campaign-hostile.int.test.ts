import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  allCampaigns,
  batchRows,
  type CampaignWorld,
  campaignWorld,
  declareCapacity,
  ledgerRows,
  makerRows,
  pointRows,
  recordBatch,
} from '../../../test/helpers/campaigns.ts'
import { page } from '../../../test/helpers/html.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
/** An unpaired surrogate cannot travel in an address: the browser sends U+FFFD instead. */
const inPath = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'))
const label = (field: string, text: string) => `${field} = ${JSON.stringify(text.slice(0, 30))}`

function assertEscaped(body: string, what: string) {
  assert.ok(!body.includes('<script>alert'), `${what}: escaped`)
  assert.ok(!body.includes('<img src=x'), `${what}: escaped`)
}

/** A 400 that says why (an error summary, or the generic « bad request » page), or a redirect home. */
function assertAnswered(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  what: string,
) {
  assert.ok(res.statusCode === 303 || res.statusCode === 400, `${what}: ${res.statusCode}`)
  assertEscaped(res.body, what)
  if (res.statusCode === 303)
    assert.match(res.headers.location as string, /^\/[^/]/, `${what}: stays on the site`)
  else {
    const p = page(res.body)
    assert.ok(
      p.errorSummary().length > 0 || /Demande incorrecte|caractères/.test(p.text('main')),
      `${what}: says why`,
    )
  }
}

const campaignForm = {
  item: 'masks',
  title: 'Masques',
  specification: 'Deux couches.',
  target: '100',
  unit: 'masques',
  startsOn: '2026-04-01',
  endsOn: '2026-04-30',
  organisationId: '',
  status: 'draft',
}
const pointForm = { name: 'Salle', role: 'both', commune: 'Bayeux', address: '1 rue', hours: 'le lundi' }

describe('campaigns with hostile text in every field and parameter', () => {
  let t: TestApp
  let w: CampaignWorld
  before(async () => {
    t = await buildTestApp()
    w = await campaignWorld(t)
  })
  after(() => t.close())

  it('answers the campaign and point forms field by field: an error and nothing written, or plain text', async () => {
    const staff = await w.staffClient()
    for (const field of Object.keys(campaignForm)) {
      for (const text of HOSTILE) {
        const what = label(field, text)
        const count = (await allCampaigns(t)).length
        const res = await staff.post('/administration/collectes/nouvelle', { ...campaignForm, [field]: text })
        assertAnswered(res, what)
        if (res.statusCode === 400)
          assert.equal((await allCampaigns(t)).length, count, `${what}: nothing written`)
      }
    }
    for (const text of HOSTILE) {
      const res = await staff.post('/administration/collectes/nouvelle', { ...campaignForm, target: text })
      assert.equal(res.statusCode, 400, label('target', text))
    }
    const points = `/collectes/${w.campaignId}/gestion/points`
    for (const field of Object.keys(pointForm)) {
      for (const text of HOSTILE) {
        const what = label(field, text)
        const count = (await pointRows(t, w.campaignId)).length
        const res = await staff.post(points, { ...pointForm, [field]: text })
        assertAnswered(res, what)
        if (res.statusCode === 400) assert.equal((await pointRows(t, w.campaignId)).length, count, what)
      }
    }
    const shown = await staff.get(points)
    assert.equal(shown.statusCode, 200)
    assertEscaped(shown.body, 'points')
  })

  it('refuses every hostile capacity, stock and batch field with words, writing nothing', async () => {
    await declareCapacity(w, w.maker)
    const maker = await w.client(w.maker)
    const makers = await makerRows(t, w.campaignId)
    for (const field of ['capacity', 'stock', 'organisationId']) {
      for (const text of HOSTILE) {
        if (text.trim() === '' && field !== 'capacity') continue
        const res = await maker.post(`/collectes/${w.campaignId}/fabriquer`, {
          capacity: '5',
          stock: '1',
          [field]: text,
        })
        assert.equal(res.statusCode, 400, `${label(field, text)}: ${res.statusCode}`)
        assertEscaped(res.body, label(field, text))
      }
    }
    assert.deepEqual(await makerRows(t, w.campaignId), makers)
    const batch = { quantity: '5', pointId: w.pointIds[0], handedOn: '2026-01-01' }
    for (const field of ['quantity', 'pointId', 'handedOn', 'makerId']) {
      for (const text of HOSTILE) {
        if (text.trim() === '' && field === 'makerId') continue
        const res = await maker.post(`/collectes/${w.campaignId}/lots`, { ...batch, [field]: text })
        assert.ok([400, 404].includes(res.statusCode), `${label(field, text)}: ${res.statusCode}`)
        assertEscaped(res.body, label(field, text))
      }
    }
    assert.equal((await batchRows(t, w.campaignId)).length, 0)
  })

  it('refuses every hostile receipt, refusal, loss and correction, writing nothing to the ledger', async () => {
    const staff = await w.staffClient()
    const batchId = await recordBatch(t, w, w.maker, { quantity: '10' })
    const manage = `/collectes/${w.campaignId}/gestion`
    // Blank ones last: a blank quantity confirms the whole batch, after which nothing is decided again.
    const blankLast = [...HOSTILE].sort((a, b) => Number(a.trim() === '') - Number(b.trim() === ''))
    for (const text of blankLast) {
      const what = label('received', text)
      const res = await staff.post(`${manage}/lots/${batchId}/confirmer`, { received: text })
      if (text.trim() === '') continue
      assert.equal(res.statusCode, 400, `${what}: ${res.statusCode}`)
      assertEscaped(res.body, what)
    }
    // A blank one confirms all of it: the only hostile string that writes, once.
    assert.ok((await ledgerRows(t, w.campaignId)).length <= 1)
    const second = await recordBatch(t, w, w.maker, { quantity: '3' })
    for (const text of HOSTILE) {
      if (text.trim() === '') continue
      const res = await staff.post(`${manage}/lots/${second}/refuser`, { reason: text })
      assertAnswered(res, label('reason', text))
      if (res.statusCode === 303) break
    }
    const entries = (await ledgerRows(t, w.campaignId)).length
    const loss = { lossPointId: w.pointIds[0], lossQuantity: '1', lossReason: 'perdu' }
    const correction = { correctsId: '1', correctionQuantity: '1', correctionReason: 'erreur' }
    for (const [path, form] of [
      ['perte', loss],
      ['correction', correction],
    ] as const) {
      for (const field of Object.keys(form)) {
        if (field.endsWith('Reason')) continue
        for (const text of HOSTILE) {
          const res = await staff.post(`${manage}/registre/${path}`, { ...form, [field]: text })
          const what = label(field, text)
          // A few hostile strings are right here (« -1 » is a correction): written once, as typed.
          assert.ok([303, 400].includes(res.statusCode), `${what}: ${res.statusCode}`)
          assertEscaped(res.body, what)
          if (res.statusCode === 303) break
        }
      }
    }
    assert.ok((await ledgerRows(t, w.campaignId)).length <= entries + 4)
    const ledger = await staff.get(`${manage}/registre`)
    assertEscaped(ledger.body, 'ledger')
  })

  it('answers hostile addresses and query parameters with a 4xx or the page, never echoing them', async () => {
    const staff = await w.staffClient()
    const visitor = await w.client(null)
    for (const text of HOSTILE) {
      const what = label('param', text)
      for (const [client, path] of [
        [visitor, `/collectes/${inPath(text)}`],
        [visitor, `/collectes/${inPath(text)}/avancement`],
        [visitor, `/collectes/${inPath(text)}/cahier-des-charges`],
        [staff, `/collectes/${inPath(text)}/gestion`],
        [staff, `/collectes/${w.campaignId}/gestion/points/${inPath(text)}`],
        [staff, `/collectes/${w.campaignId}/lots/${inPath(text)}`],
      ] as const) {
        const res = await client.get(path)
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what} ${path}: ${res.statusCode}`)
        assertEscaped(res.body, what)
      }
      for (const query of [`point=${inPath(text)}`, `avant=${inPath(text)}`, `fait=${inPath(text)}`]) {
        const res = await staff.get(`/collectes/${w.campaignId}/gestion/registre?${query}`)
        assert.ok(res.statusCode === 200 || res.statusCode === 400, `${what} ${query}: ${res.statusCode}`)
        assertEscaped(res.body, what)
      }
      const api = await t.app.inject({
        method: 'GET',
        url: `/api/v1/campaigns/${inPath(text)}/progress`,
        headers: { host: w.host },
      })
      assert.ok(api.statusCode >= 400 && api.statusCode < 500, `${what} api: ${api.statusCode}`)
    }
  })
})
