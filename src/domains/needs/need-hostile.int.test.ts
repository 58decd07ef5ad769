import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  dropPointRows,
  type NeedsWorld,
  needCount,
  needForm,
  needRow,
  needsWorld,
  pledgeRows,
  postNeed,
} from '../../../test/helpers/needs.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
const NEED_FIELDS = [
  'title',
  'description',
  'quantity',
  'unit',
  'categoryId',
  'deadline',
  'allowOverPledge',
  'drop1Name',
  'drop1Commune',
  'drop1Address',
  'drop1Hours',
  'drop2Name',
  'drop2Commune',
  'drop2Address',
  'drop2Hours',
]
/** An unpaired surrogate cannot travel in an address: the browser sends U+FFFD instead. */
const inPath = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'))
const label = (field: string, text: string) => `${field} = ${JSON.stringify(text.slice(0, 30))}`

/** What no answer may ever hold: markup from the input, alive. */
function assertEscaped(body: string, what: string) {
  assert.ok(!body.includes('<script>alert'), `${what}: escaped`)
  assert.ok(!body.includes('<img src=x'), `${what}: escaped`)
}

/**
 * Hostile text in one field at a time, the others right: a French error and nothing written, or the
 * text kept as plain text; never a 500, never markup, never another site.
 */
describe('needs and pledges with hostile text in every field', () => {
  let t: TestApp
  let w: NeedsWorld
  before(async () => {
    t = await buildTestApp()
    w = await needsWorld(t)
  })
  after(() => t.close())

  it('answers the need form field by field with an error and no row, or a need that shows the text as text', async () => {
    const client = await w.client(w.manager)
    for (const field of NEED_FIELDS) {
      for (const text of HOSTILE) {
        const what = label(field, text)
        const before = await needCount(t)
        const res = await client.post(
          `/organisations/${w.orgId}/besoins/nouveau`,
          needForm({ [field]: text }),
        )
        assert.ok(res.statusCode === 303 || res.statusCode === 400, `${what}: ${res.statusCode}`)
        assertEscaped(res.body, what)
        if (res.statusCode === 400) {
          assert.equal(await needCount(t), before, `${what}: nothing written`)
          const p = page(res.body)
          assert.ok(
            p.errorSummary().length > 0 || /Demande incorrecte|caractères/.test(p.text('main')),
            `${what}: says why`,
          )
          continue
        }
        const location = res.headers.location as string
        assert.match(location, /^\/besoins\/[0-9a-f-]+\?fait=/, what)
        const shown = await client.get(location)
        assert.equal(shown.statusCode, 200, what)
        assertEscaped(shown.body, what)
      }
    }
    // Quantities are numbers or nothing: every hostile string is refused.
    for (const text of HOSTILE) {
      const res = await client.post(`/organisations/${w.orgId}/besoins/nouveau`, needForm({ quantity: text }))
      assert.equal(res.statusCode, 400, label('quantity', text))
    }
  })

  it('refuses every hostile quantity, drop point, organisation and receipt of a pledge, in words', async () => {
    const id = await postNeed(w)
    const [point] = await dropPointRows(t, id)
    const client = await w.client(w.member)
    const form = { quantity: '2', dropPointId: point!.id, organisationId: '' }
    for (const field of ['quantity', 'dropPointId', 'organisationId']) {
      for (const text of HOSTILE) {
        const what = label(field, text)
        if (field === 'organisationId' && text === '') continue
        const res = await client.post(`/besoins/${id}/promesses`, { ...form, [field]: text })
        assert.equal(res.statusCode, 400, `${what}: ${res.statusCode}`)
        assertEscaped(res.body, what)
      }
    }
    assert.equal((await pledgeRows(t, id)).length, 0)
    assert.equal((await needRow(t, id))?.pledged, 0)
    const manager = await w.client(w.manager)
    for (const text of HOSTILE) {
      await client.post(`/besoins/${id}/promesses`, form)
      const live = (await pledgeRows(t, id)).find((p) => p.status === 'pledged')!
      const res = await manager.post(`/promesses/${live.id}/reception`, { received: text })
      const what = label('received', text)
      // Left empty, the whole pledge is received; anything else but a number is refused.
      assert.equal(res.statusCode, text.trim() === '' ? 303 : 400, `${what}: ${res.statusCode}`)
      assertEscaped(res.body, what)
    }
  })

  it('answers hostile addresses and notices with a 4xx or the page, never echoing them', async () => {
    const id = await postNeed(w)
    const client = await w.client(w.manager)
    for (const text of HOSTILE) {
      const what = label('id', text)
      for (const path of [`/besoins/${inPath(text)}`, `/besoins/${inPath(text)}/promesses`]) {
        const res = await client.get(path)
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what} ${path}: ${res.statusCode}`)
        assertEscaped(res.body, what)
      }
      const notice = await client.get(`/besoins/${id}?fait=${inPath(text)}`)
      assert.ok(notice.statusCode === 200 || notice.statusCode === 400, `${what}: ${notice.statusCode}`)
      assertEscaped(notice.body, what)
    }
  })
})
