import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { callsWorld } from '../../../test/helpers/calls.ts'
import { campaignWorld, declareCapacity, recordBatch } from '../../../test/helpers/campaigns.ts'
import { needsWorld, postNeed } from '../../../test/helpers/needs.ts'
import { organisationForm, organisationWorld } from '../../../test/helpers/organisations.ts'
import { LINE, phoneWorld, postAsk, recordPerson } from '../../../test/helpers/phone.ts'
import { assertCaughtUp, rebuilt, statEventsOf, statEventsOfKind } from '../../../test/helpers/statistics.ts'
import { actorKey } from '../../platform/statistics/record-stat.ts'
import { accountByEmail } from '../accounts/index.ts'

describe('statistics: organisations, sign-ups, needs, campaigns, calls and the phone line write what happened', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-03-16T09:00:00Z')
  })
  after(() => t.close())

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
})
