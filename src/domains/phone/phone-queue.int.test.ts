import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  auditRows,
  caseRow,
  LINE,
  type PhoneWorld,
  personRow,
  phoneWorld,
  postAsk,
  recordPerson,
} from '../../../test/helpers/phone.ts'
import { openCase } from './index.ts'

const HOUR = 3_600_000

/** The order of the queue, a caller's concern on it, and a record linked to the account its person opened. */
describe('the phone line’s queue', () => {
  let t: TestApp
  let w: PhoneWorld
  before(async () => {
    t = await buildTestApp()
    w = await phoneWorld(t)
  })
  after(() => t.close())

  const groups = async () =>
    page((await (await w.client(w.agent)).get(LINE)).body)
      .all('main h2')
      .filter((h) => !h.startsWith('Rechercher'))

  it('puts callers’ alerts first, then responses to decide, then asks unanswered after the delay, then the rest', async () => {
    const quiet = await recordPerson(w, { firstName: 'Albert', lastName: 'Quiet', phone: '02 31 50 00 01' })
    const quietCase = await postAsk(w, quiet)
    const answered = await recordPerson(w, {
      firstName: 'Berthe',
      lastName: 'Réponse',
      phone: '02 31 50 00 02',
    })
    const answeredCase = await postAsk(w, answered)
    const listingId = (await caseRow(t, answeredCase))!.listingId!
    const karim = await new Client(t, w.host).signInDirectly(w.karim)
    await karim.post(`/annonces/${listingId}/repondre`, { message: 'Je peux.', shares: ['email'] })
    assert.deepEqual(await groups(), [
      'Réponses à décider avec la personne (1)',
      'Autres dossiers ouverts, les plus anciens d’abord (1)',
    ])
    t.clock.advance(49 * HOUR)
    const concerned = await recordPerson(w, {
      firstName: 'Colette',
      lastName: 'Inquiète',
      phone: '02 31 50 00 03',
    })
    await openCase(t.db.db, {
      id: t.app.services.ids(),
      eventId: t.app.services.ids(),
      territoryId: w.calvados.id,
      personId: concerned,
      origin: 'concern',
      summary: 'Elle ne répondait pas et semblait confuse au dernier appel.',
      by: w.karim.id,
      at: t.clock.now(),
    })
    assert.deepEqual(await groups(), [
      'Alertes des appelants (1)',
      'Réponses à décider avec la personne (1)',
      'Demandes sans réponse après le délai (1)',
    ])
    const queue = page((await (await w.client(w.agent)).get(LINE)).body)
    assert.match(
      queue.text('main'),
      /3 dossiers ouverts : une alerte à traiter d’abord, une réponse de bénévole à décider, une demande toujours sans réponse/,
    )
    const rows = queue.all('main tbody th a')
    assert.deepEqual(rows, ['Colette Inquiète', 'Berthe Réponse', 'Albert Quiet'])
    const concernLink = queue.link('Colette Inquiète')!
    const concern = page((await (await w.client(w.agent)).get(concernLink)).body)
    assert.match(concern.text('main'), /Inquiétude signalée par un appelant bénévole/)
    assert.match(concern.text('main'), /semblait confuse au dernier appel/)
    assert.ok(quietCase)
  })

  it('follows the territory’s delay as the administrator sets it', async () => {
    const admin = await w.client(w.admin)
    assert.equal((await admin.post(`${LINE}/reglages`, { delay: '72', consentWording: '' })).statusCode, 303)
    assert.deepEqual(await groups(), [
      'Alertes des appelants (1)',
      'Réponses à décider avec la personne (1)',
      'Autres dossiers ouverts, les plus anciens d’abord (1)',
    ])
    assert.match(page((await admin.get(LINE)).body).text('main'), /remonte après 72 heures/)
  })

  it('links a record to the account its person opened, found by address in this territory only', async () => {
    const id = await recordPerson(w, { firstName: 'Karim', lastName: 'Benali', phone: '02 31 50 00 04' })
    const agent = await w.client(w.agent)
    const elsewhere = await agent.post(`${LINE}/personnes/${id}/compte`, { email: w.mancheAgent.email })
    assert.equal(elsewhere.statusCode, 400)
    assert.match(elsewhere.body, /Aucun compte de ce territoire n’a cette adresse/)
    assert.equal((await personRow(t, id))?.accountId, null)
    const res = await agent.post(`${LINE}/personnes/${id}/compte`, { email: w.karim.email })
    assert.equal(res.statusCode, 303)
    assert.equal((await personRow(t, id))?.accountId, w.karim.id)
    assert.match(
      page((await agent.get(res.headers.location as string)).body).text('main'),
      /Reliée au compte de Karim/,
    )
    assert.equal((await auditRows(t, 'phone.person-linked')).length, 1)
  })
})
