import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client } from '../../../test/helpers/accounts.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory } from '../../../test/helpers/listings.ts'
import { matchesOnTheWeb } from '../../../test/helpers/match-web.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { volunteerVerifications } from '../../../test/helpers/tables.ts'
import { blocks, messages } from './match.schema.ts'

describe('matches: responding to a listing on the web', () => {
  type Web = Awaited<ReturnType<typeof matchesOnTheWeb>>
  let t: Web['t']
  let calvados: Web['calvados']
  let host: Web['host']
  let person: Web['person']
  let listingOf: Web['listingOf']
  let matchesOf: Web['matchesOf']
  let notified: Web['notified']
  let respond: Web['respond']
  before(async () => {
    ;({ t, calvados, host, person, listingOf, matchesOf, notified, respond } = await matchesOnTheWeb())
  })
  after(() => t.close())

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
    assert.match(mine.text('main'), /n’a pas encore décidé/)
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
})
