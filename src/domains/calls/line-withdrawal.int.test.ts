import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { type CallsWorld, callsWorld, pairingRows, registrationRow } from '../../../test/helpers/calls.ts'
import { page } from '../../../test/helpers/html.ts'

// The phone line and the calls register share the person's record: a consent withdrawn at the line
// must take the person out of the calls in the same transaction (src/modules.ts wires the two).
describe('a consent withdrawn at the phone line', () => {
  let t: TestApp
  let w: CallsWorld
  before(async () => {
    t = await buildTestApp()
    w = await callsWorld(t)
  })
  after(() => t.close())

  it('ends the registration and the pairing, and the caller no longer sees the person', async () => {
    const registration = await w.registerByAgent({ firstName: 'Germaine', lastName: 'Duval' })
    assert.equal((await w.pair(registration.id, w.accounts.karim)).statusCode, 303)
    const card = `/appels-de-convivialite/personnes/${registration.id}`
    assert.match(
      page((await w.clients.karim.get('/appels-de-convivialite/appelant')).body).text('main'),
      /Germaine/,
    )
    assert.equal((await w.clients.karim.get(card)).statusCode, 200)

    const res = await w.clients.agent.post(
      `/administration/accueil-telephonique/personnes/${registration.personId}/retrait`,
      { reason: 'asked' },
    )
    assert.equal(res.statusCode, 303)
    assert.equal((await registrationRow(t, registration.id))?.status, 'withdrawn')
    const pairings = await pairingRows(t, registration.id)
    assert.ok(pairings.length === 1 && pairings[0]!.endedAt, 'the pairing ended')
    const after = await w.clients.karim.get('/appels-de-convivialite/appelant')
    assert.doesNotMatch(page(after.body).text('main'), /Germaine/)
    assert.equal((await w.clients.karim.get(card)).statusCode, 404, 'the card and its phone are gone')
  })
})
