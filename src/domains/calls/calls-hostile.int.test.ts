import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  type CallsWorld,
  callerCount,
  callerForm,
  callsWorld,
  logRows,
  pairingRows,
  peopleCount,
  registerForm,
  registrationCount,
} from '../../../test/helpers/calls.ts'
import { page } from '../../../test/helpers/html.ts'
import { callCampaigns } from './calls.schema.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
const REGISTER_FIELDS = Object.keys(registerForm()).concat('mayorRegister')
/** An unpaired surrogate cannot travel in an address: the browser sends U+FFFD instead. */
const inPath = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'))
const label = (field: string, text: string) => `${field} = ${JSON.stringify(text.slice(0, 30))}`

/** What no answer may ever hold: markup from the input, alive, or a server error. */
function assertSafe(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  what: string,
) {
  assert.ok(res.statusCode < 500, `${what}: ${res.statusCode}`)
  assert.ok(!res.body.includes('<script>alert'), `${what}: escaped`)
  assert.ok(!res.body.includes('<img src=x'), `${what}: escaped`)
  const location = String(res.headers.location ?? '')
  assert.ok(location === '' || location.startsWith('/'), `${what}: stays on the site (${location})`)
}

/** A 400 says why in French, in the error summary or the page. */
function assertSaysWhy(body: string, what: string) {
  const p = page(body)
  assert.ok(
    p.errorSummary().length > 0 || /incorrecte|caractères|invisibles/.test(p.text('main')),
    `${what}: says why`,
  )
}

describe('calls with hostile text in every field and parameter', () => {
  let t: TestApp
  let w: CallsWorld
  before(async () => {
    t = await buildTestApp()
    w = await callsWorld(t)
  })
  after(() => t.close())

  it('answers the registration forms field by field with an error and nothing written, or text kept as text', async () => {
    for (const [client, path] of [
      [w.clients.resident, '/appels-de-convivialite/inscription'],
      [w.clients.agent, '/administration/appels/inscription'],
    ] as const) {
      for (const field of REGISTER_FIELDS) {
        for (const text of HOSTILE) {
          const what = `${path} ${label(field, text)}`
          const before = [await peopleCount(t), await registrationCount(t)]
          const res = await client.post(path, registerForm({ [field]: text }))
          assertSafe(res, what)
          assert.ok(res.statusCode === 303 || res.statusCode === 400, `${what}: ${res.statusCode}`)
          if (res.statusCode === 400) {
            assertSaysWhy(res.body, what)
            assert.deepEqual(
              [await peopleCount(t), await registrationCount(t)],
              before,
              `${what}: nothing written`,
            )
          }
        }
      }
    }
    const mine = await w.clients.resident.get('/appels-de-convivialite')
    assert.equal(mine.statusCode, 200)
    assertSafe(mine, 'my registrations')
  })

  it('answers the caller form the same way', async () => {
    for (const field of ['languages', 'communes', 'availability', 'capacity']) {
      for (const text of HOSTILE) {
        const what = label(field, text)
        const before = (await w.callerOf(w.accounts.lea)).updatedAt
        const res = await w.clients.lea.post(
          '/appels-de-convivialite/appelant',
          callerForm({ [field]: text }),
        )
        assertSafe(res, what)
        assert.ok(res.statusCode === 303 || res.statusCode === 400, `${what}: ${res.statusCode}`)
        if (res.statusCode === 400) {
          assertSaysWhy(res.body, what)
          assert.deepEqual((await w.callerOf(w.accounts.lea)).updatedAt, before, `${what}: nothing written`)
        }
      }
    }
    assert.equal(await callerCount(t), 2)
    assertSafe(await w.clients.lea.get('/appels-de-convivialite/appelant'), 'caller page')
  })

  it('answers outcomes, end reasons and campaign fields the same way', async () => {
    const row = await w.registerByAgent({ firstName: 'Hostile' })
    await w.pair(row.id, w.accounts.karim)
    for (const field of ['outcome', 'note']) {
      for (const text of HOSTILE) {
        const what = label(field, text)
        const before = (await logRows(t, row.id)).length
        const res = await w.clients.karim.post(`/appels-de-convivialite/personnes/${row.id}/appel`, {
          outcome: 'ok',
          note: '',
          [field]: text,
        })
        assertSafe(res, what)
        assert.ok(res.statusCode === 303 || res.statusCode === 400, `${what}: ${res.statusCode}`)
        if (res.statusCode === 400)
          assert.equal((await logRows(t, row.id)).length, before, `${what}: nothing written`)
      }
    }
    assertSafe(await w.clients.karim.get(`/appels-de-convivialite/personnes/${row.id}`), 'card')

    const [pairing] = await pairingRows(t, row.id)
    for (const text of HOSTILE) {
      const what = label('reason', text)
      const res = await w.clients.coordinator.post(`/administration/appels/appariements/${pairing!.id}/fin`, {
        reason: text,
      })
      assertSafe(res, what)
      if (res.statusCode === 303) break
      assert.equal(res.statusCode, 400, what)
      assert.equal((await pairingRows(t, row.id))[0]!.endedAt, null, `${what}: nothing written`)
    }

    for (const field of ['title', 'reason', 'commune']) {
      for (const text of HOSTILE) {
        const what = label(field, text)
        const before = await t.db.db.$count(callCampaigns)
        const res = await w.clients.coordinator.post('/administration/appels/campagnes', {
          title: 'Canicule',
          reason: 'canicule',
          commune: '',
          [field]: text,
        })
        assertSafe(res, what)
        assert.ok(res.statusCode === 303 || res.statusCode === 400, `${what}: ${res.statusCode}`)
        if (res.statusCode === 400) {
          assertSaysWhy(res.body, what)
          assert.equal(await t.db.db.$count(callCampaigns), before, `${what}: nothing written`)
        } else assertSafe(await w.clients.coordinator.get(res.headers.location as string), `${what}: shown`)
      }
    }
    assertSafe(await w.clients.coordinator.get('/administration/appels'), 'coordination page')
  })

  it('answers every address parameter with « not found » or a refusal, never an error', async () => {
    for (const text of HOSTILE) {
      const id = inPath(text)
      for (const [client, method, path] of [
        [w.clients.karim, 'GET', `/appels-de-convivialite/personnes/${id}`],
        [w.clients.karim, 'POST', `/appels-de-convivialite/personnes/${id}/appel`],
        [w.clients.resident, 'POST', `/appels-de-convivialite/${id}/retrait`],
        [w.clients.karim, 'GET', `/appels-de-convivialite/campagnes/${id}`],
        [w.clients.karim, 'POST', `/appels-de-convivialite/campagnes/${id}/suivante`],
        [w.clients.karim, 'GET', `/appels-de-convivialite/campagnes/${id}/appels/${id}`],
        [w.clients.coordinator, 'POST', `/administration/appels/appariements/${id}/fin`],
        [w.clients.coordinator, 'POST', `/administration/appels/campagnes/${id}/arret`],
      ] as const) {
        const what = `${method} ${path.slice(0, 60)}`
        const res =
          method === 'GET' ? await client.get(path) : await client.post(path, { outcome: 'ok', reason: 'x' })
        assertSafe(res, what)
        assert.ok(
          [400, 404, 405, 414].includes(res.statusCode) || (text === '' && res.statusCode < 500),
          `${what}: ${res.statusCode}`,
        )
      }
      const pair = await w.clients.coordinator.post('/administration/appels/appariements', {
        registrationId: text,
        callerId: text,
      })
      assertSafe(pair, `pair ${label('id', text)}`)
      assert.ok([400, 404].includes(pair.statusCode), `pair ${label('id', text)}: ${pair.statusCode}`)
    }
  })
})
