import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type Account, Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  auditActions,
  type CrisisWorld,
  calloutsOf,
  crisisWorld,
  optOutsOf,
  recipientsOf,
} from '../../../test/helpers/crisis.ts'
import { page } from '../../../test/helpers/html.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/helpers/smtp.ts'
import type { AppServices } from '../../platform/services.ts'
import { sendCalloutStep } from './callout.jobs.ts'
import { insertOptOut } from './callout.repository.ts'

const reachOf = (body: string) =>
  Number(/Cet appel joindra (\d+) personnes/.exec(page(body).text('main'))?.[1])

/**
 * Coordinators count, then send, a mass call; the job queue mails it in batches through a real SMTP
 * server, each person once, whatever fails on the way; one click stops the next ones.
 */
describe('mass calls for volunteers', () => {
  let t: TestApp
  let w: CrisisWorld
  let smtp: SmtpReceiver
  let volunteers: Record<string, Account>
  before(async () => {
    smtp = await startSmtpReceiver()
    t = await buildTestApp({ SMTP_URL: smtp.url })
    w = await crisisWorld(t)
    const v = (interests: string[], extra: Partial<Account> = {}) =>
      makeAccount(t, w.calvados, { interests, ...extra })
    volunteers = {
      caen: await v(['phone-contact'], { communeInsee: '14118' }),
      bayeux: await v(['groceries-medicines', 'gardening'], { communeInsee: '14047' }),
      suspended: await v(['phone-contact'], { status: 'suspended' }),
      unverified: await v(['phone-contact'], { emailVerifiedAt: null }),
      optedOut: await v(['phone-contact']),
      gardener: await v(['gardening']),
      asksOnly: await v([]),
      manche: await makeAccount(t, w.manche, { interests: ['phone-contact'], communeInsee: '50129' }),
    }
    await insertOptOut(t.db.db, w.calvados.id, volunteers.optedOut!.id, t.clock.now())
  })
  after(async () => {
    await t.close()
    await smtp.close()
  })

  const form = (over: Record<string, string | string[]> = {}) => ({
    subject: 'Canicule : besoin de bénévoles',
    body: 'Bonjour,\n\nNous cherchons des bénévoles pour appeler les personnes âgées isolées.',
    categories: [w.bySlug('phone-contact').id, w.bySlug('groceries-medicines').id],
    communes: '',
    ...over,
  })

  it('refuses a moderator, and another territory’s coordinator finds nothing', async () => {
    const moderator = await w.staff(w.moderator)
    assert.equal((await moderator.get('/administration/crise/appels/nouveau')).statusCode, 403)
    assert.equal((await moderator.post('/administration/crise/appels', form())).statusCode, 403)
    assert.deepEqual(await calloutsOf(t, w.calvados.id), [])

    const coordinator = await w.staff(w.coordinator)
    const draft = await coordinator.post('/administration/crise/appels', form())
    const id = draft.headers.location!.split('/').pop()!.split('?')[0]!
    const manche = await w.staff(w.mancheAdmin, w.manche)
    assert.equal((await manche.get(`/administration/crise/appels/${id}`)).statusCode, 404)
    const send = await manche.post(`/administration/crise/appels/${id}/envoyer`, { confirmer: 'oui' })
    assert.equal(send.statusCode, 404)
    const [row] = (await calloutsOf(t, w.calvados.id)).filter((c) => c.id === id)
    assert.equal(row!.status, 'draft')
    assert.deepEqual(await recipientsOf(t, id), [])
  })

  it('counts exactly the volunteers of the categories and communes, less the opted out, suspended and unverified', async () => {
    const coordinator = await w.staff(w.coordinator)
    const res = await coordinator.post('/administration/crise/appels', form())
    assert.equal(res.statusCode, 303)
    const body = (await coordinator.get(res.headers.location!)).body
    const draft = page(body)
    assert.match(draft.text('.success'), /rien n’est envoyé/)
    assert.equal(reachOf(body), 2)
    assert.deepEqual(draft.all('main button'), ['Envoyer à 2 personnes'])

    const inCaen = await coordinator.post('/administration/crise/appels', form({ communes: 'Caen (14000)' }))
    assert.equal(reachOf((await coordinator.get(inCaen.headers.location!)).body), 1)
    // No category: every volunteer (someone who declared what they can do) of the territory.
    const anyone = await coordinator.post('/administration/crise/appels', form({ categories: [] }))
    assert.equal(reachOf((await coordinator.get(anyone.headers.location!)).body), 3)
    const unknown = await coordinator.post('/administration/crise/appels', form({ communes: 'Caen\n13001' }))
    assert.equal(unknown.statusCode, 400)
    assert.match(page(unknown.body).text('.error-summary'), /« 13001 » n’est pas dans le territoire/)
  })

  it('mails each recipient once through the SMTP server, after a failing step and a step run twice', async () => {
    const many: Account[] = []
    for (let i = 0; i < 57; i++) many.push(await makeAccount(t, w.calvados, { interests: ['transport'] }))
    const coordinator = await w.staff(w.coordinator)
    const drafted = await coordinator.post(
      '/administration/crise/appels',
      form({ categories: [w.bySlug('transport').id], subject: 'Transport : on a besoin de vous' }),
    )
    const path = drafted.headers.location!.split('?')[0]!
    const id = path.split('/').pop()!
    const unconfirmed = await coordinator.post(`${path}/envoyer`, {})
    assert.equal(unconfirmed.statusCode, 400)
    assert.match(page(unconfirmed.body).text('.error-summary'), /Cochez la case/)
    assert.deepEqual(await recipientsOf(t, id), [])

    const sent = await coordinator.post(`${path}/envoyer`, { confirmer: 'oui' })
    assert.equal(sent.statusCode, 303)
    assert.equal((await recipientsOf(t, id)).length, 57)
    // A second click changes nothing: the call is no longer a draft.
    await coordinator.post(`${path}/envoyer`, { confirmer: 'oui' })
    assert.equal((await recipientsOf(t, id)).length, 57)

    // The mail server's client fails at the 10th mail of the first step: the step rolls back whole.
    let calls = 0
    const failing = {
      ...t.app.services,
      mailer: {
        send: (m: Parameters<AppServices['mailer']['send']>[0]) => {
          calls += 1
          if (calls === 10) throw new Error('mail server unreachable')
          return t.app.services.mailer.send(m)
        },
      },
    } as unknown as AppServices
    await assert.rejects(sendCalloutStep(failing, w.calvados.id, id), /unreachable/)
    assert.equal((await recipientsOf(t, id)).filter((r) => r.sentAt).length, 0)

    // The step run twice at the same moment: the locked rows are skipped, nobody is taken twice.
    await Promise.all([
      sendCalloutStep(t.app.services, w.calvados.id, id),
      sendCalloutStep(t.app.services, w.calvados.id, id),
    ])
    for (let round = 0; round < 10; round++) {
      await t.app.services.worker.runDue()
      t.clock.advance('3s')
    }
    await t.app.services.worker.runDue()
    assert.equal((await recipientsOf(t, id)).filter((r) => !r.sentAt).length, 0)
    const [row] = (await calloutsOf(t, w.calvados.id)).filter((c) => c.id === id)
    assert.equal(row!.status, 'sent')
    assert.equal(row!.sent, 57)

    const mails = smtp.messages.filter((m) => m.subject === 'Transport : on a besoin de vous')
    const addresses = mails.flatMap((m) => m.to).sort()
    assert.deepEqual(addresses, many.map((a) => a.email).sort())
    const first = mails[0]!
    assert.match(
      first.headers.get('list-unsubscribe') ?? '',
      /^<https:\/\/.+\/appels-benevoles\/desabonnement\?jeton=/,
    )
    assert.equal(first.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click')
    assert.match(first.text, /appeler les personnes|Nous cherchons|on a besoin/)

    const progress = page((await coordinator.get(path)).body)
    assert.match(progress.text('main'), /Envoyés ?57 sur 57/)
    assert.ok((await auditActions(t, w.calvados.id)).includes('callout.sent'))

    // Run once more: nothing left, nothing sent again.
    assert.equal(await sendCalloutStep(t.app.services, w.calvados.id, id), 0)
    await t.app.services.worker.runDue()
    assert.equal(smtp.messages.filter((m) => m.subject === 'Transport : on a besoin de vous').length, 57)
  })

  it('stops the calls in one click, without signing in and without JavaScript', async () => {
    const mail = smtp.messages.find((m) => m.subject === 'Transport : on a besoin de vous')!
    const link = new URL(/<([^>]+)>/.exec(mail.headers.get('list-unsubscribe')!)![1]!)
    const who = mail.to[0]!
    const visitor = new Client(t, w.host)
    const shown = page((await visitor.get(`${link.pathname}${link.search}`)).body)
    assert.equal(shown.h1(), 'Ne plus recevoir les appels aux bénévoles')
    // The mail client's one-click POST (RFC 8058): no CSRF token, no cookie.
    const res = await visitor.request({
      method: 'POST',
      url: `${link.pathname}${link.search}`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      withoutCsrf: true,
    })
    assert.equal(res.statusCode, 200)
    assert.match(page(res.body).text('.success'), /vous ne recevrez plus/)
    const optOuts = await optOutsOf(t, w.calvados.id)
    assert.equal(optOuts.length, 2)
    const coordinator = await w.staff(w.coordinator)
    const again = await coordinator.post(
      '/administration/crise/appels',
      form({ categories: [w.bySlug('transport').id] }),
    )
    assert.equal(reachOf((await coordinator.get(again.headers.location!)).body), 56)
    assert.ok(who)

    // A token changed by one character, or another territory's, writes nothing.
    const forged = `${link.pathname}${link.search.slice(0, -2)}xx`
    const bad = await visitor.request({
      method: 'POST',
      url: forged,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      withoutCsrf: true,
    })
    assert.equal(bad.statusCode, 404)
    const elsewhere = new Client(t, w.manche.hostnames[0]!)
    assert.equal((await elsewhere.get(`${link.pathname}${link.search}`)).statusCode, 404)
    assert.equal((await optOutsOf(t, w.calvados.id)).length, 2)
  })

  it('limits the sending to three calls an hour per territory, and sends nothing past it', async () => {
    const coordinator = await w.staff(w.coordinator)
    const draft = async () => {
      const res = await coordinator.post('/administration/crise/appels', form())
      return res.headers.location!.split('?')[0]!
    }
    // One call went out above: two more may, the fourth waits.
    for (let i = 0; i < 2; i++)
      assert.equal((await coordinator.post(`${await draft()}/envoyer`, { confirmer: 'oui' })).statusCode, 303)
    const path = await draft()
    const refused = await coordinator.post(`${path}/envoyer`, { confirmer: 'oui' })
    assert.equal(refused.statusCode, 429)
    assert.equal(page(refused.body).h1(), 'Trop de demandes')
    const id = path.split('/').pop()!
    assert.equal((await calloutsOf(t, w.calvados.id)).find((c) => c.id === id)!.status, 'draft')
    assert.deepEqual(await recipientsOf(t, id), [])
  })
})
