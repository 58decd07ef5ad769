import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  auditRows,
  caseRow,
  LINE,
  type PhoneWorld,
  personRow,
  phoneWorld,
  postAsk,
  recordPerson,
} from '../../../test/helpers/phone.ts'
import { smsLength } from '../../platform/sms/gsm7.ts'
import { listDevSms } from '../../platform/sms/sms.repository.ts'

const TOKEN = 'jeton-partage-du-fournisseur-sms-0123456789'
const MOBILE = '+33698765432'
const WORDING = 'Acceptez-vous de recevoir un SMS quand un bénévole est trouvé pour vous ? Oui.'

describe('the phone line’s SMS: the agreement an agent records, « un bénévole va vous appeler », STOP', () => {
  let t: TestApp
  let w: PhoneWorld
  let agent: Client
  let personId = ''

  before(async () => {
    t = await buildTestApp({ SMS_INBOUND_TOKEN: TOKEN })
    w = await phoneWorld(t)
    agent = await w.client(w.agent)
    personId = await recordPerson(w, { phone: '06 98 76 54 32', sharedContact: 'own-phone' })
  })
  after(() => t.close())

  const smsToJeanne = async () => (await listDevSms(t.db.db, null, 500)).filter((s) => s.recipient === MOBILE)
  const record = async () => page((await agent.get(`${LINE}/personnes/${personId}?motif=follow-up`)).body)

  it('shows that the person did not agree, with the wording to read prefilled', async () => {
    const p = await record()
    assert.match(p.text('main'), /N’a pas accepté de recevoir des SMS/)
    assert.match(p.field('Accord lu à la personne pour les SMS')?.textContent ?? '', /répondre STOP/)
  })

  it('refuses an empty wording, and a number that is not a mobile, with a message; nothing changes', async () => {
    const empty = await agent.post(`${LINE}/personnes/${personId}/sms`, { smsConsentWording: '   ' })
    assert.equal(empty.statusCode, 400)
    assert.deepEqual(page(empty.body).errorSummary(), [
      { text: 'Saisissez le texte de l’accord lu à la personne', href: '#smsConsentWording' },
    ])
    const landline = await recordPerson(w, { firstName: 'Paul', phone: '02 31 92 00 09' })
    const fixed = await agent.post(`${LINE}/personnes/${landline}/sms`, { smsConsentWording: WORDING })
    assert.equal(fixed.statusCode, 400)
    assert.match(page(fixed.body).errorSummary()[0]!.text, /n’est pas un portable/)
    assert.equal((await personRow(t, personId))?.smsConsentAt, null)
    assert.equal((await personRow(t, landline))?.smsConsentAt, null)
  })

  it('lets no one outside the line, nor another territory’s agent, record it', async () => {
    for (const who of [w.karim, w.mancheAgent, null]) {
      const client = await w.client(who)
      const res = await client.post(`${LINE}/personnes/${personId}/sms`, { smsConsentWording: WORDING })
      assert.ok([401, 403, 404].includes(res.statusCode), String(res.statusCode))
    }
    const withoutToken = await agent.post(
      `${LINE}/personnes/${personId}/sms`,
      { smsConsentWording: WORDING },
      { withoutCsrf: true },
    )
    assert.equal(withoutToken.statusCode, 403)
    assert.equal((await personRow(t, personId))?.smsConsentAt, null)
  })

  it('records the wording read, when and by whom, in the audit log too', async () => {
    const res = await agent.post(`${LINE}/personnes/${personId}/sms`, { smsConsentWording: WORDING })
    assert.equal(res.statusCode, 303)
    const row = (await personRow(t, personId))!
    assert.equal(row.smsConsentWording, WORDING)
    assert.equal(row.smsConsentBy, w.agent.id)
    assert.ok(row.smsConsentAt)
    assert.equal((await auditRows(t, 'phone.sms-consent')).length, 1)
    assert.match(
      (await record()).text('main'),
      /Accepte de recevoir des SMS : le .* recueilli par Sophie Agent/,
    )
  })

  it('texts the person « un bénévole va vous appeler » when the agent accepts a volunteer for them', async () => {
    const caseId = await postAsk(w, personId, { title: 'Courses de la semaine à Bayeux' })
    const listingId = (await caseRow(t, caseId))!.listingId!
    const karim = await w.client(w.karim)
    const response = await karim.post(`/annonces/${listingId}/repondre`, {
      message: 'Je passe au marché le samedi.',
      shares: ['email'],
    })
    const matchId = /mises-en-relation\/([0-9a-f-]+)/.exec(response.headers.location as string)![1]!
    assert.equal((await smsToJeanne()).length, 0, 'nothing before a volunteer is accepted')
    const accepted = await agent.post(`${LINE}/dossiers/${caseId}/reponses/${matchId}/accepter`, {})
    assert.equal(accepted.statusCode, 303)
    await t.app.services.worker.runDue()
    const [sms] = await smsToJeanne()
    assert.ok(sms)
    assert.equal(
      sms.body,
      'Entraide Calvados : bonne nouvelle, un bénévole a répondu à votre demande "Courses de la semaine à Bayeux". Il va vous appeler. STOP au 36000',
    )
    assert.ok(smsLength(sms.body).units <= 160)
    assert.doesNotMatch(sms.body, /Karim|Jeanne|Lefèvre/)
  })

  it('clears the agreement on « STOP » until the agent records a new one', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sms/entrant',
      headers: { host: w.host, 'x-sms-token': TOKEN },
      payload: { from: MOBILE, text: 'STOP' },
    })
    assert.deepEqual(res.json(), { stopped: true })
    const row = (await personRow(t, personId))!
    assert.equal(row.smsConsentAt, null)
    assert.equal(row.smsConsentWording, null)
    assert.match((await record()).text('main'), /N’a pas accepté de recevoir des SMS/)
    assert.equal(await t.app.services.sms.isStopped(w.calvados.id, MOBILE), true)
    await agent.post(`${LINE}/personnes/${personId}/sms`, { smsConsentWording: WORDING })
    assert.equal(await t.app.services.sms.isStopped(w.calvados.id, MOBILE), false)
    const stop = await agent.post(`${LINE}/personnes/${personId}/sms/retrait`, {})
    assert.equal(stop.statusCode, 303)
    assert.equal((await personRow(t, personId))?.smsConsentAt, null)
  })
})
