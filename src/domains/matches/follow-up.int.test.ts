import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { changeListing, makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { notifications } from '../../../test/helpers/tables.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { FOLLOW_UP_JOB, runFollowUps, scheduleFollowUpJobs } from './follow-up.jobs.ts'
import { listingFollowUps, matches } from './match.schema.ts'

type Account = Awaited<ReturnType<typeof makeAccount>>
const ADMIN_LIST = '/administration/demandes-sans-reponse'

describe('follow-ups: silent matches are reminded, unanswered asks get tips and a coordinator’s eye', () => {
  let t: TestApp
  let calvados: Territory
  const host = () => calvados.hostnames[0]!

  /** Runs the recurring job as the server's worker would, after its quarter of an hour. */
  async function runJob() {
    t.clock.advance('15 minutes')
    await t.app.services.worker.runDue()
  }
  const notificationsOf = (account: Account, type: string) =>
    t.db.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.accountId, account.id), eq(notifications.type, type)))

  async function insertMatch(
    listingId: string,
    author: Account,
    responder: Account,
    status = 'pending' as const,
  ) {
    const now = t.clock.now()
    const id = t.app.services.ids()
    await t.db.db.insert(matches).values({
      id,
      territoryId: calvados.id,
      listingId,
      authorId: author.id,
      responderId: responder.id,
      status,
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
    })
    return id
  }
  const followUp = async (listingId: string) =>
    (await t.db.db.select().from(listingFollowUps).where(eq(listingFollowUps.listingId, listingId)))[0]

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    await scheduleFollowUpJobs(t.app.services)
  })
  after(() => t.close())

  it('runs every quarter of an hour, as one recurring job', async () => {
    const before = (await t.app.services.jobs.listByName(FOLLOW_UP_JOB)).length
    await runJob()
    await runJob()
    assert.equal((await t.app.services.jobs.listByName(FOLLOW_UP_JOB)).length, before + 2)
  })

  it('reminds both parties of a match silent for 7 days, once per silence', async () => {
    const author = await makeAccount(t, calvados, { displayName: 'Annie' })
    const responder = await makeAccount(t, calvados, { displayName: 'Bruno' })
    const listing = await makeListing(t, calvados, author, { title: 'Courses <b>du samedi</b>' })
    const matchId = await insertMatch(listing.id, author, responder)
    // A response exists: the ask itself is never flagged as unanswered.
    t.clock.advance('6 days')
    await runJob()
    assert.equal((await notificationsOf(author, 'match.inactive')).length, 0)

    t.clock.advance('1 days')
    await runJob()
    for (const person of [author, responder]) {
      const [sent, ...more] = await notificationsOf(person, 'match.inactive')
      assert.equal(more.length, 0)
      assert.equal(sent?.link, `/mises-en-relation/${matchId}`)
      assert.deepEqual(sent?.params, { title: 'Courses <b>du samedi</b>' })
      const mails = await outboxMails(t, person.email)
      assert.equal(mails.length, 1)
      assert.match(mails[0]!.subject, /Pas de nouvelles depuis 7 jours pour « Courses <b>du samedi<\/b> »/)
      assert.match(mails[0]!.text, new RegExp(`/mises-en-relation/${matchId}`))
    }
    const [row] = await t.db.db.select().from(matches).where(eq(matches.id, matchId))
    assert.ok(row?.remindedAt)

    // Still silent: nothing more, however many runs.
    t.clock.advance('3 days')
    await runJob()
    await runJob()
    assert.equal((await notificationsOf(author, 'match.inactive')).length, 1)
    assert.equal((await outboxMails(t, responder.email)).length, 1)

    // A message wakes it up; a new week of silence brings one new reminder.
    await t.db.db.update(matches).set({ lastActivityAt: t.clock.now() }).where(eq(matches.id, matchId))
    t.clock.advance('7 days')
    await runJob()
    await runJob()
    assert.equal((await notificationsOf(author, 'match.inactive')).length, 2)
    assert.equal((await notificationsOf(responder, 'match.inactive')).length, 2)

    // An ended match is left alone.
    await t.db.db
      .update(matches)
      .set({ status: 'done', lastActivityAt: t.clock.now() })
      .where(eq(matches.id, matchId))
    t.clock.advance('8 days')
    await runJob()
    assert.equal((await notificationsOf(author, 'match.inactive')).length, 2)
  })

  it('closes the responses still waiting when their listing ends, tells the responder once, not for an expired one', async () => {
    const author = await makeAccount(t, calvados, { displayName: 'Annie' })
    const waiting = await makeAccount(t, calvados, { displayName: 'Bruno' })
    const accepted = await makeAccount(t, calvados, { displayName: 'Chloé' })
    const fulfilled = await makeListing(t, calvados, author, { title: 'Porter le bois' })
    const expired = await makeListing(t, calvados, author, { title: 'Tondre la pelouse' })
    const pendingId = await insertMatch(fulfilled.id, author, waiting)
    const acceptedId = await insertMatch(fulfilled.id, author, accepted, 'accepted' as 'pending')
    const renewableId = await insertMatch(expired.id, author, waiting)
    const where = { territoryId: calvados.id, statuses: ['published'] as const }
    await changeListing(t.db.db, { ...where, id: fulfilled.id }, { status: 'fulfilled' })
    await changeListing(t.db.db, { ...where, id: expired.id }, { status: 'expired' })

    await runJob()
    const statusOf = async (id: string) => (await t.db.db.select().from(matches).where(eq(matches.id, id)))[0]
    const closed = await statusOf(pendingId)
    assert.equal(closed?.status, 'declined')
    assert.equal(closed?.endedBy, null)
    assert.equal((await statusOf(acceptedId))?.status, 'accepted')
    assert.equal((await statusOf(renewableId))?.status, 'pending')
    const told = await notificationsOf(waiting, 'match.listingEnded')
    assert.equal(told.length, 1)
    assert.equal(told[0]?.params.title, 'Porter le bois')
    assert.equal((await notificationsOf(accepted, 'match.listingEnded')).length, 0)

    // The responder reads why on the match page; a second run tells no one again.
    const client = await new Client(t, host()).signInDirectly(waiting)
    const matchPage = page((await client.get(`/mises-en-relation/${pendingId}`)).body)
    assert.match(
      matchPage.text('main'),
      /L’annonce n’est plus ouverte : cette réponse a été close sans décision/,
    )
    await runJob()
    assert.equal((await notificationsOf(waiting, 'match.listingEnded')).length, 1)
  })

  it('reminds once even when two runs of the job overlap', async () => {
    const author = await makeAccount(t, calvados)
    const responder = await makeAccount(t, calvados)
    const listing = await makeListing(t, calvados, author)
    await insertMatch(listing.id, author, responder, 'accepted' as never)
    t.clock.advance('8 days')
    await Promise.all([runFollowUps(t.app.services), runFollowUps(t.app.services)])
    assert.equal((await notificationsOf(author, 'match.inactive')).length, 1)
    assert.equal((await notificationsOf(responder, 'match.inactive')).length, 1)
  })

  describe('asks without response', () => {
    let author: Account
    let coordinator: Client
    before(async () => {
      author = await makeAccount(t, calvados, { displayName: 'Odette Attente', email: 'odette@exemple.test' })
      const coord = await makeAccount(t, calvados, { roles: ['coordinator'] })
      coordinator = await new Client(t, host()).signInDirectly(coord, { staff: true, secondFactor: true })
    })

    it('flags an ask after 48 hours and sends its author the tips once; not offers, not answered asks', async () => {
      const category = await makeCategory(t, calvados, { name: { fr: 'Courses', en: 'Shopping' } })
      const ask = await makeListing(t, calvados, author, {
        title: 'Aide pour mes courses',
        categoryId: category.id,
      })
      const offer = await makeListing(t, calvados, author, { kind: 'offer', title: 'Je prête ma perceuse' })
      const answered = await makeListing(t, calvados, author, { title: 'Déjà une réponse' })
      await insertMatch(answered.id, author, await makeAccount(t, calvados))
      const mailsBefore = (await outboxMails(t, author.email)).length

      t.clock.advance('47 hours')
      await runJob()
      assert.equal(await followUp(ask.id), undefined)

      t.clock.advance('1 hours')
      await runJob()
      const flag = await followUp(ask.id)
      assert.equal(flag?.territoryId, calvados.id)
      assert.ok(flag?.flaggedAt)
      assert.equal(flag?.resolvedAt, null)
      assert.equal(await followUp(offer.id), undefined)
      assert.equal(await followUp(answered.id), undefined)
      const [tip, ...more] = await notificationsOf(author, 'listing.noResponse')
      assert.equal(more.length, 0)
      assert.equal(tip?.link, '/conseils/demande-sans-reponse')
      assert.deepEqual(tip?.params, { title: 'Aide pour mes courses' })
      const mails = await outboxMails(t, author.email)
      assert.equal(mails.length, mailsBefore + 1)
      assert.match(
        mails[0]!.subject,
        /Votre demande « Aide pour mes courses » n’a pas encore reçu de réponse/,
      )
      assert.match(mails[0]!.text, /\/conseils\/demande-sans-reponse/)
      assert.equal(mails[0]!.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click')

      t.clock.advance('2 days')
      await runJob()
      await runJob()
      assert.equal((await notificationsOf(author, 'listing.noResponse')).length, 1)
      assert.equal((await outboxMails(t, author.email)).length, mailsBefore + 1)
    })

    it('resolves a follow-up when the ask gets its first response or is no longer published', async () => {
      const answeredLate = await makeListing(t, calvados, author, { title: 'Répondue tard' })
      const closedLate = await makeListing(t, calvados, author, { title: 'Close tard' })
      t.clock.advance('49 hours')
      await runJob()
      assert.ok(await followUp(answeredLate.id))
      assert.ok(await followUp(closedLate.id))

      await insertMatch(answeredLate.id, author, await makeAccount(t, calvados))
      await changeListing(
        t.db.db,
        { territoryId: calvados.id, id: closedLate.id, statuses: ['published'] },
        { status: 'closed' },
      )
      // The list checks the listing itself: both leave it at once, before the job runs.
      const coord = await makeAccount(t, calvados, { roles: ['coordinator'] })
      coordinator = await new Client(t, host()).signInDirectly(coord, { staff: true, secondFactor: true })
      const titles = page((await coordinator.get(ADMIN_LIST)).body).all('tbody th[scope=row]')
      assert.ok(!titles.includes('Répondue tard'))
      assert.ok(!titles.includes('Close tard'))

      await runJob()
      assert.equal((await followUp(answeredLate.id))?.resolvedAt?.getTime(), t.clock.now().getTime())
      assert.ok((await followUp(closedLate.id))?.resolvedAt)
      // Resolved once: a later run does not flag them again.
      t.clock.advance('3 days')
      await runJob()
      assert.equal(
        (await notificationsOf(author, 'listing.noResponse')).filter(
          (n) => n.params.title === 'Répondue tard',
        ).length,
        1,
      )
    })

    it('shows the tips page to anyone, with the platform’s contact', async () => {
      const res = await new Client(t, host()).get('/conseils/demande-sans-reponse')
      assert.equal(res.statusCode, 200)
      const tips = page(res.body)
      assert.equal(tips.h1(), 'Votre demande n’a pas encore de réponse')
      assert.deepEqual(tips.all('main h2').slice(0, 3), [
        'Rendez-la plus claire',
        'Élargissez-la',
        'Parlez-en autour de vous',
      ])
      assert.match(tips.text('main'), /contact@calvados\.test/)
      assert.equal(tips.link('Modifier ma demande'), '/mes-annonces')
    })
  })
})
