import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount, smsConsentOf } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { LINE, type PhoneWorld, personRow, phoneWorld, recordPerson } from '../../../test/helpers/phone.ts'
import { smsStopList } from '../../platform/sms/sms.schema.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
const TOKEN = 'jeton-partage-du-fournisseur-sms-0123456789'
const label = (field: string, text: string) => `${field} = ${JSON.stringify(text.slice(0, 30))}`

function assertEscaped(body: string, what: string) {
  assert.ok(!body.includes('<script>alert'), `${what}: escaped`)
  assert.ok(!body.includes('<img src=x'), `${what}: escaped`)
}

describe('SMS with hostile text in every new field and on the inbound endpoint', () => {
  let t: TestApp
  let w: PhoneWorld
  let personId = ''

  before(async () => {
    t = await buildTestApp({ SMS_INBOUND_TOKEN: TOKEN })
    w = await phoneWorld(t)
    personId = await recordPerson(w, { phone: '06 98 76 54 32' })
  })
  after(() => t.close())

  const stopListSize = () => t.db.db.$count(smsStopList)

  it('answers the inbound endpoint with 200, 400 or 401 to every hostile field and header, never a 5xx', async () => {
    const send = (payload: Record<string, string>, token: string = TOKEN) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/sms/entrant',
        headers: { host: w.host, 'x-sms-token': token.replace(/[^\x20-\x7e]/g, '?') },
        payload,
      })
    for (const text of HOSTILE) {
      for (const [field, payload] of [
        ['from', { from: text, text: 'STOP' }],
        ['text', { from: '+33698765432', text }],
      ] as const) {
        const what = label(field, text)
        const res = await send(payload)
        assert.ok([200, 400].includes(res.statusCode), `${what}: ${res.statusCode}`)
        assert.match(res.headers['content-type'] as string, /json/, what)
        if (res.statusCode === 400) assert.ok(res.json().detail || res.json().errors, `${what}: says why`)
      }
      const what = label('token', text)
      const res = await send({ from: '+33698765432', text: 'STOP' }, text)
      assert.equal(res.statusCode, 401, what)
    }
    // Only the well-formed STOP from the real number reached the list: no hostile text became a number.
    const listed = await t.db.db.select().from(smsStopList)
    assert.ok(listed.every((row) => /^\+\d{8,15}$/.test(row.phone)))
    assert.equal(await stopListSize(), listed.length)
  })

  it('answers the agent’s SMS agreement: an error and nothing written, or stored and shown as plain text', async () => {
    const agent = await w.client(w.agent)
    for (const text of HOSTILE) {
      const what = label('smsConsentWording', text)
      await agent.post(`${LINE}/personnes/${personId}/sms/retrait`, {})
      const res = await agent.post(`${LINE}/personnes/${personId}/sms`, { smsConsentWording: text })
      assert.ok([303, 400].includes(res.statusCode), `${what}: ${res.statusCode}`)
      assertEscaped(res.body, what)
      const row = (await personRow(t, personId))!
      if (res.statusCode === 400) {
        assert.ok(page(res.body).errorSummary().length > 0 || /caractère|incorrecte/.test(res.body), what)
        assert.equal(row.smsConsentAt, null, `${what}: nothing written`)
      } else {
        assertEscaped((await agent.get(`${LINE}/personnes/${personId}?motif=follow-up`)).body, what)
      }
    }
  })

  it('answers the profile’s SMS option and the territory’s cap: an error and nothing written, or saved', async () => {
    const marie = await makeAccount(t, w.calvados, { phone: '+33612345678' })
    const resident = await new Client(t, w.host).signInDirectly(marie)
    const admin = await w.client(w.admin)
    const profile = {
      displayName: 'Marie',
      commune: 'Bayeux (14400)',
      phone: '06 12 34 56 78',
      radiusKm: '10',
      'notify-matches': 'immediate',
      'notify-messages': 'immediate',
      'notify-savedSearches': 'daily',
      locale: 'fr',
    }
    const capOf = async () =>
      (await t.db.db.select().from(territories).where(eq(territories.id, w.calvados.id)))[0]!.smsDailyCap
    for (const text of HOSTILE) {
      const what = label('sms', text)
      const res = await resident.post('/compte/profil', { ...profile, sms: text })
      assert.ok([303, 400].includes(res.statusCode), `${what}: ${res.statusCode}`)
      assertEscaped(res.body, what)
      // Only « 1 » ticks the box: anything else leaves the person out.
      if (res.statusCode === 303) assert.equal(await smsConsentOf(t, marie.id), null, what)

      const cap = label('smsDailyCap', text)
      const before = await capOf()
      const saved = await admin.post('/administration/territoire', { smsDailyCap: text })
      assert.ok([303, 400].includes(saved.statusCode), `${cap}: ${saved.statusCode}`)
      assertEscaped(saved.body, cap)
      if (saved.statusCode === 400) assert.equal(await capOf(), before, `${cap}: nothing written`)
      else assert.ok(Number.isInteger(await capOf()) && (await capOf()) <= 100_000, cap)
    }
  })
})
