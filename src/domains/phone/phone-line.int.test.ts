import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  auditRows,
  caseEventRows,
  caseRow,
  LINE,
  type PhoneWorld,
  personRow,
  phoneWorld,
  postAsk,
  recordPerson,
} from '../../../test/helpers/phone.ts'
import { matches } from '../../../test/helpers/tables.ts'
import { listings } from '../../schema.ts'

/**
 * Issue 13's first journey through HTTP: an agent records Mme Lefèvre, finds her again by name and
 * number, posts her ask; Karim responds; the response waits on the queue; the agent calls her and
 * accepts for her; Karim gets the line's number, never the agent's; the case closes.
 */
describe('the phone line: a person without an account, her ask, a response decided for her', () => {
  let t: TestApp
  let w: PhoneWorld
  let personId = ''
  let caseId = ''
  let listingId = ''
  let matchId = ''
  before(async () => {
    t = await buildTestApp()
    w = await phoneWorld(t)
  })
  after(() => t.close())

  const resident = (account: { id: string; territoryId: string }) =>
    new Client(t, w.host).signInDirectly(account)

  it('records Mme Lefèvre with the consent read to her, audited', async () => {
    const agent = await w.client(w.agent)
    const form = page((await agent.get(`${LINE}/personnes/nouvelle`)).body)
    assert.equal(form.h1(), 'Enregistrer une personne')
    assert.match(
      (form.field('Consentement lu à la personne') as HTMLTextAreaElement | null)?.textContent ?? '',
      /Êtes-vous d’accord/,
    )
    personId = await recordPerson(w)
    const row = await personRow(t, personId)
    assert.equal(row?.phone, '+33231920001')
    assert.equal(row?.lastName, 'Lefèvre')
    assert.equal(row?.consentBy, w.agent.id)
    assert.equal(row?.sharedContact, 'line')
    assert.equal((await auditRows(t, 'phone.person-created')).length, 1)
  })

  it('shows her record with her number, and writes each reading to the log with its reason', async () => {
    const agent = await w.client(w.agent)
    const before = (await auditRows(t, 'phone.person-viewed')).length
    const res = await agent.get(`${LINE}/personnes/${personId}?motif=call-in&fait=personne`)
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.h1(), 'Jeanne Lefèvre')
    assert.match(p.text('main'), /02 31 92 00 01/)
    assert.match(p.text('main'), /La personne est enregistrée, avec son consentement/)
    const viewed = await auditRows(t, 'phone.person-viewed')
    assert.equal(viewed.length, before + 1)
    assert.deepEqual(viewed.at(-1)?.details, { reason: 'call-in', via: 'record' })
    assert.equal(viewed.at(-1)?.actorId, w.agent.id)
    // No reason given: « suivi du dossier ».
    await agent.get(`${LINE}/personnes/${personId}`)
    assert.equal((await auditRows(t, 'phone.person-viewed')).at(-1)?.details.reason, 'follow-up')
    // The edit form shows the number again: audited too.
    const edit = await agent.get(`${LINE}/personnes/${personId}/modifier`)
    assert.match(edit.body, /02 31 92 00 01/)
    assert.deepEqual((await auditRows(t, 'phone.person-viewed')).at(-1)?.details, {
      reason: 'follow-up',
      via: 'edit-form',
    })
  })

  it('finds her by « lefevre », by « 02.31.92.00.01 » and by her commune, through a POST', async () => {
    const agent = await w.client(w.agent)
    for (const form of [
      { name: 'lefevre', phone: '', commune: '' },
      { name: 'JEANNE LEFÈVRE', phone: '', commune: '' },
      { name: '', phone: '02.31.92.00.01', commune: '' },
      { name: '', phone: '+33 2 31 92 00 01', commune: '' },
      { name: '', phone: '', commune: 'Bayeux' },
    ]) {
      const res = await agent.post(`${LINE}/recherche`, form)
      assert.equal(res.statusCode, 200, JSON.stringify(form))
      assert.ok(page(res.body).all('main li a').includes('Jeanne Lefèvre'), JSON.stringify(form))
    }
    const none = page(
      (await agent.post(`${LINE}/recherche`, { name: 'dupont', phone: '', commune: '' })).body,
    )
    assert.match(none.text('main'), /Personnes trouvées : 0/)
    const empty = await agent.post(`${LINE}/recherche`, { name: '', phone: '', commune: '' })
    assert.equal(empty.statusCode, 400)
    assert.deepEqual(page(empty.body).errorSummary()[0]?.text, 'Indiquez un nom, un numéro ou une commune')
  })

  it('posts her ask: a relayed listing by the agent that names the line, never the agent', async () => {
    caseId = await postAsk(w, personId)
    const c = await caseRow(t, caseId)
    assert.equal(c?.origin, 'call')
    assert.equal(c?.status, 'open')
    listingId = c!.listingId!
    const [listing] = await t.db.db.select().from(listings).where(eq(listings.id, listingId))
    assert.equal(listing?.relayed, true)
    assert.equal(listing?.authorId, w.agent.id)
    assert.equal(listing?.onBehalfName, 'Jeanne')
    assert.equal(listing?.onBehalfRelation, 'accueil téléphonique')
    assert.equal(listing?.onBehalfConsent, true)
    assert.equal(listing?.status, 'published')
    const visitor = page((await (await w.client(null)).get(`/annonces/${listingId}`)).body)
    assert.match(visitor.text('main'), /Demande transmise par l’accueil téléphonique du Département/)
    assert.doesNotMatch(visitor.text('main'), /Sophie Agent/)
    const search = page((await (await w.client(null)).get('/annonces?words=courses')).body)
    assert.match(search.text('main'), /transmise par l’accueil téléphonique/)
    assert.doesNotMatch(search.text('main'), /Sophie/)
    assert.equal((await auditRows(t, 'phone.case-opened')).length, 1)
  })

  it('takes Karim’s response like any other, and shows it to the agents on the queue', async () => {
    const karim = await resident(w.karim)
    const res = await karim.post(`/annonces/${listingId}/repondre`, {
      message: 'Je passe au marché le samedi, je peux prendre ses courses.',
      shares: ['email'],
    })
    assert.equal(res.statusCode, 303)
    matchId = /mises-en-relation\/([0-9a-f-]+)/.exec(res.headers.location as string)![1]!
    const before = page((await karim.get(`/mises-en-relation/${matchId}`)).body)
    assert.doesNotMatch(before.text('main'), /Sophie/)
    const queue = page((await (await w.client(w.agent2)).get(LINE)).body)
    assert.match(queue.text('main'), /Réponses à décider avec la personne \(1\)/)
    assert.match(queue.text('main'), /une réponse de bénévole à décider/)
    assert.ok((await caseRow(t, caseId))?.firstResponseAt, 'the first response’s time kept on the case')
  })

  it('refuses the author’s own « Accepter » with 409 and shows a sentence pointing to the case instead', async () => {
    const agent = await w.client(w.agent)
    const listing = page((await agent.get(`/annonces/${listingId}`)).body)
    assert.equal(
      listing.document.querySelector(`form[action="/mises-en-relation/${matchId}/accepter"]`),
      null,
    )
    assert.ok(listing.link('Ouvrir le dossier'))
    const refused = await agent.post(`/mises-en-relation/${matchId}/accepter`, { shares: 'email' })
    assert.equal(refused.statusCode, 409)
    assert.match(page(refused.body).text('main'), /transmise par l’accueil téléphonique/)
    const declined = await agent.post(`/mises-en-relation/${matchId}/decliner`, { reason: '' })
    assert.equal(declined.statusCode, 409)
    const [row] = await t.db.db.select().from(matches).where(eq(matches.id, matchId))
    assert.equal(row?.status, 'pending')
    const link = await agent.get(`${LINE}/annonces/${listingId}`)
    assert.equal(link.headers.location, `${LINE}/dossiers/${caseId}`)
  })

  it('lets another agent log the call and accept for « Jeanne L. », relaying the line’s number', async () => {
    const agent2 = await w.client(w.agent2)
    const casePage = page((await agent2.get(`${LINE}/dossiers/${caseId}`)).body)
    assert.equal(casePage.h1(), 'Dossier de Jeanne Lefèvre')
    assert.match(casePage.text('main'), /Je passe au marché le samedi/)
    assert.match(casePage.text('main'), /Bénévole non vérifié/)
    const call = await agent2.post(`${LINE}/dossiers/${caseId}/appel`, {
      direction: 'out',
      result: 'reached',
      note: 'Elle est d’accord pour Karim.',
    })
    assert.equal(call.statusCode, 303)
    const accepted = await agent2.post(`${LINE}/dossiers/${caseId}/reponses/${matchId}/accepter`, {})
    assert.equal(accepted.statusCode, 303)
    const [row] = await t.db.db.select().from(matches).where(eq(matches.id, matchId))
    assert.equal(row?.status, 'accepted')
    assert.equal(row?.relayName, 'Jeanne L.')
    assert.equal(row?.relayPhone, '+33231570000')
    const kinds = (await caseEventRows(t, caseId)).map((e) => e.kind)
    assert.deepEqual(kinds.sort(), ['accepted', 'ask-posted', 'call-out', 'opened'])
    assert.equal((await auditRows(t, 'phone.accepted-for-person')).length, 1)
  })

  it('shows Karim the name and number Mme Lefèvre agreed to, never the agent’s', async () => {
    const karim = await resident(w.karim)
    const p = page((await karim.get(`/mises-en-relation/${matchId}`)).body)
    const main = p.text('main')
    assert.match(main, /Numéro de l’accueil téléphonique du Département/)
    assert.match(main, /02 31 57 00 00/)
    assert.match(main, /Jeanne L\./)
    assert.doesNotMatch(main, /06 12 34 56 78|\+33612345678|Sophie|personne\d+@exemple/)
    const api = await karim.get(`/api/v1/matches/${matchId}`)
    if (api.statusCode === 200) assert.doesNotMatch(api.body, /\+33612345678|@exemple\.test/)
  })

  it('closes the case with an outcome, then reopens it', async () => {
    const agent = await w.client(w.agent)
    const bad = await agent.post(`${LINE}/dossiers/${caseId}/cloture`, { outcome: 'bof', closingNote: '' })
    assert.equal(bad.statusCode, 400)
    assert.equal((await caseRow(t, caseId))?.status, 'open')
    const res = await agent.post(`${LINE}/dossiers/${caseId}/cloture`, {
      outcome: 'helped',
      closingNote: 'Merci Karim',
    })
    assert.equal(res.statusCode, 303)
    const closed = await caseRow(t, caseId)
    assert.equal(closed?.status, 'closed')
    assert.equal(closed?.outcome, 'helped')
    const shown = page((await agent.get(`${LINE}/dossiers/${caseId}?fait=clos`)).body)
    assert.match(shown.text('main'), /Le dossier est clos/)
    assert.match(shown.text('main'), /Merci Karim/)
    assert.equal((await agent.post(`${LINE}/dossiers/${caseId}/reouverture`, {})).statusCode, 303)
    assert.equal((await caseRow(t, caseId))?.status, 'open')
    const events = await t.db.db
      .select()
      .from(matches)
      .where(and(eq(matches.listingId, listingId), eq(matches.status, 'accepted')))
    assert.equal(events.length, 1)
  })
})
