import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client } from '../../../test/helpers/accounts.ts'
import { page } from '../../../test/helpers/html.ts'
import { matchesOnTheWeb } from '../../../test/helpers/match-web.ts'
import { makeMatch } from '../../../test/helpers/matches.ts'
import { listingById as findListing } from '../listings/index.ts'
import { findMatch } from './match.repository.ts'
import { matches, messages } from './match.schema.ts'

describe('matches: deciding and closing the loop on the web', () => {
  type Web = Awaited<ReturnType<typeof matchesOnTheWeb>>
  let t: Web['t']
  let calvados: Web['calvados']
  let host: Web['host']
  let person: Web['person']
  let listingOf: Web['listingOf']
  let notified: Web['notified']
  before(async () => {
    ;({ t, calvados, host, person, listingOf, notified } = await matchesOnTheWeb())
  })
  after(() => t.close())

  it('lets the author accept from the listing page, sharing what they choose; the responder is told', async () => {
    const author = await person({ phone: '+33611223344', displayName: 'Alice' })
    const helper = await person({ displayName: 'Bernard' })
    const listing = await listingOf(author.account, { title: 'Porter un meuble' })
    const match = await makeMatch(t, calvados, listing, helper.account, { message: 'Je suis costaud.' })
    const own = page((await author.client.get(`/annonces/${listing.id}`)).body)
    const item = own.text(`#reponse-${match.id}`)
    assert.match(item, /Bernard, le 16 mars 2026/)
    assert.match(item, /Je suis costaud\./)
    assert.match(item, /En attente de décision/)
    assert.ok(own.document.getElementById(`shares-${match.id}`), 'the accept form offers the phone')
    const res = await author.client.post(`/mises-en-relation/${match.id}/accepter`, { shares: 'phone' })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/mises-en-relation/${match.id}?fait=acceptee`)
    const row = await findMatch(t.db.db, calvados.id, match.id)
    assert.equal(row?.status, 'accepted')
    assert.deepEqual(row?.authorShares, ['phone'])
    assert.ok(row?.acceptedAt)
    const [note] = await notified(helper.account.id, 'match.accepted')
    assert.deepEqual(note?.params, { name: 'Alice', title: 'Porter un meuble' })
    const seen = page((await helper.client.get(`/mises-en-relation/${match.id}`)).body)
    assert.match(seen.text('main'), /Alice a accepté votre réponse/)
    assert.match(seen.text('main'), /Coordonnées partagées par Alice/)
    assert.equal(seen.link('06 11 22 33 44'), 'tel:+33611223344', 'the number as people read it')
  })

  it('declines with a reason the responder reads; the responder may withdraw while pending', async () => {
    const author = await person({ displayName: 'Alice' })
    const helper = await person()
    const listing = await listingOf(author.account)
    const match = await makeMatch(t, calvados, listing, helper.account)
    const long = await author.client.post(`/mises-en-relation/${match.id}/decliner`, {
      reason: 'x'.repeat(501),
    })
    assert.equal(long.statusCode, 400)
    assert.deepEqual(
      page(long.body)
        .errorSummary()
        .map((e) => e.href),
      [`#reason-${match.id}`],
    )
    const res = await author.client.post(`/mises-en-relation/${match.id}/decliner`, {
      reason: 'J’ai trouvé quelqu’un.',
    })
    assert.equal(res.statusCode, 303)
    const row = await findMatch(t.db.db, calvados.id, match.id)
    assert.equal(row?.status, 'declined')
    assert.equal(row?.endedBy, author.account.id)
    assert.equal((await notified(helper.account.id, 'match.declined')).length, 1)
    const seen = page((await helper.client.get(`/mises-en-relation/${match.id}`)).body)
    assert.match(seen.text('main'), /Alice a décliné votre réponse/)
    assert.match(seen.text('main'), /Raison donnée : J’ai trouvé quelqu’un\./)

    const other = await person()
    const pending = await makeMatch(t, calvados, listing, other.account)
    assert.equal((await other.client.post(`/mises-en-relation/${pending.id}/retirer`, {})).statusCode, 303)
    assert.equal((await findMatch(t.db.db, calvados.id, pending.id))?.status, 'withdrawn')
    assert.equal((await notified(author.account.id, 'match.withdrawn')).length, 1)
    const again = await other.client.post(`/mises-en-relation/${pending.id}/retirer`, {})
    assert.equal(again.statusCode, 409)
    assert.match(page(again.body).text('.error-summary'), /a changé entre-temps/)
  })

  it('closes the loop on an ask: marked by the responder, confirmed and thanked in public, fulfilled', async () => {
    const author = await person({ displayName: 'Alice' })
    const helper = await person({ displayName: 'Bernard' })
    const listing = await listingOf(author.account)
    const match = await makeMatch(t, calvados, listing, helper.account, { status: 'accepted' })
    const marked = await helper.client.post(`/mises-en-relation/${match.id}/aide-realisee`, {})
    assert.equal(marked.headers.location, `/mises-en-relation/${match.id}?fait=realisee`)
    let row = await findMatch(t.db.db, calvados.id, match.id)
    assert.equal(row?.status, 'accepted')
    assert.equal(row?.doneMarkedBy, helper.account.id)
    assert.equal((await notified(author.account.id, 'match.doneMarked')).length, 1)
    const toConfirm = page((await author.client.get(`/mises-en-relation/${match.id}`)).body)
    assert.match(toConfirm.text('main'), /Bernard indique que l’aide a été réalisée/)
    assert.ok(toConfirm.field('Un mot de remerciement'))
    const tooLong = await author.client.post(`/mises-en-relation/${match.id}/confirmer`, {
      thanks: 'x'.repeat(1001),
    })
    assert.equal(tooLong.statusCode, 400)
    assert.deepEqual(
      page(tooLong.body)
        .errorSummary()
        .map((e) => e.href),
      ['#thanks'],
    )

    t.clock.advance('1 hour')
    const res = await author.client.post(`/mises-en-relation/${match.id}/confirmer`, {
      thanks: 'Merci Bernard, <b>vraiment</b> !',
      thanksPublic: 'oui',
    })
    assert.equal(res.statusCode, 303)
    row = await findMatch(t.db.db, calvados.id, match.id)
    assert.equal(row?.status, 'done')
    assert.equal(row?.thanksPublic, true)
    assert.equal(row?.lastActivityAt.getTime(), t.clock.now().getTime())
    const fulfilled = await findListing(t.db.db, calvados.id, listing.id)
    assert.equal(fulfilled?.status, 'fulfilled')
    assert.ok(fulfilled?.closedAt)
    assert.equal((await notified(helper.account.id, 'match.thanked')).length, 1)
    const publicPage = await new Client(t, host()).get(`/annonces/${listing.id}`)
    const shown = page(publicPage.body)
    assert.match(
      shown.text('main'),
      /Remerciements\s*Alice remercie Bernard :\s*Merci Bernard, <b>vraiment<\/b> !/,
    )
    assert.doesNotMatch(publicPage.body, /<b>vraiment/)
  })

  it('keeps an offer published when a match is done; the author saying it is done confirms it', async () => {
    const author = await person()
    const helper = await person()
    const offer = await listingOf(author.account, { kind: 'offer', urgency: null, capacity: '3 personnes' })
    const match = await makeMatch(t, calvados, offer, helper.account, { status: 'accepted' })
    const res = await author.client.post(`/mises-en-relation/${match.id}/aide-realisee`, {})
    assert.equal(res.headers.location, `/mises-en-relation/${match.id}?fait=confirmee`)
    const row = await findMatch(t.db.db, calvados.id, match.id)
    assert.equal(row?.status, 'done')
    assert.equal(row?.doneMarkedBy, author.account.id)
    assert.equal(row?.thanks, null)
    assert.equal((await findListing(t.db.db, calvados.id, offer.id))?.status, 'published')
    assert.equal((await notified(helper.account.id, 'match.confirmed')).length, 1)
    const helperTries = await helper.client.post(`/mises-en-relation/${match.id}/confirmer`, {})
    assert.equal(helperTries.statusCode, 403)
  })

  it('lets either side cancel an accepted match, with a reason that is required', async () => {
    const author = await person()
    const helper = await person({ displayName: 'Bernard' })
    const listing = await listingOf(author.account)
    const match = await makeMatch(t, calvados, listing, helper.account, { status: 'accepted' })
    const bare = await helper.client.post(`/mises-en-relation/${match.id}/annuler`, { reason: ' ' })
    assert.equal(bare.statusCode, 400)
    assert.deepEqual(page(bare.body).errorSummary(), [
      { text: 'Indiquez la raison de l’annulation', href: '#reason' },
    ])
    assert.equal((await findMatch(t.db.db, calvados.id, match.id))?.status, 'accepted')
    const res = await helper.client.post(`/mises-en-relation/${match.id}/annuler`, {
      reason: 'Je suis malade.',
    })
    assert.equal(res.statusCode, 303)
    const row = await findMatch(t.db.db, calvados.id, match.id)
    assert.equal(row?.status, 'cancelled')
    assert.equal(row?.reason, 'Je suis malade.')
    assert.equal((await notified(author.account.id, 'match.cancelled')).length, 1)
    const seen = page((await author.client.get(`/mises-en-relation/${match.id}`)).body)
    assert.match(seen.text('main'), /Bernard a annulé : l’aide prévue n’aura pas lieu/)
  })

  it('lists my matches on both sides, newest activity first, with the unread messages', async () => {
    const me = await person({ displayName: 'Moi' })
    const other = await person({ displayName: 'Claire' })
    const third = await person({ displayName: 'Denis' })
    const myListing = await listingOf(me.account, { title: 'Ma demande' })
    const theirs = await listingOf(other.account, { title: 'Sa proposition', kind: 'offer', urgency: null })
    const asAuthor = await makeMatch(t, calvados, myListing, third.account)
    t.clock.advance('1 minute')
    await makeMatch(t, calvados, theirs, me.account)
    t.clock.advance('1 minute')
    await t.db.db.insert(messages).values(
      [1, 2].map((i) => ({
        id: t.app.services.ids(),
        territoryId: calvados.id,
        matchId: asAuthor.id,
        senderId: third.account.id,
        body: `message ${i}`,
        createdAt: t.clock.now(),
      })),
    )
    await t.db.db.update(matches).set({ lastActivityAt: t.clock.now() }).where(eq(matches.id, asAuthor.id))
    const list = page((await me.client.get('/mises-en-relation')).body)
    assert.equal(list.h1(), 'Mes échanges')
    const items = list.all('main li')
    assert.equal(items.length, 2)
    assert.match(
      items[0]!,
      /^Ma demande\s*Denis a répondu à votre annonce\s*En attente de décision\s*3 messages non lus/,
    )
    assert.match(items[1]!, /^Sa proposition\s*Vous avez répondu à l’annonce publiée par Claire/)
    assert.doesNotMatch(items[1]!, /non lu/, 'my own message is not unread for me')
    assert.equal(list.link('Ma demande'), `/mises-en-relation/${asAuthor.id}`)

    const listings = page((await me.client.get('/mes-annonces')).body)
    assert.equal(listings.link('Mes échanges'), '/mises-en-relation')
    assert.equal(listings.link(`Réponses (1) ${myListing.title}`), `/annonces/${myListing.id}#reponses`)
    assert.match(listings.text('main'), /1 en attente de votre décision/)
  })
})
