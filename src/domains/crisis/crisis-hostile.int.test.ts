import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  type CrisisWorld,
  calloutsOf,
  crisisWorld,
  optOutsOf,
  periodsOf,
} from '../../../test/helpers/crisis.ts'
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
/** A refusal says why in French: an error summary, or the page for a request the app cannot read. */
function assertSaysWhy(body: string, what: string) {
  const p = page(body)
  assert.ok(
    p.errorSummary().length > 0 || /Demande incorrecte|caractères|problème/.test(p.text('main')),
    `${what}: says why`,
  )
}

/**
 * Hostile text in every field and parameter of crisis mode, one at a time: a French error and
 * nothing written, or the text kept and shown as text; never a 500, never markup.
 */
describe('crisis mode and mass calls with hostile text in every field', () => {
  let t: TestApp
  let w: CrisisWorld
  before(async () => {
    t = await buildTestApp()
    w = await crisisWorld(t)
    await makeAccount(t, w.calvados, { interests: ['phone-contact'] })
  })
  after(() => t.close())

  it('switches on only for a known kind and a reason, and shows any reason as text', async () => {
    const admin = await w.staff(w.admin)
    for (const text of HOSTILE) {
      const kind = await admin.post('/administration/crise/activer', { kind: text, reason: 'Alerte' })
      assert.equal(kind.statusCode, 400, label('kind', text))
      assertEscaped(kind.body, label('kind', text))
      assert.equal((await periodsOf(t, w.calvados.id)).length, 0, label('kind', text))
    }
    let periods = 0
    for (const field of ['reason', 'campagne', 'appel']) {
      for (const text of HOSTILE) {
        const what = label(field, text)
        const res = await admin.post('/administration/crise/activer', {
          kind: 'canicule',
          reason: 'Alerte canicule',
          [field]: text,
        })
        assert.ok(res.statusCode === 303 || res.statusCode === 400, `${what}: ${res.statusCode}`)
        assertEscaped(res.body, what)
        if (res.statusCode === 400) {
          assertSaysWhy(res.body, what)
          assert.equal((await periodsOf(t, w.calvados.id)).length, periods, `${what}: nothing written`)
          continue
        }
        periods += 1
        assertEscaped((await admin.get('/administration/crise')).body, what)
        assertEscaped((await w.visitor().get('/')).body, what)
        const end = await admin.post('/administration/crise/desactiver', { endReason: text })
        assert.ok(end.statusCode === 303 || end.statusCode === 400, `end ${what}: ${end.statusCode}`)
        if (end.statusCode === 400) {
          assertSaysWhy(end.body, `end ${what}`)
          assert.equal((await periodsOf(t, w.calvados.id)).filter((p) => !p.endedAt).length, 1)
          await admin.post('/administration/crise/desactiver', { endReason: 'Fin' })
        }
        assertEscaped((await admin.get('/administration/crise')).body, what)
      }
    }
  })

  it('refuses a template text in words or keeps it as text, and answers hostile kinds and notices with a 4xx or the page', async () => {
    const admin = await w.staff(w.admin)
    const form = { categories: ['phone-contact'], homeMessage: 'Message', guidance: 'Consignes' }
    for (const field of ['categories', 'homeMessage', 'guidance']) {
      for (const text of HOSTILE) {
        const what = label(field, text)
        const res = await admin.post('/administration/crise/modeles/tempete', { ...form, [field]: text })
        assert.ok(res.statusCode === 303 || res.statusCode === 400, `${what}: ${res.statusCode}`)
        assertEscaped(res.body, what)
        if (res.statusCode === 400) assertSaysWhy(res.body, what)
        assertEscaped((await admin.get('/administration/crise/modeles/tempete')).body, what)
      }
    }
    for (const text of HOSTILE) {
      const what = label('kind', text)
      const res = await admin.get(`/administration/crise/modeles/${inPath(text)}`)
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what}: ${res.statusCode}`)
      assertEscaped(res.body, what)
      const notice = await admin.get(`/administration/crise?fait=${inPath(text)}`)
      assert.ok(notice.statusCode === 200 || notice.statusCode === 400, `${what}: ${notice.statusCode}`)
      assertEscaped(notice.body, what)
    }
  })

  it('answers every field of a mass call with an error and no draft, or a draft that shows the text as text', async () => {
    const coordinator = await w.staff(w.coordinator)
    const form = {
      subject: 'Appel',
      body: 'Nous cherchons des bénévoles.',
      categories: [w.bySlug('phone-contact').id],
      communes: '',
    }
    for (const field of ['subject', 'body', 'categories', 'communes']) {
      for (const text of HOSTILE) {
        const what = label(field, text)
        const before = (await calloutsOf(t, w.calvados.id)).length
        const res = await coordinator.post('/administration/crise/appels', { ...form, [field]: text })
        assert.ok(res.statusCode === 303 || res.statusCode === 400, `${what}: ${res.statusCode}`)
        assertEscaped(res.body, what)
        if (res.statusCode === 400) {
          assertSaysWhy(res.body, what)
          assert.equal((await calloutsOf(t, w.calvados.id)).length, before, `${what}: nothing written`)
          continue
        }
        const shown = await coordinator.get(res.headers.location!)
        assert.equal(shown.statusCode, 200, what)
        assertEscaped(shown.body, what)
      }
    }
  })

  it('sends nothing without the confirmation, and answers hostile addresses and tokens with a 4xx', async () => {
    const coordinator = await w.staff(w.coordinator)
    const drafted = await coordinator.post('/administration/crise/appels', {
      subject: 'Appel',
      body: 'Nous cherchons des bénévoles.',
      communes: '',
    })
    const path = drafted.headers.location!.split('?')[0]!
    const id = path.split('/').pop()!
    for (const text of HOSTILE) {
      const what = label('confirmer', text)
      const res = await coordinator.post(`${path}/envoyer`, { confirmer: text })
      assert.equal(res.statusCode, 400, `${what}: ${res.statusCode}`)
      assertEscaped(res.body, what)
      assert.equal((await calloutsOf(t, w.calvados.id)).find((c) => c.id === id)!.status, 'draft', what)
    }
    const visitor = w.visitor()
    for (const text of HOSTILE) {
      const what = label('id', text)
      for (const url of [`/administration/crise/appels/${inPath(text)}`]) {
        const res = await coordinator.get(url)
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what}: ${res.statusCode}`)
        assertEscaped(res.body, what)
      }
      const sent = await coordinator.post(`/administration/crise/appels/${inPath(text)}/envoyer`, {
        confirmer: 'oui',
      })
      assert.ok(sent.statusCode >= 400 && sent.statusCode < 500, `${what}: ${sent.statusCode}`)
      const token = `/appels-benevoles/desabonnement?jeton=${inPath(text)}`
      const shown = await visitor.get(token)
      assert.ok(shown.statusCode >= 400 && shown.statusCode < 500, `jeton ${what}: ${shown.statusCode}`)
      assertEscaped(shown.body, what)
      const posted = await visitor.request({
        method: 'POST',
        url: token,
        payload: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        withoutCsrf: true,
      })
      assert.ok(posted.statusCode >= 400 && posted.statusCode < 500, `jeton ${what}: ${posted.statusCode}`)
    }
    assert.equal((await optOutsOf(t, w.calvados.id)).length, 0)
  })
})
