import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, afterEach, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { type Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeOrganisation } from '../../../test/helpers/missions.ts'
import {
  itemRow,
  type ModerationWorld,
  moderationWorld,
  QUEUE,
  queueItem,
  versionOf,
} from '../../../test/helpers/moderation.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/helpers/smtp.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import { organisationMembers, organisations, reports } from '../../schema.ts'
import { sanctions } from './moderation.schema.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)

describe('decisions on organisations from the queue, and the reason of a dismissal', () => {
  let smtp: SmtpReceiver
  let t: TestApp
  let w: ModerationWorld
  let n = 0
  before(async () => {
    smtp = await startSmtpReceiver()
    t = await buildTestApp({ SMTP_URL: smtp.url })
    w = await moderationWorld(t)
  })
  after(async () => {
    await t.close()
    await smtp.close()
  })
  afterEach(() => {
    smtp.messages.length = 0
  })

  const orgOf = async (id: string) =>
    (await t.db.db.select().from(organisations).where(eq(organisations.id, id)))[0]!
  const audits = (action: string, targetId: string) =>
    t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action as never), eq(auditLog.targetId, targetId)))
  async function decide(client: Client, itemId: string, form: Record<string, string>) {
    const opened = await client.get(`${QUEUE}/${itemId}`)
    return client.post(`${QUEUE}/${itemId}/decision`, { version: versionOf(opened.body), ...form })
  }

  /** An organisation awaiting verification, queued as its registration does. */
  async function pending() {
    const org = await makeOrganisation(t, w.territory, { status: 'pending', name: `Amicale ${++n}` })
    const itemId = await queueItem(t, w.territory, {
      subjectKind: 'organisation',
      subjectId: org.id,
      cause: 'verification',
      accountId: null,
      label: `Amicale ${n}`,
    })
    return { org, itemId }
  }

  /** A verified organisation Jeanne reported from its page. */
  async function reported() {
    const org = await makeOrganisation(t, w.territory, { name: `Club ${++n}` })
    await t.db.db.insert(reports).values({
      id: t.app.services.ids(),
      territoryId: w.territory.id,
      reporterId: w.jeanne.id,
      targetKind: 'organisation',
      targetId: org.id,
      reason: 'scam',
      createdAt: t.clock.now(),
    })
    const itemId = await queueItem(t, w.territory, {
      subjectKind: 'organisation',
      subjectId: org.id,
      cause: 'report',
      accountId: null,
      label: `Club ${n}`,
      report: true,
    })
    return { org, itemId }
  }

  it('verifies an organisation through its own decision: status, audit, its managers told, the item decided', async () => {
    const { org, itemId } = await pending()
    const camille = await w.client(w.camille)
    const opened = page((await camille.get(`${QUEUE}/${itemId}`)).body)
    assert.match(opened.text('#decision-title + form'), /Vérifier l’organisation.*Refuser la vérification/)
    assert.doesNotMatch(opened.text('#decision-title + form'), /Publier/)
    const res = await decide(camille, itemId, { decision: 'verify' })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${QUEUE}?fait=verify`)
    assert.equal((await orgOf(org.id)).status, 'verified')
    const item = await itemRow(t, itemId)
    assert.deepEqual([item.status, item.decision], ['decided', 'verified'])
    const [entry] = await audits('organisation.verified', org.id)
    assert.equal(entry!.details.via, 'moderation')
    await t.app.services.worker.runDue()
    await smtp.waitFor((m) => m.to.includes(org.manager.email))
    assert.equal(smtp.messages.filter((m) => m.to.includes(org.manager.email)).length, 1)
  })

  it('refuses a verification only with a reason and words, told to the managers; never by one of its members', async () => {
    const { org, itemId } = await pending()
    const camille = await w.client(w.camille)
    const bare = await decide(camille, itemId, { decision: 'refuse' })
    assert.equal(bare.statusCode, 400)
    assert.deepEqual(
      page(bare.body)
        .errorSummary()
        .map((e) => e.text),
      ['Choisissez le motif de la décision dans la liste.', 'Écrivez votre explication à la personne.'],
    )
    const tooLong = await decide(camille, itemId, {
      decision: 'refuse',
      reason: 'impersonation',
      explanation: 'x'.repeat(1001),
    })
    assert.equal(tooLong.statusCode, 400)
    assert.match(page(tooLong.body).text('main'), /dépasse 1000 caractères/)
    assert.equal((await orgOf(org.id)).status, 'pending')

    await t.db.db
      .insert(organisationMembers)
      .values({ organisationId: org.id, accountId: w.dominique.id, role: 'member', joinedAt: t.clock.now() })
    t.clock.advance(16 * 60_000)
    const own = await decide(await w.client(w.dominique), itemId, {
      decision: 'refuse',
      reason: 'impersonation',
      explanation: 'Aucune trace au registre.',
    })
    assert.equal(own.statusCode, 409)
    assert.match(page(own.body).text('[role=alert]'), /Vous faites partie de cette organisation/)
    assert.equal((await itemRow(t, itemId)).status, 'open')

    t.clock.advance(16 * 60_000)
    // A staff session is short: Camille signs in again after the half-hour.
    const res = await decide(await w.client(w.camille), itemId, {
      decision: 'refuse',
      reason: 'impersonation',
      explanation: 'Aucune trace au registre.',
    })
    assert.equal(res.statusCode, 303)
    const refused = await orgOf(org.id)
    assert.equal(refused.status, 'refused')
    assert.match(refused.statusReason ?? '', /Aucune trace au registre/)
    assert.equal((await t.db.db.select().from(sanctions).where(eq(sanctions.itemId, itemId))).length, 0)
    await t.app.services.worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes(org.manager.email))
    assert.match(mail.text, /Aucune trace au registre/)
  })

  it('dismisses a reported organisation with a reason code, and suspends another without sanctioning anyone', async () => {
    const first = await reported()
    const camille = await w.client(w.camille)
    const res = await decide(camille, first.itemId, { decision: 'dismiss', dismissal: 'out-of-scope' })
    assert.equal(res.statusCode, 303)
    assert.equal((await itemRow(t, first.itemId)).decision, 'dismissed:out-of-scope')
    const [report] = await t.db.db.select().from(reports).where(eq(reports.targetId, first.org.id))
    assert.equal(report!.status, 'dismissed')
    assert.equal((await orgOf(first.org.id)).status, 'verified')
    const reopened = page((await camille.get(`${QUEUE}/${first.itemId}`)).body)
    assert.match(reopened.text('main'), /Classer sans suite \(Hors de notre compétence\)/)

    const second = await reported()
    const hidden = await decide(camille, second.itemId, {
      decision: 'hide',
      reason: 'scam',
      explanation: 'Collecte d’argent sous un faux nom.',
    })
    assert.equal(hidden.statusCode, 303)
    assert.equal((await orgOf(second.org.id)).status, 'suspended')
    assert.equal((await audits('organisation.suspended', second.org.id)).length, 1)
    assert.equal(
      (await t.db.db.select().from(sanctions).where(eq(sanctions.itemId, second.itemId))).length,
      0,
    )
  })

  it('warns the managers of a reported organisation, each with their own appeal link', async () => {
    const { org, itemId } = await reported()
    const other = await makeAccount(t, w.territory, { displayName: 'Odile', email: 'odile@exemple.test' })
    await t.db.db
      .insert(organisationMembers)
      .values({ organisationId: org.id, accountId: other.id, role: 'manager', joinedAt: t.clock.now() })
    const res = await decide(await w.client(w.camille), itemId, {
      decision: 'warn',
      reason: 'off-topic',
      explanation: 'Votre page parle de vente.',
    })
    assert.equal(res.statusCode, 303)
    const rows = await t.db.db.select().from(sanctions).where(eq(sanctions.itemId, itemId))
    assert.deepEqual(rows.map((r) => r.accountId).sort(), [org.manager.id, other.id].sort())
    assert.equal((await orgOf(org.id)).status, 'verified')
    await t.app.services.worker.runDue()
    for (const email of [org.manager.email, 'odile@exemple.test']) {
      const mail = await smtp.waitFor((m) => m.to.includes(email))
      assert.match(mail.text, /avertissement au sujet de votre organisation/)
    }
  })

  it('refuses hostile dismissal reasons in French and writes nothing', async () => {
    const { itemId } = await reported()
    const camille = await w.client(w.camille)
    const opened = await camille.get(`${QUEUE}/${itemId}`)
    const version = versionOf(opened.body)
    for (const text of HOSTILE) {
      const res = await camille.post(`${QUEUE}/${itemId}/decision`, {
        version,
        decision: 'dismiss',
        dismissal: text,
      })
      assert.equal(res.statusCode, 400, JSON.stringify(text.slice(0, 30)))
      assert.match(
        page(res.body).text('main'),
        /raison du classement sans suite|caractères|Demande incorrecte/,
      )
      assert.ok(!res.body.includes('<script>alert'))
    }
    const item = await itemRow(t, itemId)
    assert.equal(item.status, 'open')
    assert.equal((await audits('moderation.decided', itemId)).length, 0)
  })

  it('answers 404 for another territory’s organisation item and 403 to a resident', async () => {
    const { itemId } = await pending()
    const resident = await w.client(w.jeanne, false)
    assert.equal(
      (await resident.post(`${QUEUE}/${itemId}/decision`, { decision: 'verify', version: '1' })).statusCode,
      403,
    )
    const elsewhere = await makeTerritory(t.app.services)
    const theirs = await makeOrganisation(t, elsewhere, { status: 'pending' })
    const theirItem = await queueItem(t, elsewhere, {
      subjectKind: 'organisation',
      subjectId: theirs.id,
      cause: 'verification',
      accountId: null,
      label: 'Ailleurs',
    })
    const camille = await w.client(w.camille)
    assert.equal((await camille.get(`${QUEUE}/${theirItem}`)).statusCode, 404)
    assert.equal(
      (await camille.post(`${QUEUE}/${theirItem}/decision`, { decision: 'verify', version: '1' })).statusCode,
      404,
    )
    assert.equal((await orgOf(theirs.id)).status, 'pending')
  })
})
