import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  auditRows,
  type CallsWorld,
  callerCount,
  callerForm,
  callsWorld,
  caseRows,
  expireVerification,
  logRows,
  pairingRows,
  registrationRow,
  revokeVerification,
} from '../../../test/helpers/calls.ts'
import { page } from '../../../test/helpers/html.ts'
import { verifyVolunteer } from '../../../test/helpers/missions.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/helpers/smtp.ts'

describe('callers: signing up, pairing, the phone while paired, one-tap outcomes and alerts', () => {
  let t: TestApp
  let w: CallsWorld
  let smtp: SmtpReceiver
  before(async () => {
    smtp = await startSmtpReceiver()
    t = await buildTestApp({ SMTP_URL: smtp.url })
    w = await callsWorld(t)
  })
  after(async () => {
    await t.close()
    await smtp.close()
  })

  const mailsTo = async (address: string) => {
    await t.app.services.worker.runDue()
    return smtp.messages.filter((m) => m.to.includes(address))
  }

  it('lets only a verified volunteer sign up, and says why to the others', async () => {
    const before = await callerCount(t)
    const page403 = await w.clients.unverified.get('/appels-de-convivialite/appelant')
    assert.equal(page403.statusCode, 403)
    assert.match(page(page403.body).text('main'), /bénévoles que le Département a vérifiés/)
    const res = await w.clients.unverified.post('/appels-de-convivialite/appelant', callerForm())
    assert.equal(res.statusCode, 403)
    assert.equal(await callerCount(t), before)
    const karim = await w.callerOf(w.accounts.karim)
    assert.deepEqual(karim.languages, ['fr'])
    assert.deepEqual(karim.communes, ['14118'])
    const mine = await w.clients.karim.get('/appels-de-convivialite/appelant')
    assert.equal(mine.statusCode, 200)
    assert.match(page(mine.body).text('main'), /Personne ne vous est encore confié/)
  })

  it('proposes callers by commune to the coordinator, and pairs', async () => {
    const row = await w.registerByAgent({ firstName: 'Simone', commune: 'Caen' })
    const overview = await w.clients.coordinator.get('/administration/appels')
    assert.equal(overview.statusCode, 200)
    const p = page(overview.body)
    const item = p.all('.call-unpaired > li').find((l) => l.includes('Simone Lefèvre'))!
    assert.ok(item.indexOf('Karim Appelant') < item.indexOf('Léa Appelante'), 'the caller of Caen first')
    assert.match(item, /Karim Appelant – même commune/)
    const res = await w.pair(row.id, w.accounts.karim)
    assert.equal(res.statusCode, 303)
    assert.equal((await pairingRows(t, row.id)).length, 1)
    assert.equal((await auditRows(t, 'calls.paired', row.id)).length, 1)
    assert.equal((await w.pair(row.id, w.accounts.lea)).statusCode, 409, 'already paired')
    assert.equal((await pairingRows(t, row.id)).length, 1)
  })

  it('shows the phone as a tel: link only to the paired caller, each opening audited', async () => {
    const row = await w.registerByAgent({ firstName: 'Irène', phone: '0261911002' })
    await w.pair(row.id, w.accounts.karim)
    const card = await w.clients.karim.get(`/appels-de-convivialite/personnes/${row.id}`)
    assert.equal(card.statusCode, 200)
    const p = page(card.body)
    assert.equal(p.h1(), 'Irène Lefèvre')
    assert.equal(p.link('02 61 91 10 02'), 'tel:+33261911002')
    const audits = await auditRows(t, 'calls.phone-revealed', row.personId)
    assert.equal(audits.length, 1)
    assert.equal(audits[0]!.actorId, w.accounts.karim.id)
    assert.deepEqual(audits[0]!.details, { why: 'appel régulier', registrationId: row.id })
    // Léa is a caller, but not Irène's: not found, nothing revealed.
    for (const who of ['lea', 'resident', 'unverified', 'coordinator', 'foreign'] as const) {
      const res = await w.clients[who].get(`/appels-de-convivialite/personnes/${row.id}`)
      assert.ok([403, 404].includes(res.statusCode), `${who}: ${res.statusCode}`)
      assert.doesNotMatch(res.body, /02 61 91 10 02|33261911002/, who)
      const post = await w.clients[who].post(`/appels-de-convivialite/personnes/${row.id}/appel`, {
        outcome: 'ok',
      })
      assert.ok([403, 404].includes(post.statusCode), `${who}: ${post.statusCode}`)
    }
    assert.equal((await auditRows(t, 'calls.phone-revealed', row.personId)).length, 1)
    assert.equal((await logRows(t, row.id)).length, 0)
  })

  it('hides the phone once the pairing ends', async () => {
    const row = await w.registerByAgent({ firstName: 'Gisèle' })
    await w.pair(row.id, w.accounts.lea)
    assert.equal((await w.clients.lea.get(`/appels-de-convivialite/personnes/${row.id}`)).statusCode, 200)
    const [pairing] = await pairingRows(t, row.id)
    const noReason = await w.clients.coordinator.post(
      `/administration/appels/appariements/${pairing!.id}/fin`,
      {
        reason: '',
      },
    )
    assert.equal(noReason.statusCode, 400)
    assert.equal((await pairingRows(t, row.id))[0]!.endedAt, null)
    const foreign = await w.clients.foreign.post(`/administration/appels/appariements/${pairing!.id}/fin`, {
      reason: 'déménagement',
    })
    assert.equal(foreign.statusCode, 404)
    const ended = await w.clients.coordinator.post(`/administration/appels/appariements/${pairing!.id}/fin`, {
      reason: 'déménagement',
    })
    assert.equal(ended.statusCode, 303)
    const after = await w.clients.lea.get(`/appels-de-convivialite/personnes/${row.id}`)
    assert.equal(after.statusCode, 404)
    assert.doesNotMatch(after.body, /02 61 91 10 01/)
    assert.equal((await auditRows(t, 'calls.unpaired', row.id)).length, 1)
  })

  it('takes access away at the next request once the verification is revoked, and says why', async () => {
    const row = await w.registerByAgent({ firstName: 'Lucienne' })
    await w.pair(row.id, w.accounts.lea)
    assert.equal((await w.clients.lea.get(`/appels-de-convivialite/personnes/${row.id}`)).statusCode, 200)
    await revokeVerification(t, w.accounts.lea.id)
    const res = await w.clients.lea.get(`/appels-de-convivialite/personnes/${row.id}`)
    assert.equal(res.statusCode, 403)
    assert.equal(page(res.body).h1(), 'Votre vérification n’est plus valable')
    assert.doesNotMatch(res.body, /02 61 91 10 01/)
    const home = await w.clients.lea.get('/appels-de-convivialite/appelant')
    assert.equal(home.statusCode, 403)
    assert.match(page(home.body).text('main'), /a expiré ou a été retirée/)
    const post = await w.clients.lea.post(`/appels-de-convivialite/personnes/${row.id}/appel`, {
      outcome: 'ok',
    })
    assert.equal(post.statusCode, 403)
    assert.equal((await logRows(t, row.id)).length, 0)
    // A verification that expires is the same, from the minute it does.
    await verifyVolunteer(t, w.territory, w.accounts.lea.id)
    assert.equal((await w.clients.lea.get(`/appels-de-convivialite/personnes/${row.id}`)).statusCode, 200)
    await expireVerification(t, w.accounts.lea.id)
    assert.equal((await w.clients.lea.get(`/appels-de-convivialite/personnes/${row.id}`)).statusCode, 403)
    await verifyVolunteer(t, w.territory, w.accounts.lea.id)
  })

  it('logs « besoin d’aide » as a case for the agents, and « inquiétude » as a case and a mail to every agent', async () => {
    const row = await w.registerByAgent({ firstName: 'Albertine' })
    await w.pair(row.id, w.accounts.karim)
    const help = await w.clients.karim.post(`/appels-de-convivialite/personnes/${row.id}/appel`, {
      outcome: 'needs-help',
      note: 'Ses courses ne sont plus faites',
    })
    assert.equal(help.statusCode, 303)
    const shown = await w.clients.karim.get(help.headers.location as string)
    assert.match(page(shown.body).text('main'), /les agents de la ligne ont un dossier/)
    let cases = await caseRows(t, row.personId)
    assert.equal(cases.length, 1)
    assert.equal(cases[0]!.origin, 'needs-help')
    assert.equal(cases[0]!.summary, 'Ses courses ne sont plus faites')
    assert.equal(
      (await mailsTo(w.accounts.agent.email)).length,
      0,
      'a need for help is on the queue, not mailed',
    )

    const concern = await w.clients.karim.post(`/appels-de-convivialite/personnes/${row.id}/appel`, {
      outcome: 'concern',
      note: 'Voix très faible',
    })
    assert.equal(concern.statusCode, 303)
    cases = await caseRows(t, row.personId)
    assert.deepEqual(cases.map((c) => c.origin).sort(), ['concern', 'needs-help'])
    for (const staff of [w.accounts.agent, w.accounts.coordinator]) {
      const mails = await mailsTo(staff.email)
      assert.equal(mails.length, 1, staff.displayName)
      assert.match(mails[0]!.text, /Un appelant s’inquiète pour Albertine L\./)
      assert.doesNotMatch(
        mails[0]!.text,
        /Voix très faible|02 61 91/,
        'the note and phone stay on the platform',
      )
      const concernCase = cases.find((c) => c.origin === 'concern')!
      assert.ok(
        mails[0]!.text.includes(`/administration/accueil-telephonique/dossiers/${concernCase.id}`),
        'the mail leads to the case on the agents’ queue',
      )
    }
    assert.equal((await mailsTo(w.accounts.foreign.email)).length, 0)
    const logs = await logRows(t, row.id)
    assert.deepEqual(logs.map((l) => l.outcome).sort(), ['concern', 'needs-help'])
    assert.ok(logs.every((l) => l.caseId !== null))
  })

  it('alerts once after three unanswered calls in a row; « tout va bien » resets the count', async () => {
    const row = await w.registerByAgent({ firstName: 'Rolande' })
    await w.pair(row.id, w.accounts.karim)
    const call = (outcome: string) =>
      w.clients.karim.post(`/appels-de-convivialite/personnes/${row.id}/appel`, { outcome, note: '' })
    const before = (await mailsTo(w.accounts.agent.email)).length
    await call('no-answer')
    await call('no-answer')
    await call('ok')
    assert.equal((await registrationRow(t, row.id)).unansweredStreak, 0)
    await call('no-answer')
    await call('no-answer')
    assert.equal((await caseRows(t, row.personId)).length, 0)
    const third = await call('no-answer')
    assert.match(third.headers.location as string, /fait=alerte/)
    await call('no-answer')
    const cases = await caseRows(t, row.personId)
    assert.equal(cases.length, 1, 'one case, not one per call after the third')
    assert.equal(cases[0]!.origin, 'unanswered')
    const mails = await mailsTo(w.accounts.agent.email)
    assert.equal(mails.length, before + 1)
    assert.match(mails.at(-1)!.text, /Rolande L\. ne répond plus/)
    assert.equal((await registrationRow(t, row.id)).unansweredStreak, 4)
  })

  it('refuses an unknown outcome with a French error, writing nothing', async () => {
    const row = await w.registerByAgent({ firstName: 'Berthe' })
    await w.pair(row.id, w.accounts.karim)
    const res = await w.clients.karim.post(`/appels-de-convivialite/personnes/${row.id}/appel`, {
      outcome: 'bof',
    })
    assert.equal(res.statusCode, 400)
    assert.match(page(res.body).errorSummary()[0]!.text, /Choisissez comment s’est passé l’appel/)
    assert.equal((await logRows(t, row.id)).length, 0)
  })

  it('refuses to pair a caller who is full or no longer verified, writing nothing', async () => {
    await w.clients.lea.post(
      '/appels-de-convivialite/appelant',
      callerForm({ communes: 'Bayeux', capacity: '1' }),
    )
    const busy = (await w.callerOf(w.accounts.lea)).capacity
    assert.equal(busy, 1)
    const first = await w.registerByAgent({ firstName: 'Première' })
    const second = await w.registerByAgent({ firstName: 'Seconde' })
    // Léa follows Lucienne already (an earlier test); her one place may still be free if not.
    await w.pair(first.id, w.accounts.lea)
    const full = await w.pair(second.id, w.accounts.lea)
    assert.equal(full.statusCode, 409)
    assert.equal((await pairingRows(t, second.id)).length, 0)
    const offered = page((await w.clients.coordinator.get('/administration/appels')).body)
      .all('.call-unpaired > li')
      .find((l) => l.includes('Seconde'))!
    assert.doesNotMatch(offered, /Léa Appelante/, 'a full caller is not proposed')
    await w.clients.lea.post(
      '/appels-de-convivialite/appelant',
      callerForm({ communes: 'Bayeux', capacity: '20' }),
    )
    await revokeVerification(t, w.accounts.lea.id)
    assert.equal((await w.pair(second.id, w.accounts.lea)).statusCode, 409)
    assert.equal((await pairingRows(t, second.id)).length, 0)
    await verifyVolunteer(t, w.territory, w.accounts.lea.id)
  })
})
