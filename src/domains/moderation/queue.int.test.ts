import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  heldListing,
  itemRow,
  type ModerationWorld,
  moderationWorld,
  QUEUE,
  queueItem,
  reportedMessage,
} from '../../../test/helpers/moderation.ts'

describe('the moderation queue', () => {
  let t: TestApp
  let w: ModerationWorld
  let listingItem = ''
  let messageItem = ''
  let accountItem = ''
  before(async () => {
    t = await buildTestApp()
    w = await moderationWorld(t)
    listingItem = (await heldListing(t, w)).itemId
    t.clock.advance(60 * 60_000)
    messageItem = (await reportedMessage(t, w)).itemId
    t.clock.advance(60 * 60_000)
    accountItem = await queueItem(t, w.territory, {
      subjectKind: 'account',
      subjectId: w.karim.id,
      accountId: w.karim.id,
      cause: 'repeated-reports',
      priority: 3,
      details: ['abuse'],
      report: true,
    })
  })
  after(() => t.close())

  it('lists the most serious first, then the oldest; says why in words and never a message’s text', async () => {
    const res = await (await w.client(w.camille)).get(QUEUE)
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.h1(), 'File de modération')
    assert.deepEqual(p.all('tbody th'), ['Personne', 'Message', 'Annonce « Tonte de pelouse »'])
    const rows = p.all('tbody tr')
    assert.match(rows[0]!, /Signalée par plusieurs personnes en 24 h : propos insultants ou harcèlement/)
    assert.match(rows[1]!, /Signalement : arnaque.*1 signalement/)
    assert.match(rows[2]!, /Argent ou vente détecté : un prix/)
    assert.match(p.text('main'), /3 éléments attendent une décision/)
    assert.ok(!res.body.includes('Envoyez-moi 50 euros'), 'the reported message’s text is not in the list')
  })

  it('orders newest first and filters by cause and kind, through the address', async () => {
    const camille = await w.client(w.camille)
    const newest = page((await camille.get(`${QUEUE}?sort=newest`)).body)
    assert.deepEqual(newest.all('tbody th'), ['Personne', 'Message', 'Annonce « Tonte de pelouse »'])
    const byCause = page((await camille.get(`${QUEUE}?cause=money-wording`)).body)
    assert.deepEqual(byCause.all('tbody th'), ['Annonce « Tonte de pelouse »'])
    assert.match(byCause.text('main'), /1 élément attend une décision/)
    const byKind = page((await camille.get(`${QUEUE}?kind=message`)).body)
    assert.deepEqual(byKind.all('tbody th'), ['Message'])
    assert.deepEqual(byKind.all('.queue-counts li'), ['Signalement : 1'])
  })

  it('refuses a value outside the lists with a French message and lists nothing', async () => {
    const camille = await w.client(w.camille)
    for (const [query, text] of [
      ['cause=argent', 'Choisissez un motif de la liste.'],
      ['kind=%3Cscript%3E', 'Choisissez un type de contenu de la liste.'],
      ['sort=asc', 'Choisissez un ordre de la liste.'],
      ['page=0', 'Le numéro de page doit être un nombre entier entre 1 et 9999.'],
      ['page=1e3', 'Le numéro de page doit être un nombre entier entre 1 et 9999.'],
    ] as const) {
      const res = await camille.get(`${QUEUE}?${query}`)
      assert.equal(res.statusCode, 400, query)
      const p = page(res.body)
      assert.deepEqual(
        p.errorSummary().map((e) => e.text),
        [text],
        query,
      )
      assert.equal(p.all('tbody tr').length, 0)
    }
  })

  it('shows « Modération (3) » in the header on every page for moderators, and to nobody else', async () => {
    for (const who of [w.camille, w.admin]) {
      const home = page((await (await w.client(who)).get('/')).body)
      assert.equal(home.link('Modération (3), 3 éléments en attente'), QUEUE)
    }
    const jeanne = page((await (await w.client(w.jeanne, false)).get('/')).body)
    assert.ok(!jeanne.text('header').includes('Modération'))
    const staffHome = page((await (await w.client(w.camille)).get('/administration')).body)
    assert.equal(staffHome.link('File de modération'), QUEUE)
  })

  it('claims an item for 15 minutes as it opens: another moderator reads who holds it and gets no form', async () => {
    const camille = await w.client(w.camille)
    const mine = await camille.get(`${QUEUE}/${listingItem}`)
    assert.equal(mine.statusCode, 200)
    assert.match(page(mine.body).text('main'), /Vous avez pris en charge cet élément jusqu’à/)
    assert.ok(page(mine.body).field('Votre explication à la personne'))
    const row = await itemRow(t, listingItem)
    assert.equal(row.claimedBy, w.camille.id)
    assert.equal(row.leaseUntil!.getTime() - t.clock.now().getTime(), 15 * 60_000)

    const list = page((await camille.get(QUEUE)).body)
    assert.match(list.all('tbody tr')[2]!, /Pris par Camille/)

    const dominique = await w.client(w.dominique)
    const theirs = page((await dominique.get(`${QUEUE}/${listingItem}`)).body)
    assert.match(theirs.text('main'), /Pris en charge par Camille depuis \d{1,2} h \d{2}/)
    assert.equal(theirs.field('Votre explication à la personne'), null)
    assert.equal((await itemRow(t, listingItem)).claimedBy, w.camille.id)

    // Camille comes back: her lease is renewed, the version her form names stays the same.
    t.clock.advance(10 * 60_000)
    const version = row.version
    await camille.get(`${QUEUE}/${listingItem}`)
    const renewed = await itemRow(t, listingItem)
    assert.equal(renewed.version, version)
    assert.equal(renewed.leaseUntil!.getTime() - t.clock.now().getTime(), 15 * 60_000)

    // Once the lease ran out, Dominique takes it over.
    t.clock.advance(16 * 60_000)
    const taken = page((await dominique.get(`${QUEUE}/${listingItem}`)).body)
    assert.match(taken.text('main'), /Vous avez pris en charge/)
    assert.equal((await itemRow(t, listingItem)).claimedBy, w.dominique.id)
  })

  it('shows a person’s record: name, commune, member since, open listings, sanctions', async () => {
    const res = await (await w.client(w.camille)).get(`${QUEUE}/${accountItem}`)
    const p = page(res.body)
    assert.equal(p.h1(), 'Personne')
    assert.match(p.text('main'), /Nom affiché\s*Karim/)
    assert.match(p.text('main'), /Commune\s*Caen/)
    assert.match(p.text('main'), /Aucune sanction/)
  })

  it('keeps its doors shut: residents, agents and coordinators get 403; another territory’s item is not found', async () => {
    const agent = await makeAccount(t, w.territory, { roles: ['agent'] })
    const coordinator = await makeAccount(t, w.territory, { roles: ['coordinator'] })
    for (const who of [agent, coordinator]) {
      const client = await w.client(who)
      assert.equal((await client.get(QUEUE)).statusCode, 403)
      assert.equal((await client.get(`${QUEUE}/${messageItem}`)).statusCode, 403)
      const post = await client.post(`${QUEUE}/${messageItem}/decision`, {
        decision: 'dismiss',
        version: '1',
      })
      assert.equal(post.statusCode, 403)
    }
    const resident = await w.client(w.jeanne, false)
    assert.equal((await resident.get(QUEUE)).statusCode, 403)
    assert.equal(
      (await resident.post(`${QUEUE}/${messageItem}/decision`, { decision: 'dismiss' })).statusCode,
      403,
    )

    const other = await makeTerritory(t.app.services)
    const elsewhere = await queueItem(t, other, {
      subjectKind: 'account',
      subjectId: w.jeanne.id,
      cause: 'report',
    })
    const camille = await w.client(w.camille)
    assert.equal((await camille.get(`${QUEUE}/${elsewhere}`)).statusCode, 404)
    assert.equal((await camille.get(`${QUEUE}/pas-un-id`)).statusCode, 404)
    assert.equal((await itemRow(t, elsewhere)).claimedBy, null)
  })
})
