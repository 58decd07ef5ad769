import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  allocationRows,
  type DemandWorld,
  demandWorld,
  postRequest,
  proposalRows,
  receive,
  requestForm,
  requestRow,
  requestRows,
} from '../../../test/helpers/demand.ts'
import { page } from '../../../test/helpers/html.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
/** An unpaired surrogate cannot travel in an address: the browser sends U+FFFD instead. */
const inPath = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'))
const label = (field: string, text: string) => `${field} = ${JSON.stringify(text.slice(0, 30))}`

function assertSafe(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  what: string,
) {
  assert.ok(res.statusCode < 500, `${what}: ${res.statusCode}`)
  assert.ok(!res.body.includes('<script>alert'), `${what}: escaped`)
  assert.ok(!res.body.includes('<img src=x'), `${what}: escaped`)
  const location = res.headers.location
  if (typeof location === 'string') assert.ok(location.startsWith('/'), `${what}: stays on the site`)
}

/**
 * Hostile text in one field or parameter at a time, the others right: a French error and nothing
 * written, or the text kept as plain text; never a 500, never markup, never another site.
 */
describe('requests and the allocation with hostile text in every field and parameter', () => {
  let t: TestApp
  let w: DemandWorld
  before(async () => {
    t = await buildTestApp()
    w = await demandWorld(t)
  })
  after(() => t.close())

  it('answers the request form with an error and no row, or a request holding the text as text', async () => {
    const client = await w.client(w.carer)
    for (const field of [
      'quantity',
      'requesterKind',
      'organisationId',
      'priority',
      'pointId',
      'commune',
      'note',
    ]) {
      for (const text of HOSTILE) {
        const known = (await requestRows(t, w.campaignId)).length
        const res = await client.post(
          `/collectes/${w.campaignId}/demander`,
          requestForm(w, { [field]: text }),
        )
        assertSafe(res, label(field, text))
        const rows = await requestRows(t, w.campaignId)
        if (res.statusCode === 400) {
          assert.equal(rows.length, known, label(field, text))
          // Controls are refused before any form reads them (« un caractère invisible »), the rest by the form.
          const shown = page(res.body)
          assert.ok(
            shown.errorSummary().length > 0 || /caractère/.test(shown.text('main')),
            label(field, text),
          )
        } else {
          assert.equal(res.statusCode, 303, label(field, text))
          assert.ok(field === 'note' || field === 'commune' || text === '', label(field, text))
        }
      }
    }
    const notes = (await requestRows(t, w.campaignId)).map((r) => r.note)
    assert.ok(!notes.some((note) => note.includes('\u0000') || note.includes('\u202e')), 'controls taken out')
    const mine = await client.get('/mes-demandes-de-materiel')
    assertSafe(mine, 'mine')
    assert.equal(mine.statusCode, 200)
  })

  it('answers staff forms and every parameter of the address with an error or a 404, changing nothing', async () => {
    const id = await postRequest(t, w, w.neighbour)
    await receive(t, w, w.bayeux, 20)
    const staff = await w.staff()
    const base = `/collectes/${w.campaignId}/gestion`
    await staff.post(`${base}/repartition/proposer`, {})
    const [proposal] = (await proposalRows(t, w.campaignId)).filter((p) => p.status === 'draft')
    const [row] = (await allocationRows(t, w.campaignId)).filter((a) => a.status === 'proposed')
    for (const text of HOSTILE) {
      const what = (f: string) => label(f, text)
      assertSafe(
        await staff.post(`${base}/demandes/${id}/priorite`, { priority: text, reason: 'ok' }),
        what('priority'),
      )
      const reason = await staff.post(`${base}/demandes/${id}/priorite`, {
        priority: 'vulnerable',
        reason: text,
      })
      assertSafe(reason, what('reason'))
      if (reason.statusCode === 303)
        await staff.post(`${base}/demandes/${id}/priorite`, { priority: 'general', reason: 'retour' })
      assertSafe(
        await staff.post(`${base}/demandes/${id}/refus`, { refuseReason: text.trim() === '' ? text : '' }),
        what('refuseReason'),
      )
      for (const field of ['quantity', 'pointId']) {
        const res = await staff.post(`${base}/repartition/lignes/${row!.id}`, {
          quantity: '1',
          pointId: w.bayeux,
          [field]: text,
        })
        assertSafe(res, what(field))
        if (res.statusCode !== 303) assert.equal(res.statusCode, 400, what(field))
      }
      const apply = await staff.post(`${base}/repartition/${proposal!.id}/appliquer`, {
        collectFrom: `${text}`,
      })
      assertSafe(apply, what('collectFrom'))
      assert.equal(apply.statusCode, text.trim() === '' ? 303 : 400, what('collectFrom'))
      if (apply.statusCode === 303) break
      const p = inPath(text)
      for (const url of [
        `/collectes/${p}/demander`,
        `${base}/demandes?statut=${p}&point=${p}&fait=${p}`,
        `/collectes/${p}/gestion/demandes`,
        `${base}/repartition?fait=${p}`,
        `/mes-demandes-de-materiel?fait=${p}`,
      ]) {
        const res = await staff.get(url)
        assertSafe(res, label(url, text))
        assert.ok([200, 400, 404].includes(res.statusCode), `${label(url, text)}: ${res.statusCode}`)
      }
      for (const url of [
        `${base}/attributions/${p}/remise`,
        `${base}/repartition/lignes/${p}/retirer`,
        `/mes-demandes-de-materiel/${p}/annuler`,
      ]) {
        const res = await staff.post(url, {})
        assertSafe(res, label(url, text))
        assert.ok([400, 404].includes(res.statusCode), `${label(url, text)}: ${res.statusCode}`)
      }
    }
    const after = await requestRow(t, id)
    assert.deepEqual([after.quantity, after.priority], [10, 'general'])
  })
})
