import assert from 'node:assert/strict'
import { after, afterEach, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import {
  heldListing,
  itemRow,
  type ModerationWorld,
  moderationWorld,
  QUEUE,
  queueItem,
  reportedMessage,
  versionOf,
} from '../../../test/helpers/moderation.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/helpers/smtp.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import { sha256 } from '../../platform/auth/secrets.ts'
import { accounts, listings, messages, reports } from '../../schema.ts'
import { moderationExamples, sanctions } from './moderation.schema.ts'

describe('decisions on the queue’s items', () => {
  let smtp: SmtpReceiver
  let t: TestApp
  let w: ModerationWorld
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

  const sanctionsOf = (accountId: string) =>
    t.db.db.select().from(sanctions).where(eq(sanctions.accountId, accountId))
  const audits = (action: string, targetId: string) =>
    t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action as never), eq(auditLog.targetId, targetId)))
  const listingOf = async (id: string) =>
    (await t.db.db.select().from(listings).where(eq(listings.id, id)))[0]!

  /** Opens the item as a moderator would, then posts the decision with the version the page named. */
  async function decide(who: ModerationWorld['camille'], itemId: string, form: Record<string, string>) {
    const client = await w.client(who)
    const opened = await client.get(`${QUEUE}/${itemId}`)
    return client.post(`${QUEUE}/${itemId}/decision`, { version: versionOf(opened.body), ...form })
  }

  it('rejects a held listing: removed, a sanction, the example, the audit, and a plain mail with the appeal link', async () => {
    const { listing, itemId } = await heldListing(t, w)
    const res = await decide(w.camille, itemId, {
      decision: 'reject',
      reason: 'commerce',
      explanation: 'L’entraide est gratuite : retirez le prix.',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${QUEUE}?fait=reject`)
    const queue = page((await (await w.client(w.camille)).get(res.headers.location as string)).body)
    assert.match(queue.text('.success'), /Décision enregistrée : Refuser la publication/)

    assert.equal((await listingOf(listing.id)).status, 'removed')
    const item = await itemRow(t, itemId)
    assert.deepEqual([item.status, item.decision, item.decidedBy], ['decided', 'rejected', w.camille.id])
    const [sanction] = await sanctionsOf(w.jeanne.id)
    assert.deepEqual([sanction!.kind, sanction!.reason, sanction!.itemId], ['reject', 'commerce', itemId])
    const [example] = await t.db.db
      .select()
      .from(moderationExamples)
      .where(eq(moderationExamples.subjectId, listing.id))
    assert.deepEqual([example!.heldByRule, example!.asksMoney, example!.ruleReasons], [true, true, ['price']])
    assert.equal((await audits('moderation.decided', itemId)).length, 1)
    assert.equal((await audits('listing.rejected', listing.id)).length, 1)

    await t.app.services.worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes('jeanne@exemple.test'))
    assert.equal(mail.subject, 'Une décision de modération vous concerne')
    assert.equal(smtp.messages.filter((m) => m.to.includes('jeanne@exemple.test')).length, 1, 'one mail')
    assert.match(mail.text, /a refusé la publication de votre annonce « Tonte de pelouse »/)
    assert.match(mail.text, /Motif : Vente ou activité commerciale/)
    assert.match(mail.text, /« L’entraide est gratuite : retirez le prix\. »/)
    assert.match(mail.text, /depuis « Mon compte »/)
    const token = /\/recours\/([\w-]+)/.exec(mail.text)?.[1]
    assert.ok(token, 'the mail carries the appeal link')
    assert.equal(sanction!.appealTokenHash, sha256(token))

    const again = page((await (await w.client(w.dominique)).get(`${QUEUE}/${itemId}`)).body)
    assert.match(again.text('main'), /Cet élément a été traité par Camille : Refuser la publication/)
    assert.equal(again.field('Votre explication à la personne'), null)
  })

  it('publishes a held listing without a sanction and tells its author once; the example says it did not ask for money', async () => {
    const { listing, itemId } = await heldListing(t, w)
    const res = await decide(w.camille, itemId, { decision: 'publish' })
    assert.equal(res.statusCode, 303)
    assert.equal((await listingOf(listing.id)).status, 'published')
    assert.equal((await sanctionsOf(w.jeanne.id)).filter((s) => s.itemId === itemId).length, 0)
    const [example] = await t.db.db
      .select()
      .from(moderationExamples)
      .where(eq(moderationExamples.subjectId, listing.id))
    assert.equal(example!.asksMoney, false)
    await t.app.services.worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes('jeanne@exemple.test'))
    assert.match(mail.text, /votre annonce « Tonte de pelouse » : elle est publiée/)
    assert.equal(smtp.messages.filter((m) => m.to.includes('jeanne@exemple.test')).length, 1)
  })

  it('asks for a change: the listing stays held and its author is told what to change', async () => {
    const { listing, itemId } = await heldListing(t, w)
    const res = await decide(w.camille, itemId, {
      decision: 'change',
      reason: 'money-request',
      explanation: 'Enlevez « 20 euros » et l’annonce sera publiée.',
    })
    assert.equal(res.statusCode, 303)
    assert.equal((await listingOf(listing.id)).status, 'held')
    await t.app.services.worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes('jeanne@exemple.test'))
    assert.match(mail.text, /vous demande de modifier votre annonce « Tonte de pelouse »/)
    assert.match(mail.text, /Enlevez « 20 euros »/)
  })

  it('hides a reported message: the conversation says so without its text; the reports are closed', async () => {
    const { match, messageId, itemId } = await reportedMessage(t, w)
    await t.db.db.insert(reports).values({
      id: t.app.services.ids(),
      territoryId: w.territory.id,
      reporterId: w.jeanne.id,
      targetKind: 'message',
      targetId: messageId,
      reason: 'scam',
      createdAt: t.clock.now(),
    })
    const res = await decide(w.camille, itemId, {
      decision: 'hide',
      reason: 'money-request',
      explanation: 'Demander de l’argent est interdit.',
    })
    assert.equal(res.statusCode, 303)
    const [row] = await t.db.db.select().from(messages).where(eq(messages.id, messageId))
    assert.ok(row!.hiddenAt)
    const [report] = await t.db.db.select().from(reports).where(eq(reports.targetId, messageId))
    assert.equal(report!.status, 'handled')
    const conversation = await (await w.client(w.jeanne, false)).get(`/mises-en-relation/${match.id}`)
    assert.match(page(conversation.body).text('main'), /Message masqué par la modération/)
    assert.ok(!conversation.body.includes('Envoyez-moi 50 euros'))
  })

  it('suspends for 7 days: sessions end, listings leave view, the other party is told without detail', async () => {
    const karimListing = await makeListing(t, w.territory, w.karim)
    const { itemId } = await reportedMessage(t, w)
    const karim = await w.client(w.karim, false)
    const res = await decide(w.camille, itemId, {
      decision: 'suspend',
      reason: 'scam',
      explanation: 'Vous avez demandé de l’argent.',
      days: '7',
    })
    assert.equal(res.statusCode, 303)
    const [account] = await t.db.db.select().from(accounts).where(eq(accounts.id, w.karim.id))
    assert.equal(account!.status, 'suspended')
    assert.equal((await karim.get('/compte')).statusCode, 303, 'his session ended')
    assert.equal((await listingOf(karimListing.id)).status, 'held')
    const suspension = (await sanctionsOf(w.karim.id)).find((s) => s.kind === 'suspend')!
    assert.equal(suspension.endsAt!.getTime() - t.clock.now().getTime(), 7 * 86_400_000)
    assert.equal((await audits('account.suspended', w.karim.id)).length, 1)

    await t.app.services.worker.runDue()
    const his = await smtp.waitFor((m) => m.to.includes('karim@exemple.test') && /suspendu/.test(m.text))
    assert.match(his.text, /a suspendu votre compte/)
    assert.match(his.text, /La suspension prend fin le/)
    const hers = await smtp.waitFor((m) => m.to.includes('jeanne@exemple.test') && /échange/.test(m.subject))
    assert.match(hers.text, /La personne ne peut plus poursuivre cet échange pour le moment/)
    assert.ok(!hers.text.includes('argent'), 'no detail of why')
  })

  it('bans for good without an end date; dismisses an unfounded report without any sanction', async () => {
    const banned = await makeAccount(t, w.territory, { displayName: 'Bruno', email: 'bruno@exemple.test' })
    const aboutBruno = await queueItem(t, w.territory, {
      subjectKind: 'account',
      subjectId: banned.id,
      accountId: banned.id,
      cause: 'repeated-reports',
      priority: 3,
    })
    const res = await decide(w.camille, aboutBruno, {
      decision: 'ban',
      reason: 'harassment',
      explanation: 'Harcèlement répété de plusieurs personnes.',
    })
    assert.equal(res.statusCode, 303)
    const [ban] = await sanctionsOf(banned.id)
    assert.deepEqual([ban!.kind, ban!.endsAt], ['ban', null])
    const [account] = await t.db.db.select().from(accounts).where(eq(accounts.id, banned.id))
    assert.equal(account!.status, 'suspended')
    assert.equal((await audits('account.banned', banned.id)).length, 1)
    await t.app.services.worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes('bruno@exemple.test'))
    assert.match(mail.text, /a fermé définitivement votre compte/)
    assert.doesNotMatch(mail.text, /prend fin/)

    const { messageId, itemId } = await reportedMessage(t, w)
    await t.db.db.insert(reports).values({
      id: t.app.services.ids(),
      territoryId: w.territory.id,
      reporterId: w.jeanne.id,
      targetKind: 'message',
      targetId: messageId,
      reason: 'abuse',
      createdAt: t.clock.now(),
    })
    t.clock.advance(16 * 60_000)
    const before = (await sanctionsOf(w.karim.id)).length
    const withoutWhy = await decide(w.dominique, itemId, { decision: 'dismiss' })
    assert.equal(withoutWhy.statusCode, 400)
    assert.deepEqual(
      page(withoutWhy.body)
        .errorSummary()
        .map((e) => e.text),
      ['Choisissez la raison du classement sans suite dans la liste.'],
    )
    assert.equal((await itemRow(t, itemId)).status, 'open')
    const dismissed = await decide(w.dominique, itemId, { decision: 'dismiss', dismissal: 'unfounded' })
    assert.equal(dismissed.statusCode, 303)
    assert.equal((await sanctionsOf(w.karim.id)).length, before)
    const [report] = await t.db.db.select().from(reports).where(eq(reports.targetId, messageId))
    assert.equal(report!.status, 'dismissed')
    assert.equal((await itemRow(t, itemId)).decision, 'dismissed:unfounded')
    const [entry] = await audits('moderation.decided', itemId)
    assert.deepEqual(entry!.details, { decision: 'dismissed', subject: 'message', dismissal: 'unfounded' })
    await t.app.services.worker.runDue()
    assert.ok(!smtp.messages.some((m) => m.to.includes('karim@exemple.test')), 'a dismissal mails no one')
  })

  it('refuses a decision on a version that changed since the page was read, and applies nothing', async () => {
    const { listing, itemId } = await heldListing(t, w)
    const camille = await w.client(w.camille)
    const opened = await camille.get(`${QUEUE}/${itemId}`)
    // A new report reaches the item meanwhile.
    await queueItem(t, w.territory, {
      subjectKind: 'listing',
      subjectId: listing.id,
      cause: 'report',
      priority: 1,
      report: true,
    })
    const res = await camille.post(`${QUEUE}/${itemId}/decision`, {
      version: versionOf(opened.body),
      decision: 'publish',
    })
    assert.equal(res.statusCode, 409)
    assert.match(page(res.body).text('[role=alert]'), /a changé depuis votre lecture/)
    assert.equal((await listingOf(listing.id)).status, 'held')
    assert.equal((await itemRow(t, itemId)).status, 'open')
  })

  it('lets exactly one of two moderators deciding at once win; the other reads who did', async () => {
    const { listing, itemId } = await heldListing(t, w)
    const version = String((await itemRow(t, itemId)).version)
    const [camille, dominique] = await Promise.all([w.client(w.camille), w.client(w.dominique)])
    const form = { version, decision: 'reject', reason: 'commerce', explanation: 'Pas de prix.' }
    const results = await Promise.all([
      camille.post(`${QUEUE}/${itemId}/decision`, form),
      dominique.post(`${QUEUE}/${itemId}/decision`, form),
    ])
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 409])
    const loser = results.find((r) => r.statusCode === 409)!
    assert.match(
      page(loser.body).text('[role=alert]'),
      /Cet élément a déjà été traité par (Camille|Dominique)/,
    )
    assert.equal((await sanctionsOf(w.jeanne.id)).filter((s) => s.itemId === itemId).length, 1)
    assert.equal((await audits('listing.rejected', listing.id)).length, 1)
  })

  it('refuses to sanction oneself or a staff member of equal or higher rank; an administrator may', async () => {
    const aboutCamille = await queueItem(t, w.territory, {
      subjectKind: 'account',
      subjectId: w.camille.id,
      accountId: w.camille.id,
      cause: 'report',
    })
    const warn = { decision: 'warn', reason: 'abuse', explanation: 'Restez courtois.' }
    const self = await decide(w.camille, aboutCamille, warn)
    assert.equal(self.statusCode, 409)
    assert.match(
      page(self.body).text('[role=alert]'),
      /Vous ne pouvez pas prendre de décision vous concernant/,
    )
    t.clock.advance(16 * 60_000)
    const peer = await decide(w.dominique, aboutCamille, warn)
    assert.equal(peer.statusCode, 409)
    assert.match(page(peer.body).text('[role=alert]'), /de rang égal ou supérieur/)
    assert.equal((await sanctionsOf(w.camille.id)).length, 0)
    const aboutAdmin = await queueItem(t, w.territory, {
      subjectKind: 'account',
      subjectId: w.admin.id,
      accountId: w.admin.id,
      cause: 'report',
    })
    assert.equal((await decide(w.camille, aboutAdmin, warn)).statusCode, 409)
    t.clock.advance(16 * 60_000)
    assert.equal((await decide(w.admin, aboutCamille, warn)).statusCode, 303)
    assert.equal((await sanctionsOf(w.camille.id))[0]!.kind, 'warn')
  })

  it('needs a reason and the moderator’s words for a sanction, a length for a suspension; says so in French', async () => {
    const itemId = await queueItem(t, w.territory, {
      subjectKind: 'account',
      subjectId: w.jeanne.id,
      accountId: w.jeanne.id,
      cause: 'report',
    })
    const res = await decide(w.camille, itemId, {
      decision: 'suspend',
      reason: '',
      explanation: ' ',
      days: '2',
    })
    assert.equal(res.statusCode, 400)
    assert.deepEqual(
      page(res.body)
        .errorSummary()
        .map((e) => e.text),
      [
        'Choisissez le motif de la décision dans la liste.',
        'Écrivez votre explication à la personne.',
        'Choisissez la durée de la suspension : 1, 3, 7 ou 30 jours.',
      ],
    )
    assert.equal((await itemRow(t, itemId)).status, 'open')
    const noCsrf = await (await w.client(w.camille)).post(
      `${QUEUE}/${itemId}/decision`,
      { decision: 'dismiss', version: '1' },
      { withoutCsrf: true },
    )
    assert.equal(noCsrf.statusCode, 403)
    assert.equal((await itemRow(t, itemId)).status, 'open')
  })
})
