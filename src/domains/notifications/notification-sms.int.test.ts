import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount, smsConsentOf } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { segmentCount, smsLength } from '../../platform/sms/gsm7.ts'
import { listDevSms } from '../../platform/sms/sms.repository.ts'
import { smsLog } from '../../platform/sms/sms.schema.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { notify } from './notify.ts'

const TOKEN = 'jeton-partage-du-fournisseur-sms-0123456789'
const PROFILE = {
  displayName: 'Marie Lefèvre',
  commune: 'Bayeux (14400)',
  phone: '06 12 34 56 78',
  radiusKm: '10',
  'notify-matches': 'immediate',
  'notify-messages': 'immediate',
  'notify-savedSearches': 'daily',
  locale: 'fr',
}

describe('SMS for notices: opt-in from the profile, the development outbox, STOP, the daily cap', () => {
  let t: TestApp
  let calvados: Territory
  let manche: Territory
  let marie: Awaited<ReturnType<typeof makeAccount>>
  let client: Client
  let count = 0

  before(async () => {
    t = await buildTestApp({ SMS_INBOUND_TOKEN: TOKEN })
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    manche = await makeTerritory(t.app.services, { platformName: 'Entraide Manche', departements: ['50'] })
    marie = await makeAccount(t, calvados)
    client = await new Client(t, calvados.hostnames[0]!).signInDirectly(marie)
  })
  after(() => t.close())

  /** A volunteer's response to Marie's ask, as the matches notify it; then the queue runs. */
  const notifyMarie = async (title = 'Courses au marché de Bayeux le samedi matin') => {
    count += 1
    await t.db.db.transaction((tx) =>
      notify(t.app.services, tx, {
        territory: calvados,
        accountId: marie.id,
        kind: 'match.response',
        params: { name: 'Étienne', title: `${title} ${count}` },
        link: `/mises-en-relation/00000000-0000-4000-8000-00000000000${count % 10}`,
      }),
    )
    await t.app.services.worker.runDue()
  }
  const smsToMarie = async () =>
    (await listDevSms(t.db.db, null, 500)).filter((s) => s.recipient === '+33612345678')
  const inbound = (
    payload: Record<string, string>,
    token: string | null = TOKEN,
    host = calvados.hostnames[0]!,
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/sms/entrant',
      headers: { host, ...(token === null ? {} : { 'x-sms-token': token }) },
      payload,
    })
  const consentOf = () => smsConsentOf(t, marie.id)

  it('sends nothing by SMS to a person who did not opt in', async () => {
    await client.post('/compte/profil', PROFILE)
    await notifyMarie()
    assert.equal((await smsToMarie()).length, 0)
    assert.equal(await consentOf(), null)
  })

  it('refuses the option without a mobile number, with a clear message, and writes nothing', async () => {
    for (const [phone, message] of [
      ['', /indiquez votre numéro de portable/],
      ['02 61 91 00 02', /un portable : indiquez un numéro en 06 ou 07/],
    ] as const) {
      const res = await client.post('/compte/profil', { ...PROFILE, phone, sms: '1' })
      assert.equal(res.statusCode, 400)
      const p = page(res.body)
      assert.deepEqual(
        p.errorSummary().map((e) => e.href),
        ['#sms'],
      )
      assert.match(p.errorSummary()[0]!.text, message)
      assert.equal(await consentOf(), null)
    }
  })

  it('sends an opted-in person’s notice to the development outbox: one short GSM-7 SMS with its link and STOP', async () => {
    const saved = await client.post('/compte/profil', { ...PROFILE, sms: '1' })
    assert.equal(saved.statusCode, 303)
    assert.ok(await consentOf())
    const form = page((await client.get('/compte/profil')).body)
    assert.equal(form.document.getElementById('sms')?.hasAttribute('checked'), true)
    await notifyMarie()
    const [sms] = await smsToMarie()
    assert.ok(sms, 'the SMS is in the outbox')
    assert.match(sms.body, /^Entraide Calvados : Étienne a répondu à votre annonce "Courses au marché/)
    assert.match(sms.body, /"\. https:\/\/t\d+\.entraide\.test\/notifications STOP au 36000$/)
    assert.doesNotMatch(sms.body, /@|’|«/, 'no address; typography turned into GSM-7')
    assert.deepEqual(smsLength(sms.body).encoding, 'gsm7')
    assert.ok(smsLength(sms.body).units <= 160, sms.body)
    assert.equal(segmentCount(sms.body), 1)
    assert.equal(sms.segments, 1)
    const outbox = page((await client.get('/dev/sms')).body)
    assert.match(outbox.text('main'), /06 12 34 56 78/)
    assert.match(outbox.text('main'), /Étienne a répondu à votre annonce/)
  })

  it('refuses a reply with a bad or missing token (401) and changes nothing', async () => {
    for (const token of [null, 'mauvais-jeton', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const res = await inbound({ from: '+33612345678', text: 'STOP' }, token)
      assert.equal(res.statusCode, 401, String(token))
      assert.match(res.headers['content-type'] as string, /problem\+json/)
    }
    assert.ok(await consentOf(), 'still opted in')
    assert.equal(await t.app.services.sms.isStopped(calvados.id, '+33612345678'), false)
  })

  it('keeps an ordinary reply out of it; a « STOP » from another territory stops nothing here', async () => {
    assert.deepEqual((await inbound({ from: '06 12 34 56 78', text: 'Merci beaucoup !' })).json(), {
      stopped: false,
    })
    const elsewhere = await inbound({ from: '06 12 34 56 78', text: 'STOP' }, TOKEN, manche.hostnames[0]!)
    assert.deepEqual(elsewhere.json(), { stopped: true })
    assert.ok(await consentOf())
    const before = (await smsToMarie()).length
    await notifyMarie()
    assert.equal((await smsToMarie()).length, before + 1)
  })

  it('stops every SMS after « Stop. », queued ones included, and clears the opt-in; the email still goes', async () => {
    // queued before the STOP, delivered after it
    count += 1
    await t.db.db.transaction((tx) =>
      notify(t.app.services, tx, {
        territory: calvados,
        accountId: marie.id,
        kind: 'match.accepted',
        params: { name: 'Étienne', title: 'Courses' },
        link: '/mises-en-relation/00000000-0000-4000-8000-000000000001',
      }),
    )
    const before = (await smsToMarie()).length
    const res = await inbound({ from: '+33 6 12 34 56 78', text: '  Stop. ' })
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json(), { stopped: true })
    assert.equal(await consentOf(), null)
    await t.app.services.worker.runDue()
    await notifyMarie()
    assert.equal((await smsToMarie()).length, before, 'nothing more in the outbox')
    const mails = await outboxMails(t, marie.email)
    assert.ok(
      mails.some((m) => /accepté votre réponse/.test(m.text)),
      'the email still went',
    )
    const form = page((await client.get('/compte/profil')).body)
    assert.equal(form.document.getElementById('sms')?.hasAttribute('checked'), false)
  })

  it('sends again once the person opts in anew from their profile', async () => {
    assert.equal((await client.post('/compte/profil', { ...PROFILE, sms: '1' })).statusCode, 303)
    assert.equal(await t.app.services.sms.isStopped(calvados.id, '+33612345678'), false)
    const before = (await smsToMarie()).length
    await notifyMarie()
    assert.equal((await smsToMarie()).length, before + 1)
  })

  it('holds SMS back past the daily cap, logs them « held-cap », and the email still goes', async () => {
    const { sent } = await t.app.services.sms.today(calvados.id)
    await t.db.db.update(territories).set({ smsDailyCap: sent }).where(eq(territories.id, calvados.id))
    const before = (await smsToMarie()).length
    const mailsBefore = (await outboxMails(t, marie.email)).length
    await notifyMarie('Bricolage')
    assert.equal((await smsToMarie()).length, before, 'no SMS past the cap')
    assert.equal((await outboxMails(t, marie.email)).length, mailsBefore + 1, 'the email went')
    const held = await t.db.db.select().from(smsLog).where(eq(smsLog.status, 'held-cap'))
    assert.equal(held.length, 1)
    assert.deepEqual(await t.app.services.sms.today(calvados.id), { sent, held: 1 })
    await t.db.db.update(territories).set({ smsDailyCap: 200 }).where(eq(territories.id, calvados.id))
  })

  it('lets the territory’s administrator set the cap and see what was held back; another territory’s cannot', async () => {
    const admin = await new Client(t, calvados.hostnames[0]!).signInDirectly(
      await makeAccount(t, calvados, { roles: ['administrator'] }),
      { staff: true, secondFactor: true },
    )
    const settings = page((await admin.get('/administration/territoire')).body)
    assert.match(settings.text('main'), /1 non envoyés car le plafond du jour était atteint/)
    assert.equal(settings.field('Nombre de SMS par jour au plus')?.getAttribute('value'), '200')
    const bad = await admin.post('/administration/territoire', { smsDailyCap: 'beaucoup' })
    assert.equal(bad.statusCode, 400)
    assert.match(page(bad.body).errorSummary()[0]!.text, /nombre entier de 0 à 100000/)
    const capOf = async (id: string) =>
      (await t.db.db.select().from(territories).where(eq(territories.id, id)))[0]!.smsDailyCap
    assert.equal(await capOf(calvados.id), 200)
    assert.equal((await admin.post('/administration/territoire', { smsDailyCap: '50' })).statusCode, 303)
    assert.equal(await capOf(calvados.id), 50)

    const other = await new Client(t, calvados.hostnames[0]!).signInDirectly(
      await makeAccount(t, manche, { roles: ['administrator'] }),
      { staff: true, secondFactor: true },
    )
    const refused = await other.post('/administration/territoire', { smsDailyCap: '100000' })
    assert.ok([401, 403, 404].includes(refused.statusCode), String(refused.statusCode))
    assert.equal(await capOf(calvados.id), 50)
  })
})
