import assert from 'node:assert/strict'
import { after, afterEach, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeOrganisation, postMission } from '../../../test/helpers/missions.ts'
import {
  itemRow,
  type ModerationWorld,
  moderationWorld,
  QUEUE,
  versionOf,
} from '../../../test/helpers/moderation.ts'
import { needRow, needsWorld, postNeed } from '../../../test/helpers/needs.ts'
import { reviewItemsOf } from '../../../test/helpers/review.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/helpers/smtp.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import { missions } from '../../schema.ts'
import { moderationExamples, sanctions } from './moderation.schema.ts'
import { liftWithEffects } from './sanction-life.service.ts'

const row = { date: '2026-06-06', start: '09:00', end: '12:00', places: '3' }
const MONEY = 'Payé 15 € de l’heure.'

describe('decisions on held missions and needs from the queue', () => {
  let smtp: SmtpReceiver
  let t: TestApp
  let w: ModerationWorld
  let org: Awaited<ReturnType<typeof makeOrganisation>>
  before(async () => {
    smtp = await startSmtpReceiver()
    t = await buildTestApp({ SMTP_URL: smtp.url })
    t.clock.set('2026-05-04T08:00:00Z')
    w = await moderationWorld(t)
    org = await makeOrganisation(t, w.territory)
  })
  after(async () => {
    await t.close()
    await smtp.close()
  })
  afterEach(() => {
    smtp.messages.length = 0
  })

  async function heldMission() {
    const { mission } = await postMission(t, w.territory, org, [row], {
      title: 'Aide aux devoirs',
      description: MONEY,
    })
    assert.equal(mission.status, 'held')
    return { mission, itemId: (await reviewItemsOf(t, mission.id))[0]!.id }
  }
  const missionOf = async (id: string) =>
    (await t.db.db.select().from(missions).where(eq(missions.id, id)))[0]!
  const audits = (action: string, targetId: string) =>
    t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action as never), eq(auditLog.targetId, targetId)))
  const exampleOf = async (id: string) =>
    (await t.db.db.select().from(moderationExamples).where(eq(moderationExamples.subjectId, id)))[0]
  async function decide(client: Client, itemId: string, form: Record<string, string>) {
    const opened = await client.get(`${QUEUE}/${itemId}`)
    return client.post(`${QUEUE}/${itemId}/decision`, { version: versionOf(opened.body), ...form })
  }
  const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email))

  it('shows the held mission’s text and publishes it: alerts, its own audit entry, the example, one mail to its author', async () => {
    const { mission, itemId } = await heldMission()
    const camille = await w.client(w.camille)
    const opened = page((await camille.get(`${QUEUE}/${itemId}`)).body)
    assert.match(opened.text('main'), /La mission retenue/)
    assert.match(opened.text('main'), /Payé 15 € de l’heure/)
    assert.match(opened.text('main'), /Les Restos du Cœur de Caen/)
    const res = await decide(camille, itemId, { decision: 'publish' })
    assert.equal(res.statusCode, 303)
    assert.equal((await missionOf(mission.id)).status, 'published')
    const item = await itemRow(t, itemId)
    assert.deepEqual([item.status, item.decision], ['decided', 'published'])
    assert.equal((await audits('mission.published', mission.id)).length, 1)
    assert.equal((await audits('moderation.decided', itemId)).length, 1)
    assert.deepEqual(
      [(await exampleOf(mission.id))!.heldByRule, (await exampleOf(mission.id))!.asksMoney],
      [true, false],
    )
    await t.app.services.worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes(org.manager.email))
    assert.equal(mail.subject, 'Votre publication est en ligne')
    assert.match(mail.text, /votre mission « Aide aux devoirs » est maintenant visible/)
    assert.match(mail.text, new RegExp(`/missions/${mission.id}`))
    assert.equal(mailsTo(org.manager.email).length, 1)
  })

  it('rejects a held mission: removed, a sanction for its poster, one mail with the reason and the appeal link', async () => {
    const { mission, itemId } = await heldMission()
    const res = await decide(await w.client(w.camille), itemId, {
      decision: 'reject',
      reason: 'commerce',
      explanation: 'Une mission bénévole n’est pas payée.',
    })
    assert.equal(res.statusCode, 303)
    assert.equal((await missionOf(mission.id)).status, 'removed')
    const [sanction] = await t.db.db.select().from(sanctions).where(eq(sanctions.itemId, itemId))
    assert.deepEqual([sanction!.accountId, sanction!.kind], [org.manager.id, 'reject'])
    assert.equal((await audits('mission.rejected', mission.id)).length, 1)
    assert.equal((await exampleOf(mission.id))!.asksMoney, true)
    await t.app.services.worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes(org.manager.email))
    assert.match(mail.text, /a refusé la publication de votre mission « Aide aux devoirs »/)
    assert.match(mail.text, /\/recours\//)
    assert.equal(mailsTo(org.manager.email).length, 1)
  })

  it('publishes a rejected mission again when the appeal against the rejection is granted', async () => {
    const { mission, itemId } = await heldMission()
    await decide(await w.client(w.camille), itemId, {
      decision: 'reject',
      reason: 'commerce',
      explanation: 'Une mission bénévole n’est pas payée.',
    })
    assert.equal((await missionOf(mission.id)).status, 'removed')
    const [sanction] = await t.db.db.select().from(sanctions).where(eq(sanctions.itemId, itemId))
    const lifted = await t.db.db.transaction((tx) =>
      liftWithEffects(t.app.services, tx, sanction!, w.dominique.id, t.clock.now()),
    )
    assert.equal(lifted, true)
    assert.equal((await missionOf(mission.id)).status, 'published')
    const published = await audits('mission.published', mission.id)
    assert.deepEqual(
      published.map((a) => a.actorId),
      [w.dominique.id],
    )
    const again = await t.db.db.transaction((tx) =>
      liftWithEffects(t.app.services, tx, sanction!, w.dominique.id, t.clock.now()),
    )
    assert.equal(again, false, 'lifted once')
  })

  it('refuses a decision on a mission decided from its old page meanwhile, and one held by another moderator', async () => {
    const first = await heldMission()
    const camille = await w.client(w.camille)
    const opened = await camille.get(`${QUEUE}/${first.itemId}`)
    const mod = await w.client(w.dominique)
    assert.equal(
      (await mod.post(`/administration/missions-retenues/${first.mission.id}/publier`, {})).statusCode,
      303,
    )
    const late = await camille.post(`${QUEUE}/${first.itemId}/decision`, {
      version: versionOf(opened.body),
      decision: 'reject',
      reason: 'commerce',
      explanation: 'Trop tard.',
    })
    assert.equal(late.statusCode, 409)
    assert.match(page(late.body).text('[role=alert]'), /a quitté la file entre-temps/)
    assert.equal((await missionOf(first.mission.id)).status, 'published')

    const second = await heldMission()
    await (await w.client(w.dominique)).get(`${QUEUE}/${second.itemId}`)
    const version = String((await itemRow(t, second.itemId)).version)
    const claimed = await camille.post(`${QUEUE}/${second.itemId}/decision`, { version, decision: 'publish' })
    assert.equal(claimed.statusCode, 409)
    assert.match(page(claimed.body).text('[role=alert]'), /Pris en charge par Dominique/)
    assert.equal((await missionOf(second.mission.id)).status, 'held')
    assert.equal((await itemRow(t, second.itemId)).status, 'open')
  })

  it('keeps its doors shut: a resident gets 403, the form needs its CSRF token', async () => {
    const { mission, itemId } = await heldMission()
    const resident = await w.client(w.jeanne, false)
    assert.equal(
      (await resident.post(`${QUEUE}/${itemId}/decision`, { decision: 'publish', version: '1' })).statusCode,
      403,
    )
    const noCsrf = await (await w.client(w.camille)).post(
      `${QUEUE}/${itemId}/decision`,
      { decision: 'publish', version: '1' },
      { withoutCsrf: true },
    )
    assert.equal(noCsrf.statusCode, 403)
    assert.equal((await missionOf(mission.id)).status, 'held')
  })

  it('publishes a held need and rejects another, each told once to the manager who posted it', async () => {
    const nw = await needsWorld(t)
    const moderator = await makeAccount(t, nw.calvados, { displayName: 'Mona', roles: ['moderator'] })
    const mod = await new Client(t, nw.host).signInDirectly(moderator, { staff: true, secondFactor: true })
    const kept = await postNeed(nw, { description: 'Des repas à 5 € pièce, paiement par virement.' })
    const refused = await postNeed(nw, { description: 'Des repas à 5 € pièce, paiement par virement.' })
    const itemOf = async (id: string) => (await reviewItemsOf(t, id))[0]!.id
    assert.equal((await decide(mod, await itemOf(kept), { decision: 'publish' })).statusCode, 303)
    assert.equal((await needRow(t, kept))!.status, 'open')
    assert.equal((await audits('need.published', kept)).length, 1)
    const res = await decide(mod, await itemOf(refused), {
      decision: 'reject',
      reason: 'money-request',
      explanation: 'Les dons ne se paient pas.',
    })
    assert.equal(res.statusCode, 303)
    assert.equal((await needRow(t, refused))!.status, 'removed')
    assert.equal((await exampleOf(refused))!.asksMoney, true)
    await t.app.services.worker.runDue()
    await smtp.waitFor((m) => m.to.includes(nw.manager.email) && /en ligne/.test(m.subject))
    const mail = await smtp.waitFor((m) => m.to.includes(nw.manager.email) && /décision/.test(m.subject))
    assert.match(mail.text, /votre besoin « Repas pour la distribution du samedi »/)
    assert.equal(mailsTo(nw.manager.email).length, 2)
  })
})
