import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { callsWorld } from '../../../test/helpers/calls.ts'
import { campaignWorld, declareCapacity, recordBatch } from '../../../test/helpers/campaigns.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { changeListing, makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import { makeOrganisation, postMission, verifyVolunteer } from '../../../test/helpers/missions.ts'
import { needsWorld, postNeed } from '../../../test/helpers/needs.ts'
import { organisationForm, organisationWorld } from '../../../test/helpers/organisations.ts'
import { LINE, phoneWorld, postAsk, recordPerson } from '../../../test/helpers/phone.ts'
import { statEventsOf, statEventsOfKind } from '../../../test/helpers/statistics.ts'
import { actorKey } from '../../platform/statistics/record-stat.ts'
import { statEvents } from '../../platform/statistics/stat-event.schema.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountByEmail } from '../accounts/index.ts'
import { writeStatEvents } from './stat-backfill.ts'

type Events = Awaited<ReturnType<typeof statEventsOf>>

/**
 * The test factories write accounts and organisations straight to their tables, around sign-up and
 * creation: only the catch-up writes their events, so comparisons leave them out.
 */
const lived = (events: Events) =>
  events.filter((e) => !['account.created', 'organisation.created', 'organisation.verified'].includes(e.kind))

/** What a catch-up writes for a territory: its events removed, then written again from the rows. */
async function rebuilt(t: TestApp, territoryId: string) {
  await t.db.db.delete(statEvents).where(eq(statEvents.territoryId, territoryId))
  await writeStatEvents(t.db.db)
  return statEventsOf(t.db.db, territoryId)
}

/** The catch-up writes what the live writes wrote (and a second run adds nothing). */
async function assertCaughtUp(t: TestApp, territoryId: string) {
  const live = await statEventsOf(t.db.db, territoryId)
  const caughtUp = await rebuilt(t, territoryId)
  assert.deepEqual(lived(caughtUp), lived(live), 'the catch-up writes the same events as the live writes')
  await writeStatEvents(t.db.db)
  assert.deepEqual(await statEventsOf(t.db.db, territoryId), caughtUp, 'a second run adds nothing')
}

describe('statistics: every domain writes what happened, once, with the change it counts', () => {
  let t: TestApp
  let calvados: Territory
  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-03-16T09:00:00Z')
    calvados = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  it('counts an ask posted, its response and the help confirmed, with the helper as a one-way key', async () => {
    const host = calvados.hostnames[0]!
    const author = await makeAccount(t, calvados)
    const helper = await makeAccount(t, calvados)
    const category = await makeCategory(t, calvados)
    const authorClient = await new Client(t, host).signInDirectly(author)
    const posted = await authorClient.post('/annonces/nouvelle', {
      kind: 'ask',
      categoryId: category.id,
      title: 'Courses pour ma voisine',
      description: 'Elle ne peut plus porter ses sacs.',
      commune: 'Bayeux (14400)',
      whenKind: 'flexible',
      urgency: 'week',
      forWhom: 'self',
      charter: 'oui',
    })
    assert.equal(posted.statusCode, 303)
    const listingId = /\/annonces\/([0-9a-f-]+)/.exec(posted.headers.location as string)![1]!
    const [ask] = await statEventsOfKind(t.db.db, calvados.id, 'ask.posted')
    assert.deepEqual(ask, {
      territoryId: calvados.id,
      kind: 'ask.posted',
      subjectId: listingId,
      occurredAt: t.clock.now(),
      communeInsee: '14047',
      categoryId: category.id,
      actorKey: null,
      quantity: 1,
      outcome: null,
      dedupeKey: `ask.posted:${listingId}`,
    })

    t.clock.advance(3600_000)
    const helperClient = await new Client(t, host).signInDirectly(helper)
    const responded = await helperClient.post(`/annonces/${listingId}/repondre`, {
      message: 'Je passe samedi matin.',
    })
    assert.equal(responded.statusCode, 303)
    const matchId = /\/mises-en-relation\/([0-9a-f-]+)/.exec(responded.headers.location as string)![1]!
    const key = actorKey(calvados.id, helper.id)
    const [response] = await statEventsOfKind(t.db.db, calvados.id, 'listing.responded')
    assert.equal(response?.subjectId, listingId, 'about the listing, not the match')
    assert.equal(response?.actorKey, key)
    assert.equal(response?.dedupeKey, `listing.responded:${matchId}`)
    assert.deepEqual(response?.occurredAt, t.clock.now())

    assert.equal((await authorClient.post(`/mises-en-relation/${matchId}/accepter`, {})).statusCode, 303)
    t.clock.advance(86_400_000)
    assert.equal((await authorClient.post(`/mises-en-relation/${matchId}/confirmer`, {})).statusCode, 303)
    const [fulfilled] = await statEventsOfKind(t.db.db, calvados.id, 'listing.fulfilled')
    assert.equal(fulfilled?.subjectId, listingId)
    assert.equal(fulfilled?.actorKey, key)
    assert.deepEqual(fulfilled?.occurredAt, t.clock.now())

    const all = await statEventsOf(t.db.db, calvados.id)
    for (const event of all) {
      assert.notEqual(event.actorKey, helper.id, 'never an account id')
      assert.notEqual(event.subjectId, helper.id)
      assert.notEqual(event.subjectId, author.id)
    }
    // Retried or caught up again: still one of each.
    await writeStatEvents(t.db.db)
    assert.deepEqual(lived(await statEventsOf(t.db.db, calvados.id)), lived(all))
  })

  it('counts the helper of an offer: its author, not the person who answered it', async () => {
    const author = await makeAccount(t, calvados)
    const asker = await makeAccount(t, calvados)
    const offer = await makeListing(t, calvados, author, { kind: 'offer' })
    const client = await new Client(t, calvados.hostnames[0]!).signInDirectly(asker)
    const res = await client.post(`/annonces/${offer.id}/repondre`, { message: 'Ça m’intéresse.' })
    assert.equal(res.statusCode, 303)
    const events = await statEventsOf(t.db.db, calvados.id)
    assert.equal(events.filter((e) => e.kind === 'offer.posted' && e.subjectId === offer.id).length, 1)
    const response = events.find((e) => e.kind === 'listing.responded' && e.subjectId === offer.id)
    assert.equal(response?.actorKey, actorKey(calvados.id, author.id))
  })

  it('counts a held listing as posted when a moderator publishes it, at that time', async () => {
    const author = await makeAccount(t, calvados)
    const listing = await makeListing(t, calvados, author, { status: 'held', holdReasons: ['price'] })
    assert.equal(
      (await statEventsOf(t.db.db, calvados.id)).filter((e) => e.subjectId === listing.id).length,
      0,
    )
    t.clock.advance(7200_000)
    const moderator = await makeAccount(t, calvados, { roles: ['moderator'] })
    const client = await new Client(t, calvados.hostnames[0]!).signInDirectly(moderator, {
      staff: true,
      secondFactor: true,
    })
    const res = await client.post(`/administration/annonces-retenues/${listing.id}/publier`, {})
    assert.ok([200, 303].includes(res.statusCode), `publishing answered ${res.statusCode}`)
    const posted = (await statEventsOf(t.db.db, calvados.id)).filter((e) => e.subjectId === listing.id)
    assert.equal(posted.length, 1)
    assert.deepEqual(posted[0]?.occurredAt, t.clock.now())
  })

  it('writes nothing when the transaction of the change rolls back', async () => {
    const author = await makeAccount(t, calvados)
    const held = await makeListing(t, calvados, author, { status: 'held', holdReasons: ['price'] })
    const now = t.clock.now()
    await assert.rejects(
      t.db.db.transaction(async (tx) => {
        const published = await changeListing(
          tx,
          { territoryId: calvados.id, id: held.id, statuses: ['held'] },
          { status: 'published', publishedAt: now, updatedAt: now },
        )
        assert.ok(published)
        assert.equal((await statEventsOf(tx, calvados.id)).filter((e) => e.subjectId === held.id).length, 1)
        throw new Error('annulé')
      }),
      /annulé/,
    )
    assert.equal((await statEventsOf(t.db.db, calvados.id)).filter((e) => e.subjectId === held.id).length, 0)
  })

  it('counts a mission posted and each slot taken; a withdrawal deletes nothing', async () => {
    const org = await makeOrganisation(t, calvados)
    const { mission, slots } = await postMission(t, calvados, org, [
      { date: '2026-04-04', start: '09:00', end: '12:00', places: '3' },
    ])
    const volunteer = await makeAccount(t, calvados)
    await verifyVolunteer(t, calvados, volunteer.id)
    const client = await new Client(t, calvados.hostnames[0]!).signInDirectly(volunteer)
    const res = await client.post(`/missions/${mission.id}/inscription`, { creneau: slots[0]!.id })
    assert.equal(res.statusCode, 303)
    const events = (await statEventsOf(t.db.db, calvados.id)).filter((e) => e.subjectId === mission.id)
    assert.deepEqual(
      events.map((e) => [e.kind, e.communeInsee, e.categoryId, e.actorKey]),
      [
        ['mission.posted', mission.communeInsee, mission.categoryId, null],
        [
          'mission.slot-filled',
          mission.communeInsee,
          mission.categoryId,
          actorKey(calvados.id, volunteer.id),
        ],
      ],
    )
  })

  it('counts the phone line: a case opened with its relayed ask, then closed with its outcome', async () => {
    const w = await phoneWorld(t)
    const personId = await recordPerson(w)
    const caseId = await postAsk(w, personId)
    const agent = await w.client(w.agent)
    const closed = await agent.post(`${LINE}/dossiers/${caseId}/cloture`, {
      outcome: 'helped',
      closingNote: '',
    })
    assert.equal(closed.statusCode, 303)
    const events = await statEventsOf(t.db.db, w.calvados.id)
    assert.deepEqual(
      events.filter((e) => e.subjectId === caseId).map((e) => [e.kind, e.outcome, e.communeInsee]),
      [
        ['phone-case.closed', 'helped', events.find((e) => e.kind === 'phone-case.opened')?.communeInsee],
        ['phone-case.opened', null, events.find((e) => e.kind === 'phone-case.opened')?.communeInsee],
      ],
    )
    assert.equal(events.filter((e) => e.kind === 'ask.posted').length, 1, 'the ask posted for the person')
    await assertCaughtUp(t, w.calvados.id)
  })

  it('counts a call with its outcome and the caller as a one-way key', async () => {
    const w = await callsWorld(t)
    const registration = await w.registerByAgent()
    assert.equal((await w.pair(registration.id, w.accounts.karim)).statusCode, 303)
    const res = await w.clients.karim.post(`/appels-de-convivialite/personnes/${registration.id}/appel`, {
      outcome: 'ok',
    })
    assert.equal(res.statusCode, 303)
    const calls = await statEventsOfKind(t.db.db, w.territory.id, 'call.made')
    assert.equal(calls.length, 1)
    assert.equal(calls[0]?.outcome, 'ok')
    assert.equal(calls[0]?.actorKey, actorKey(w.territory.id, w.accounts.karim.id))
    assert.ok(calls[0]?.communeInsee, 'the commune of the person called')
    await assertCaughtUp(t, w.territory.id)
  })

  it('counts a need posted and a batch received, with its quantity', async () => {
    const n = await needsWorld(t)
    const needId = await postNeed(n)
    const needs = await statEventsOfKind(t.db.db, n.calvados.id, 'need.posted')
    assert.deepEqual(
      needs.map((e) => e.subjectId),
      [needId],
    )
    const c = await campaignWorld(t)
    await declareCapacity(c, c.maker)
    const batchId = await recordBatch(t, c, c.maker, { quantity: '40' })
    const staff = await c.staffClient()
    const res = await staff.post(`/collectes/${c.campaignId}/gestion/lots/${batchId}/confirmer`, {
      received: '',
    })
    assert.equal(res.statusCode, 303)
    const made = await statEventsOfKind(t.db.db, c.calvados.id, 'campaign.made')
    assert.deepEqual(
      made.map((e) => [e.subjectId, e.quantity, e.communeInsee]),
      [[c.campaignId, 40, '14047']],
    )
    await assertCaughtUp(t, n.calvados.id)
    await assertCaughtUp(t, c.calvados.id)
  })

  it('counts a resident signing up by commune, with no subject and no account id', async () => {
    const w = await organisationWorld(t, 'bilan-inscription')
    const res = await w.visitor().post('/inscription', {
      displayName: 'Nouvelle Habitante',
      email: 'nouvelle.habitante@exemple.test',
      password: 'une phrase de passe assez longue pour essayer',
      commune: 'Bayeux',
      phone: '',
      charter: 'oui',
      privacy: 'oui',
    })
    assert.equal(res.statusCode, 303)
    const account = await accountByEmail(t.db.db, 'nouvelle.habitante@exemple.test')
    const created = await statEventsOfKind(t.db.db, w.calvados.id, 'account.created')
    assert.deepEqual(
      created.map((e) => [e.subjectId, e.communeInsee, e.actorKey, e.dedupeKey, e.occurredAt]),
      [[null, '14047', null, `account.created:${actorKey(w.calvados.id, account!.id)}`, t.clock.now()]],
    )
    assert.ok(!created[0]!.dedupeKey!.includes(account!.id))
  })

  it('counts an organisation registered, then verified by staff', async () => {
    const w = await organisationWorld(t, 'bilan-organisation')
    const { client } = await w.signedIn()
    const res = await client.post('/organisations/nouvelle', organisationForm())
    assert.equal(res.statusCode, 303)
    const id = /\/organisations\/([\w-]+)\?fait=creee/.exec(res.headers.location as string)![1]!
    t.clock.advance(86_400_000)
    const { client: moderator } = await w.staff()
    const verified = await moderator.post(`/administration/organisations/${id}/decision`, {
      decision: 'verify',
    })
    assert.equal(verified.statusCode, 303)
    const events = (await statEventsOf(t.db.db, w.calvados.id)).filter((e) => e.subjectId === id)
    assert.deepEqual(
      events.map((e) => [e.kind, e.communeInsee, e.occurredAt.getTime()]),
      [
        ['organisation.created', '14047', t.clock.now().getTime() - 86_400_000],
        ['organisation.verified', '14047', t.clock.now().getTime()],
      ],
    )
    const live = await statEventsOf(t.db.db, w.calvados.id)
    const caughtUp = await rebuilt(t, w.calvados.id)
    assert.deepEqual(
      caughtUp.filter((e) => e.subjectId === id),
      live.filter((e) => e.subjectId === id),
    )
  })

  it('catches up exactly the events the live writes made, and a second run adds nothing', async () => {
    await assertCaughtUp(t, calvados.id)
  })
})
