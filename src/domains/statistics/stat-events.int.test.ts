import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { changeListing, makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import { makeOrganisation, postMission, verifyVolunteer } from '../../../test/helpers/missions.ts'
import { assertCaughtUp, lived, statEventsOf, statEventsOfKind } from '../../../test/helpers/statistics.ts'
import { actorKey } from '../../platform/statistics/record-stat.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { writeStatEvents } from './stat-backfill.ts'

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

  it('catches up exactly the events the live writes made, and a second run adds nothing', async () => {
    await assertCaughtUp(t, calvados.id)
  })
})
