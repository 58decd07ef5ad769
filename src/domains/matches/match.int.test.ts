import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import { makeMatch } from '../../../test/helpers/matches.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import type { AccountRow } from '../accounts/account.repository.ts'
import type { Category } from '../categories/category.ts'
import { findListing } from '../listings/listing.repository.ts'
import type { Listing } from '../listings/listing.ts'
import { notifications } from '../notifications/notification.schema.ts'
import type { Territory } from '../territories/territory.ts'
import { volunteerVerifications } from '../volunteers/volunteer.schema.ts'
import { findMatch } from './match.repository.ts'
import { blocks, matches, messages } from './match.schema.ts'

describe('matches: responding, deciding and closing the loop on the web', () => {
  let t: TestApp
  let calvados: Territory
  let category: Category
  const host = () => calvados.hostnames[0]!

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services, { officialName: 'Département du Calvados' })
    category = await makeCategory(t, calvados)
  })
  after(() => t.close())

  async function person(overrides: Partial<AccountRow> = {}) {
    const account = await makeAccount(t, calvados, overrides)
    return { account, client: await new Client(t, host()).signInDirectly(account) }
  }
  const listingOf = (author: { id: string }, overrides: Partial<Listing> = {}) =>
    makeListing(t, calvados, author, { categoryId: category.id, ...overrides })
  const matchesOf = (listingId: string) =>
    t.db.db.select().from(matches).where(eq(matches.listingId, listingId))
  const notified = (accountId: string, type: string) =>
    t.db.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.accountId, accountId), eq(notifications.type, type)))
  const respond = (client: Client, listingId: string, form: Record<string, string | string[]> = {}) =>
    client.post(`/annonces/${listingId}/repondre`, { message: 'Bonjour, je passe samedi.', ...form })

  it('asks a visitor to sign in, tells an unverified person why, and shows the author the responses', async () => {
    const author = await person()
    const listing = await listingOf(author.account)
    const visitor = page((await new Client(t, host()).get(`/annonces/${listing.id}`)).body)
    assert.equal(
      visitor.link('Connectez-vous pour répondre'),
      `/connexion?retour=${encodeURIComponent(`/annonces/${listing.id}`)}`,
    )
    assert.equal(visitor.field('Votre message'), null)
    const unverified = await person({ emailVerifiedAt: null })
    const seen = page((await unverified.client.get(`/annonces/${listing.id}`)).body)
    assert.match(seen.text('#repondre'), /confirmez d’abord votre adresse de courriel/)
    assert.equal(seen.field('Votre message'), null)
    assert.equal((await respond(unverified.client, listing.id)).statusCode, 403)
    const own = page((await author.client.get(`/annonces/${listing.id}`)).body)
    assert.match(own.text('#reponses'), /Réponses à votre annonce \(0\)/)
    assert.equal(own.field('Votre message'), null)
    assert.equal((await matchesOf(listing.id)).length, 0)
  })

  it('takes a response: the match, its first message and the author’s notification and email', async () => {
    const author = await person()
    const helper = await person({ displayName: 'Bernard' })
    const listing = await listingOf(author.account, { title: 'Courses du samedi' })
    const form = page((await helper.client.get(`/annonces/${listing.id}`)).body)
    assert.equal(form.text('#respond-title'), 'Je peux aider')
    assert.ok(form.field('Votre message'))
    assert.match(form.text('#repondre'), /Mon adresse de courriel/)
    assert.doesNotMatch(
      form.text('#repondre'),
      /Mon numéro de téléphone/,
      'no phone on the account, none offered',
    )
    assert.match(form.text('#repondre'), /ne sont montrées à .* qu’après acceptation/)

    const res = await respond(helper.client, listing.id, {
      message: 'Bonjour,\r\nje passe à Caen le samedi.',
      shares: 'email',
    })
    assert.equal(res.statusCode, 303)
    const [row] = await matchesOf(listing.id)
    assert.ok(row)
    assert.equal(res.headers.location, `/mises-en-relation/${row.id}?fait=envoyee`)
    assert.equal(row.status, 'pending')
    assert.equal(row.authorId, author.account.id)
    assert.equal(row.responderId, helper.account.id)
    assert.deepEqual(row.responderShares, ['email'])
    const said = await t.db.db.select().from(messages).where(eq(messages.matchId, row.id))
    assert.deepEqual(
      said.map((m) => [m.senderId, m.body]),
      [[helper.account.id, 'Bonjour,\nje passe à Caen le samedi.']],
    )
    const [note] = await notified(author.account.id, 'match.response')
    assert.equal(note?.link, `/mises-en-relation/${row.id}`)
    assert.deepEqual(note?.params, { name: 'Bernard', title: 'Courses du samedi' })
    const [mail] = await outboxMails(t, author.account.email)
    assert.match(mail!.subject, /Bernard a répondu à votre annonce « Courses du samedi »/)
    assert.doesNotMatch(mail!.text, /je passe à Caen/, 'the mail names the person and the listing only')

    const mine = page((await helper.client.get(res.headers.location as string)).body)
    assert.match(mine.text('.success'), /Votre réponse est envoyée/)
    assert.match(mine.text('main'), /Statut : en attente de décision/)
    assert.match(mine.text('main'), /Si votre réponse est acceptée, .* verra votre adresse de courriel/)

    const offer = await listingOf(author.account, { kind: 'offer', urgency: null })
    assert.equal(
      page((await helper.client.get(`/annonces/${offer.id}`)).body).text('#respond-title'),
      'Ça m’intéresse',
    )
  })

  it('refuses with a clear message and writes nothing: own listing, twice, closed, blocked, bad text', async () => {
    const author = await person()
    const helper = await person()
    const listing = await listingOf(author.account)
    const own = await respond(author.client, listing.id)
    assert.equal(own.statusCode, 403)
    assert.match(page(own.body).text('.error-summary'), /votre propre annonce/)

    const empty = await respond(helper.client, listing.id, { message: '  ' })
    assert.equal(empty.statusCode, 400)
    assert.deepEqual(page(empty.body).errorSummary(), [{ text: 'Écrivez un message', href: '#message' }])
    const long = await respond(helper.client, listing.id, { message: 'x'.repeat(1001) })
    assert.equal(long.statusCode, 400)
    assert.match(page(long.body).text('.error-summary'), /1000 caractères au plus/)
    assert.equal(page(long.body).field('Votre message')?.textContent, 'x'.repeat(1001), 'value kept')
    const phone = await respond(helper.client, listing.id, { shares: 'phone' })
    assert.equal(phone.statusCode, 400, 'no phone on the account to share')
    assert.equal((await matchesOf(listing.id)).length, 0)

    assert.equal((await respond(helper.client, listing.id)).statusCode, 303)
    const [first] = await matchesOf(listing.id)
    const twice = await respond(helper.client, listing.id)
    assert.equal(twice.statusCode, 409)
    const p = page(twice.body)
    assert.match(p.text('.error-summary'), /Vous avez déjà répondu/)
    assert.equal(p.link('Voir ma réponse et la conversation'), `/mises-en-relation/${first!.id}`)
    const again = page((await helper.client.get(`/annonces/${listing.id}`)).body)
    assert.equal(again.link('Voir ma réponse et la conversation'), `/mises-en-relation/${first!.id}`)
    assert.equal(again.field('Votre message'), null)
    assert.equal((await matchesOf(listing.id)).length, 1)

    const closed = await listingOf(author.account, { status: 'closed' })
    const late = await respond(helper.client, closed.id)
    assert.equal(late.statusCode, 409)
    assert.match(page(late.body).text('main'), /n’est plus ouverte/)

    const blocked = await person()
    await t.db.db.insert(blocks).values({
      blockerId: author.account.id,
      blockedId: blocked.account.id,
      territoryId: calvados.id,
      createdAt: t.clock.now(),
    })
    const shown = page((await blocked.client.get(`/annonces/${listing.id}`)).body)
    assert.match(shown.text('#repondre'), /Il n’est pas possible de répondre à cette annonce/)
    assert.doesNotMatch(shown.text('#repondre'), /bloqu/i, 'the block itself is not told')
    assert.equal(shown.field('Votre message'), null)
    const refused = await respond(blocked.client, listing.id)
    assert.equal(refused.statusCode, 403)
    assert.equal((await matchesOf(listing.id)).length, 1)
    assert.equal((await matchesOf(closed.id)).length, 0)
  })

  it('takes only verified volunteers in a category that needs them, and says whom to ask', async () => {
    const childcare = await makeCategory(t, calvados, { needsVerifiedVolunteer: true })
    const author = await person()
    const helper = await person()
    const listing = await listingOf(author.account, { categoryId: childcare.id })
    const shown = page((await helper.client.get(`/annonces/${listing.id}`)).body)
    assert.match(shown.text('#repondre'), /réservée aux bénévoles vérifiés .*Département du Calvados/)
    assert.match(shown.text('#repondre'), /contact@calvados\.test/)
    assert.equal((await respond(helper.client, listing.id)).statusCode, 403)
    const verification = {
      territoryId: calvados.id,
      accountId: helper.account.id,
      verifiedBy: null,
      verifiedAt: t.clock.now(),
      note: null,
      revokedBy: null,
      revokedAt: null,
    }
    await t.db.db.insert(volunteerVerifications).values({
      ...verification,
      id: t.app.services.ids(),
      expiresAt: new Date(t.clock.now().getTime() - 1000),
    })
    assert.equal((await respond(helper.client, listing.id)).statusCode, 403, 'an expired one does not count')
    await t.db.db.insert(volunteerVerifications).values({
      ...verification,
      id: t.app.services.ids(),
      expiresAt: new Date(t.clock.now().getTime() + 86_400_000 * 365),
    })
    assert.equal((await respond(helper.client, listing.id)).statusCode, 303)
  })

  it('limits responses per account and day', async () => {
    const author = await person()
    const helper = await person()
    for (let i = 0; i < 20; i++) {
      const listing = await listingOf(author.account)
      assert.equal((await respond(helper.client, listing.id)).statusCode, 303)
    }
    const one = await listingOf(author.account)
    assert.equal((await respond(helper.client, one.id)).statusCode, 429)
    assert.equal((await matchesOf(one.id)).length, 0)
  })

  it('lets the author accept from the listing page, sharing what they choose; the responder is told', async () => {
    const author = await person({ phone: '+33611223344', displayName: 'Alice' })
    const helper = await person({ displayName: 'Bernard' })
    const listing = await listingOf(author.account, { title: 'Porter un meuble' })
    const match = await makeMatch(t, calvados, listing, helper.account, { message: 'Je suis costaud.' })
    const own = page((await author.client.get(`/annonces/${listing.id}`)).body)
    const item = own.text(`#reponse-${match.id}`)
    assert.match(item, /Bernard, le 16 mars 2026/)
    assert.match(item, /Je suis costaud\./)
    assert.match(item, /Statut : en attente de décision/)
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
    assert.match(seen.text('main'), /Statut : acceptée/)
    assert.match(seen.text('main'), /Coordonnées partagées par Alice/)
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
    assert.match(seen.text('main'), /Bernard a annulé cette mise en relation/)
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
    assert.equal(list.h1(), 'Mes mises en relation')
    const items = list.all('main li')
    assert.equal(items.length, 2)
    assert.match(
      items[0]!,
      /^Ma demande\s*Denis a répondu à votre annonce\s*Statut : en attente de décision\s*3 messages non lus/,
    )
    assert.match(items[1]!, /^Sa proposition\s*Vous avez répondu à l’annonce publiée par Claire/)
    assert.doesNotMatch(items[1]!, /non lu/, 'my own message is not unread for me')
    assert.equal(list.link('Ma demande'), `/mises-en-relation/${asAuthor.id}`)

    const listings = page((await me.client.get('/mes-annonces')).body)
    assert.equal(listings.link('Mes mises en relation'), '/mises-en-relation')
    assert.equal(listings.link(`Réponses (1) ${myListing.title}`), `/annonces/${myListing.id}#reponses`)
    assert.match(listings.text('main'), /1 en attente de votre décision/)
  })
})
