import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  auditRows,
  caseCount,
  caseRow,
  eventCount,
  LINE,
  type PhoneWorld,
  peopleCount,
  personRow,
  phoneWorld,
  postAsk,
  recordPerson,
  setLinePhone,
} from '../../../test/helpers/phone.ts'
import { matches } from '../../../test/helpers/tables.ts'
import { listings } from '../../schema.ts'
import { PersonService } from './person.service.ts'

/** Every route of the line, as the people who must not use it: nothing shown, nothing changed. */
describe('the phone line’s doors', () => {
  let t: TestApp
  let w: PhoneWorld
  let personId = ''
  let caseId = ''
  let matchId = ''
  before(async () => {
    t = await buildTestApp()
    w = await phoneWorld(t)
    personId = await recordPerson(w)
    caseId = await postAsk(w, personId)
    const listingId = (await caseRow(t, caseId))!.listingId!
    const karim = await new Client(t, w.host).signInDirectly(w.karim)
    const res = await karim.post(`/annonces/${listingId}/repondre`, {
      message: 'Je peux aider.',
      shares: ['email'],
    })
    matchId = /mises-en-relation\/([0-9a-f-]+)/.exec(res.headers.location as string)![1]!
  })
  after(() => t.close())

  const gets = () => [
    LINE,
    `${LINE}/personnes/nouvelle`,
    `${LINE}/personnes/${personId}`,
    `${LINE}/personnes/${personId}/modifier`,
    `${LINE}/personnes/${personId}/demande`,
    `${LINE}/dossiers/${caseId}`,
    `${LINE}/reglages`,
  ]
  const posts = (): [string, Record<string, string>][] => [
    [`${LINE}/recherche`, { name: 'lefevre' }],
    [
      `${LINE}/personnes`,
      { firstName: 'A', lastName: 'B', phone: '0261910000', commune: 'Caen', consentWording: 'oui' },
    ],
    [`${LINE}/personnes/${personId}/modifier`, { firstName: 'Autre' }],
    [`${LINE}/personnes/${personId}/retrait`, { reason: 'asked' }],
    [`${LINE}/personnes/${personId}/compte`, { email: 'personne@exemple.test' }],
    [`${LINE}/personnes/${personId}/demande`, { title: 'x' }],
    [`${LINE}/dossiers/${caseId}/appel`, { direction: 'out', result: 'reached' }],
    [`${LINE}/dossiers/${caseId}/note`, { noteText: 'x' }],
    [`${LINE}/dossiers/${caseId}/reponses/${matchId}/accepter`, {}],
    [`${LINE}/dossiers/${caseId}/reponses/${matchId}/decliner`, {}],
    [`${LINE}/dossiers/${caseId}/cloture`, { outcome: 'helped' }],
    [`${LINE}/dossiers/${caseId}/reouverture`, {}],
    [`${LINE}/reglages`, { delay: '5', consentWording: '' }],
  ]

  const snapshot = async () => ({
    people: await peopleCount(t),
    cases: await caseCount(t),
    events: await eventCount(t),
    viewed: (await auditRows(t, 'phone.person-viewed')).length,
    person: await personRow(t, personId),
    case: await caseRow(t, caseId),
    match: (await t.db.db.select().from(matches).where(eq(matches.id, matchId)))[0]?.status,
    listings: await t.db.db.$count(listings),
  })

  it('sends a visitor to sign in, refuses a resident and a moderator (403), changes nothing', async () => {
    const before = await snapshot()
    const who: [string, Client][] = [
      ['visitor', await w.client(null)],
      ['resident', await new Client(t, w.host).signInDirectly(w.karim)],
      ['moderator', await w.client(w.moderator)],
      [
        'agent without the second factor',
        await new Client(t, w.host).signInDirectly(w.agent, { staff: true }),
      ],
    ]
    for (const [name, client] of who) {
      for (const url of gets()) {
        const res = await client.get(url)
        assert.ok([302, 303, 401, 403].includes(res.statusCode), `${name} GET ${url}: ${res.statusCode}`)
        assert.doesNotMatch(res.body, /Lefèvre|02 31 92/, `${name} GET ${url}`)
      }
      for (const [url, form] of posts()) {
        const res = await client.post(url, form)
        assert.ok([401, 403].includes(res.statusCode), `${name} POST ${url}: ${res.statusCode}`)
      }
    }
    assert.deepEqual(await snapshot(), before)
  })

  it('refuses another territory’s agent at her own address, and finds nothing of this one at hers', async () => {
    const before = await snapshot()
    const onCalvados = await new Client(t, w.host).signInDirectly(w.mancheAgent, {
      secondFactor: true,
      staff: true,
    })
    for (const url of gets()) {
      const res = await onCalvados.get(url)
      assert.ok([302, 303, 401, 403].includes(res.statusCode), `GET ${url}: ${res.statusCode}`)
    }
    const manche = await w.client(w.mancheAgent, w.manche.hostnames[0])
    for (const url of gets().filter((u) => u.includes(personId) || u.includes(caseId))) {
      const res = await manche.get(url)
      assert.equal(res.statusCode, 404, `GET ${url} in the Manche`)
      assert.doesNotMatch(res.body, /Lefèvre/)
    }
    for (const [url, form] of posts().filter(([u]) => u.includes(personId) || u.includes(caseId))) {
      const res = await manche.post(url, form)
      assert.equal(res.statusCode, 404, `POST ${url} in the Manche`)
    }
    const search = await manche.post(`${LINE}/recherche`, { name: 'lefevre' })
    assert.doesNotMatch(search.body, /Lefèvre/)
    assert.deepEqual(await snapshot(), before)
  })

  it('opens the settings to administrators only', async () => {
    assert.equal((await (await w.client(w.agent)).get(`${LINE}/reglages`)).statusCode, 403)
    assert.equal((await (await w.client(w.coordinator)).get(`${LINE}/reglages`)).statusCode, 403)
    assert.equal((await (await w.client(w.coordinator)).get(LINE)).statusCode, 200)
    const admin = await w.client(w.admin)
    assert.equal((await admin.post(`${LINE}/reglages`, { delay: '0', consentWording: '' })).statusCode, 400)
    assert.equal((await admin.post(`${LINE}/reglages`, { delay: '721', consentWording: '' })).statusCode, 400)
    const saved = await admin.post(`${LINE}/reglages`, { delay: '1', consentWording: 'Texte du Calvados.' })
    assert.equal(saved.statusCode, 303)
    assert.equal((await auditRows(t, 'phone.settings-changed')).length, 1)
    const form = await (await w.client(w.agent)).get(`${LINE}/personnes/nouvelle`)
    assert.match(form.body, /Texte du Calvados\./)
  })

  it('accepts one response when two agents accept two at once', async () => {
    const listingId = (await caseRow(t, caseId))!.listingId!
    const lea = await new Client(t, w.host).signInDirectly(w.lea)
    const res = await lea.post(`/annonces/${listingId}/repondre`, {
      message: 'Moi aussi.',
      shares: ['email'],
    })
    const second = /mises-en-relation\/([0-9a-f-]+)/.exec(res.headers.location as string)![1]!
    const [a, b] = await Promise.all([
      (await w.client(w.agent)).post(`${LINE}/dossiers/${caseId}/reponses/${matchId}/accepter`, {}),
      (await w.client(w.agent2)).post(`${LINE}/dossiers/${caseId}/reponses/${second}/accepter`, {}),
    ])
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [303, 409])
    const accepted = await t.db.db.select().from(matches).where(eq(matches.status, 'accepted'))
    assert.equal(accepted.length, 1)
    const refused = a.statusCode === 409 ? a : b
    assert.match(refused.body, /déjà|plus possible|n’est plus ouverte|a déjà/)
  })

  it('relays the person’s own number when she chose it, and refuses the line’s when there is none', async () => {
    const own = await recordPerson(w, {
      firstName: 'Aïcha',
      lastName: 'N’Diaye',
      phone: '06 11 22 33 44',
      sharedContact: 'own-phone',
    })
    const ownCase = await postAsk(w, own)
    const line = await recordPerson(w, {
      firstName: 'Sean',
      lastName: "O'Brien",
      phone: '0033 2 61 91 11 22',
    })
    const lineCase = await postAsk(w, line)
    const respond = async (caseId: string) => {
      const listingId = (await caseRow(t, caseId))!.listingId!
      const karim = await new Client(t, w.host).signInDirectly(w.karim)
      const r = await karim.post(`/annonces/${listingId}/repondre`, {
        message: 'Je peux.',
        shares: ['email'],
      })
      return /mises-en-relation\/([0-9a-f-]+)/.exec(r.headers.location as string)![1]!
    }
    const m1 = await respond(ownCase)
    const m2 = await respond(lineCase)
    const agent = await w.client(w.agent)
    assert.equal(
      (await agent.post(`${LINE}/dossiers/${ownCase}/reponses/${m1}/accepter`, {})).statusCode,
      303,
    )
    const [r1] = await t.db.db.select().from(matches).where(eq(matches.id, m1))
    assert.equal(r1?.relayPhone, '+33611223344')
    assert.equal(r1?.relayName, 'Aïcha N.')
    await setLinePhone(t, w.calvados, null)
    const refused = await agent.post(`${LINE}/dossiers/${lineCase}/reponses/${m2}/accepter`, {})
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /le territoire n’en a pas/)
    const [r2] = await t.db.db.select().from(matches).where(eq(matches.id, m2))
    assert.equal(r2?.status, 'pending')
    const form = await agent.get(`${LINE}/personnes/nouvelle`)
    assert.match(form.body, /seul le numéro de la personne peut être transmis/)
    await setLinePhone(t, w.calvados, '+33231570000')
  })

  it('withdraws a consent in one transaction: hook run, cases closed, ask closed, record gone', async () => {
    const id = await recordPerson(w, { firstName: 'Paulette', lastName: 'Dubois', phone: '02 31 44 55 66' })
    const openCase = await postAsk(w, id)
    const listingId = (await caseRow(t, openCase))!.listingId!
    const calls: { personId: string; at: Date; inTransaction: boolean }[] = []
    const services = new PersonService(t.app.services, [
      async (tx, event) => {
        const closed = await tx.select().from(listings).where(eq(listings.id, listingId))
        calls.push({ personId: event.personId, at: event.at, inTransaction: closed[0]?.status === 'closed' })
      },
    ])
    const actor = await actorOf(w.agent.id)
    const bad = await services.withdrawConsent(actor, w.calvados, id, 'parce que')
    assert.equal(bad.kind, 'invalid')
    assert.equal((await personRow(t, id))?.consentWithdrawnAt, null)
    const result = await services.withdrawConsent(actor, w.calvados, id, 'asked')
    assert.equal(result.kind, 'saved')
    assert.deepEqual(
      calls.map((c) => [c.personId, c.inTransaction]),
      [[id, true]],
    )
    assert.ok((await personRow(t, id))?.consentWithdrawnAt)
    const c = await caseRow(t, openCase)
    assert.equal(c?.status, 'closed')
    assert.equal(c?.outcome, 'other')
    const [l] = await t.db.db.select().from(listings).where(eq(listings.id, listingId))
    assert.equal(l?.status, 'closed')
    const agent = await w.client(w.agent)
    assert.equal((await agent.get(`${LINE}/personnes/${id}`)).statusCode, 404)
    assert.doesNotMatch((await agent.get(LINE)).body, /Paulette/)
    assert.doesNotMatch((await agent.post(`${LINE}/recherche`, { name: 'dubois' })).body, /Paulette/)
    assert.equal((await auditRows(t, 'phone.consent-withdrawn')).at(-1)?.details.reason, 'asked')
  })

  it('rolls the whole withdrawal back when a hook fails', async () => {
    const id = await recordPerson(w, { firstName: 'Louis', lastName: 'Hébert', phone: '02 31 44 55 77' })
    const openCase = await postAsk(w, id)
    const failing = new PersonService(t.app.services, [
      async () => {
        throw new Error('the calls could not end')
      },
    ])
    await assert.rejects(failing.withdrawConsent(await actorOf(w.agent.id), w.calvados, id, 'asked'))
    assert.equal((await personRow(t, id))?.consentWithdrawnAt, null)
    assert.equal((await caseRow(t, openCase))?.status, 'open')
  })

  it('withdraws through the page, and says so on the queue', async () => {
    const id = await recordPerson(w, { firstName: 'Rose', lastName: 'Lenoir', phone: '02 31 44 55 88' })
    const agent = await w.client(w.agent)
    const missing = await agent.post(`${LINE}/personnes/${id}/retrait`, { reason: '' })
    assert.equal(missing.statusCode, 400)
    assert.match(missing.body, /Choisissez le motif du retrait/)
    const res = await agent.post(`${LINE}/personnes/${id}/retrait`, { reason: 'moved' })
    assert.equal(res.statusCode, 303)
    const queue = await agent.get(res.headers.location as string)
    assert.match(queue.body, /Le consentement est retiré/)
  })

  async function actorOf(accountId: string) {
    const { makeActor } = await import('../../../test/helpers/actors.ts')
    const { accountCard } = await import('../accounts/index.ts')
    const card = await accountCard(t.db.db, accountId)
    return makeActor({ accountId, displayName: card!.displayName, roles: ['agent'], secondFactor: true })
  }
})
