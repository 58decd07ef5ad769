import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  HELPLINE,
  type HelplineWorld,
  helplineWorld,
  POINTS,
  pointForm,
} from '../../../test/helpers/helpline.ts'
import { page } from '../../../test/helpers/html.ts'
import { helpPoints } from './help-point.schema.ts'

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

/** A redirect on the site, or a 400 that says why (an error summary, or the « bad request » page). */
function assertAnswered(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  what: string,
) {
  assert.ok(res.statusCode === 303 || res.statusCode === 400, `${what}: ${res.statusCode}`)
  assertEscaped(res.body, what)
  if (res.statusCode === 303) assert.match(res.headers.location as string, /^\/administration\//, what)
  else {
    const p = page(res.body)
    assert.ok(
      p.errorSummary().length > 0 || /Demande incorrecte|caractère/.test(p.text('main')),
      `${what}: says why`,
    )
  }
}

describe('the phone line and help points with hostile text in every field and parameter', () => {
  let t: TestApp
  let w: HelplineWorld
  let admin: Client
  before(async () => {
    t = await buildTestApp()
    w = await helplineWorld(t)
    admin = await w.adminClient()
  })
  after(() => t.close())

  const publicPages = async (what: string) => {
    for (const url of ['/', '/besoin-d-aide', '/contact']) {
      const res = await w.visitor().get(url)
      assert.equal(res.statusCode, 200, `${what}: ${url}`)
      assertEscaped(res.body, `${what}: ${url}`)
    }
    // JSON carries the text as typed, as data: a client escapes it where it shows it.
    for (const url of ['/api/v1/territory', '/api/v1/territory/help-points']) {
      const res = await w.visitor().get(url)
      assert.equal(res.statusCode, 200, `${what}: ${url}`)
      assert.match(res.headers['content-type'] as string, /^application\/json/)
      res.json()
    }
  }

  it('answers the line’s form field by field: an error and nothing written, or stored as plain text', async () => {
    const form = { phone: '02 61 91 00 00', hoursFr: 'du lundi au vendredi', hoursEn: '' }
    for (const field of Object.keys(form)) {
      for (const text of HOSTILE) {
        const what = label(field, text)
        const before = await w.line()
        const res = await admin.post(HELPLINE, { ...form, [field]: text })
        assertAnswered(res, what)
        if (res.statusCode === 400) assert.deepEqual(await w.line(), before, `${what}: nothing written`)
        else if (field !== 'phone') await publicPages(what)
      }
    }
    // Only numbers are numbers: every hostile string in the phone field is refused but
    // « +33612345678 » and those that are blank once invisible marks are dropped, which clear it.
    const accepted = []
    for (const text of HOSTILE) {
      const res = await admin.post(HELPLINE, { phone: text, hoursFr: '', hoursEn: '' })
      if (res.statusCode === 303) accepted.push(text)
    }
    assert.deepEqual(accepted, ['', ' ', '\r\n', '\t', '\u200b', '\ufeff', '+33612345678'])
  })

  it('answers the help point’s form field by field, adding and editing', async () => {
    await admin.post(POINTS, pointForm)
    const [kept] = await w.points()
    const db = t.app.services.database.db
    for (const field of Object.keys(pointForm)) {
      for (const text of HOSTILE) {
        const what = label(field, text)
        const count = (await w.points()).length
        const res = await admin.post(POINTS, { ...pointForm, [field]: text })
        assertAnswered(res, `add ${what}`)
        if (res.statusCode === 400)
          assert.equal((await w.points()).length, count, `add ${what}: nothing written`)
        else {
          await publicPages(`add ${what}`)
          assertEscaped((await admin.get(POINTS)).body, `add ${what}: the list`)
          // Back to the one point, so the list never reaches its limit.
          for (const p of await w.points())
            if (p.id !== kept!.id) await db.delete(helpPoints).where(eq(helpPoints.id, p.id))
        }
        const before = await w.points()
        const edit = await admin.post(`${POINTS}/${kept!.id}`, { ...pointForm, [field]: text })
        assertAnswered(edit, `edit ${what}`)
        if (edit.statusCode === 400)
          assert.deepEqual(await w.points(), before, `edit ${what}: nothing written`)
        else assertEscaped((await admin.get(`${POINTS}/${kept!.id}`)).body, `edit ${what}: the form`)
      }
    }
  })

  it('answers hostile addresses and query parameters with a 4xx or the page, never echoing them', async () => {
    const before = await w.points()
    for (const text of HOSTILE) {
      const what = label('param', text)
      for (const url of [`${POINTS}/${inPath(text)}`]) {
        const res = await admin.get(url)
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what} ${url}: ${res.statusCode}`)
        assertEscaped(res.body, what)
      }
      for (const action of ['', '/monter', '/descendre', '/retirer']) {
        const res = await admin.post(`${POINTS}/${inPath(text)}${action}`, pointForm)
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what} ${action}: ${res.statusCode}`)
        assertEscaped(res.body, what)
      }
      for (const url of [`${POINTS}?fait=${inPath(text)}`, `${HELPLINE}?fait=${inPath(text)}`]) {
        const res = await admin.get(url)
        assert.ok(res.statusCode === 200 || res.statusCode === 400, `${what} ${url}: ${res.statusCode}`)
        assertEscaped(res.body, what)
        if (res.statusCode === 200)
          assert.doesNotMatch(page(res.body).text('main'), /enregistré|ajouté|retiré|effacée/)
      }
    }
    assert.deepEqual(await w.points(), before)
  })
})
