import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { matches, messages } from '../../../test/helpers/tables.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { reports } from './report.schema.ts'

type Account = Awaited<ReturnType<typeof makeAccount>>

describe('reports: residents report listings, messages and profiles', () => {
  let t: TestApp
  let calvados: Territory
  let manche: Territory
  let author: Account
  let reporter: Account
  let stranger: Account
  let client: Client
  const host = () => calvados.hostnames[0]!
  const signedIn = (account: Account) => new Client(t, host()).signInDirectly(account)
  const reportsOf = (accountId: string) =>
    t.db.db.select().from(reports).where(eq(reports.reporterId, accountId))

  /** A conversation between a listing's author and a responder, with one message from the author. */
  async function conversation(listingAuthor: Account, responder: Account, body: string) {
    const listing = await makeListing(t, calvados, listingAuthor)
    const now = t.clock.now()
    const matchId = t.app.services.ids()
    await t.db.db.insert(matches).values({
      id: matchId,
      territoryId: calvados.id,
      listingId: listing.id,
      authorId: listingAuthor.id,
      responderId: responder.id,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
    })
    const messageId = t.app.services.ids()
    await t.db.db.insert(messages).values({
      id: messageId,
      territoryId: calvados.id,
      matchId,
      senderId: listingAuthor.id,
      body,
      createdAt: now,
    })
    return { matchId, messageId }
  }

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    manche = await makeTerritory(t.app.services, { platformName: 'Entraide Manche', departements: ['50'] })
    author = await makeAccount(t, calvados, { displayName: 'Annie Auteur' })
    reporter = await makeAccount(t, calvados, { displayName: 'Rémi Rapporteur' })
    stranger = await makeAccount(t, calvados, { displayName: 'Sam Inconnu' })
    client = await signedIn(reporter)
  })
  after(() => t.close())

  it('reports a listing once: a form with plain reasons, thanks, then « déjà signalé »', async () => {
    const listing = await makeListing(t, calvados, author, { title: 'Vends des courses' })
    const formUrl = `/signaler?cible=listing&id=${listing.id}`
    const form = page((await client.get(formUrl)).body)
    assert.equal(form.h1(), 'Signaler un problème')
    assert.match(form.text('main'), /Vous signalez l’annonce « Vends des courses »/)
    assert.match(form.text('main'), /Appelez d’abord le 17 \(police\) ou le 112/)
    assert.deepEqual(form.all('fieldset label'), [
      'Vente ou argent demandé',
      'Arnaque',
      'Propos insultants ou harcèlement',
      'Danger pour une personne',
      'Autre raison',
    ])
    assert.ok(form.field('Précisez ce qui ne va pas'))

    const sent = await client.post('/signaler', {
      cible: 'listing',
      id: listing.id,
      reason: 'commerce',
      comment: 'Il demande 20 € par course.',
    })
    assert.equal(sent.statusCode, 303)
    assert.equal(sent.headers.location, '/signaler/merci')
    const thanks = page((await client.get('/signaler/merci')).body)
    assert.equal(thanks.h1(), 'Merci pour votre signalement')
    assert.match(thanks.text('main'), /L’équipe de modération va l’examiner/)
    const [row] = (await reportsOf(reporter.id)).filter((r) => r.targetId === listing.id)
    assert.equal(row?.targetKind, 'listing')
    assert.equal(row?.reason, 'commerce')
    assert.equal(row?.comment, 'Il demande 20 € par course.')
    assert.equal(row?.status, 'open')
    assert.equal(row?.territoryId, calvados.id)

    const again = await client.post('/signaler', { cible: 'listing', id: listing.id, reason: 'scam' })
    assert.equal(again.headers.location, '/signaler/merci?etat=deja')
    assert.equal(page((await client.get(again.headers.location as string)).body).h1(), 'Déjà signalé')
    assert.equal(page((await client.get(formUrl)).body).h1(), 'Déjà signalé')
    const mine = (await reportsOf(reporter.id)).filter((r) => r.targetId === listing.id)
    assert.equal(mine.length, 1)
    assert.equal(mine[0]?.reason, 'commerce')
  })

  it('tells the reporter of a danger to call 17 or 112 first', async () => {
    const listing = await makeListing(t, calvados, author)
    const res = await client.post('/signaler', { cible: 'listing', id: listing.id, reason: 'danger' })
    assert.equal(res.headers.location, '/signaler/merci?etat=danger')
    const done = page((await client.get(res.headers.location as string)).body)
    assert.match(done.text('main'), /appelez maintenant le 17 \(police\) ou le 112 \(urgences\)/)
  })

  it('refuses bad input with clear messages and stores nothing', async () => {
    const listing = await makeListing(t, calvados, author)
    const empty = await client.post('/signaler', { cible: 'listing', id: listing.id })
    assert.equal(empty.statusCode, 400)
    assert.deepEqual(page(empty.body).errorSummary(), [
      { text: 'Choisissez le problème que vous signalez', href: '#reason' },
    ])
    const other = await client.post('/signaler', { cible: 'listing', id: listing.id, reason: 'other' })
    assert.equal(other.statusCode, 400)
    assert.deepEqual(
      page(other.body)
        .errorSummary()
        .map((e) => e.href),
      ['#comment'],
    )
    const long = await client.post('/signaler', {
      cible: 'listing',
      id: listing.id,
      reason: 'abuse',
      comment: 'x'.repeat(1001),
    })
    assert.equal(long.statusCode, 400)
    assert.match(page(long.body).text('.error-summary'), /Écrivez 1000 caractères au plus/)
    assert.equal(page(long.body).document.querySelector('#comment')?.textContent, 'x'.repeat(1001))
    const noCsrf = await client.post(
      '/signaler',
      { cible: 'listing', id: listing.id, reason: 'scam' },
      { withoutCsrf: true },
    )
    assert.equal(noCsrf.statusCode, 403)
    assert.equal((await reportsOf(reporter.id)).filter((r) => r.targetId === listing.id).length, 0)
  })

  it('sends visitors to log in first', async () => {
    const listing = await makeListing(t, calvados, author)
    const res = await new Client(t, host()).get(`/signaler?cible=listing&id=${listing.id}`)
    assert.equal(res.statusCode, 303)
    assert.match(res.headers.location as string, /^\/connexion\?retour=/)
  })

  it('does not find listings the reporter cannot read, nor anything of another territory', async () => {
    const held = await makeListing(t, calvados, author, { status: 'held' })
    const removed = await makeListing(t, calvados, author, { status: 'removed' })
    const elsewhere = await makeListing(t, manche, await makeAccount(t, manche))
    const mancheAccount = await makeAccount(t, manche)
    for (const [cible, id] of [
      ['listing', held.id],
      ['listing', removed.id],
      ['listing', elsewhere.id],
      ['account', mancheAccount.id],
      ['listing', 'pas-un-identifiant'],
      ['commande', held.id],
    ] as const) {
      assert.equal((await client.get(`/signaler?cible=${cible}&id=${id}`)).statusCode, 404, `${cible} ${id}`)
      const post = await client.post('/signaler', { cible, id, reason: 'scam' })
      assert.equal(post.statusCode, 404, `${cible} ${id}`)
    }
    assert.equal((await reportsOf(reporter.id)).filter((r) => r.targetId === held.id).length, 0)
    // Its author may report their own held listing: they can read it.
    const own = await signedIn(author)
    assert.equal((await own.get(`/signaler?cible=listing&id=${held.id}`)).statusCode, 200)
  })

  it('reports a message only for a party of its conversation, and shows it as text', async () => {
    const { messageId } = await conversation(author, reporter, '<b>Donne-moi ton code de carte</b>')
    const form = await client.get(`/signaler?cible=message&id=${messageId}`)
    assert.equal(form.statusCode, 200)
    assert.doesNotMatch(form.body, /<b>Donne-moi/)
    assert.match(page(form.body).text('blockquote'), /<b>Donne-moi ton code de carte<\/b>/)
    assert.match(page(form.body).text('main'), /Vous signalez ce message, écrit par Annie Auteur/)

    const outsider = await signedIn(stranger)
    assert.equal((await outsider.get(`/signaler?cible=message&id=${messageId}`)).statusCode, 404)
    const refused = await outsider.post('/signaler', { cible: 'message', id: messageId, reason: 'scam' })
    assert.equal(refused.statusCode, 404)
    assert.equal((await reportsOf(stranger.id)).length, 0)

    const sent = await client.post('/signaler', { cible: 'message', id: messageId, reason: 'scam' })
    assert.equal(sent.statusCode, 303)
    assert.equal((await reportsOf(reporter.id)).filter((r) => r.targetId === messageId).length, 1)
  })

  it('reports a profile of the same territory', async () => {
    const form = page((await client.get(`/signaler?cible=account&id=${stranger.id}`)).body)
    assert.match(form.text('main'), /Vous signalez le profil suivant : Sam Inconnu/)
    const sent = await client.post('/signaler', {
      cible: 'account',
      id: stranger.id,
      reason: 'abuse',
      comment: '<script>alert(1)</script> m’insulte',
    })
    assert.equal(sent.statusCode, 303)
    assert.equal((await reportsOf(reporter.id)).filter((r) => r.targetId === stranger.id).length, 1)
  })

  it('reports through the API, once', async () => {
    const listing = await makeListing(t, calvados, author)
    const someone = await signedIn(await makeAccount(t, calvados))
    const send = () =>
      someone.request({
        method: 'POST',
        url: '/api/v1/reports',
        headers: { 'x-csrf-token': someone.csrfToken() },
        payload: { target: 'listing', id: listing.id, reason: 'scam' },
      })
    const first = await send()
    assert.equal(first.statusCode, 201, first.body)
    assert.deepEqual(first.json(), { status: 'received' })
    const second = await send()
    assert.equal(second.statusCode, 200)
    assert.deepEqual(second.json(), { status: 'already-reported' })
    const bad = await someone.request({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { 'x-csrf-token': someone.csrfToken() },
      payload: { target: 'listing', id: listing.id, reason: 'other' },
    })
    assert.equal(bad.statusCode, 400)
    assert.equal(bad.json().errors[0].pointer, '/comment')
    const doc = (await someone.get('/api/openapi.json')).json()
    assert.ok(doc.paths['/api/v1/reports'].post)
    assert.ok(doc.components.schemas.ReportReceipt)
  })

  it('limits how many reports one account sends in a day', async () => {
    const busy = await signedIn(await makeAccount(t, calvados))
    const targets = await Promise.all(Array.from({ length: 21 }, () => makeListing(t, calvados, author)))
    for (const listing of targets.slice(0, 20)) {
      const res = await busy.post('/signaler', { cible: 'listing', id: listing.id, reason: 'scam' })
      assert.equal(res.statusCode, 303)
    }
    const over = await busy.post('/signaler', { cible: 'listing', id: targets[20]!.id, reason: 'scam' })
    assert.equal(over.statusCode, 429)
    t.clock.advance('25 hours')
    const later = await busy.post('/signaler', { cible: 'listing', id: targets[20]!.id, reason: 'scam' })
    assert.equal(later.statusCode, 303)
  })
})
