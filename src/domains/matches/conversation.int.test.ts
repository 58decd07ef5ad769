import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Account as AccountRow } from '../../../test/helpers/accounts.ts'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeMatch, storedMessages } from '../../../test/helpers/conversations.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { MESSAGE_RATE } from './conversation.service.ts'
import { findMatch, hasBlocked, type MatchRow } from './match.repository.ts'
import type { MatchStatus } from './match.schema.ts'

describe('conversations: the messages of a match, between its two parties', () => {
  let t: TestApp
  let calvados: Territory
  let lozere: Territory
  const host = () => calvados.hostnames[0]!

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    lozere = await makeTerritory(t.app.services, { departements: ['48'], platformName: 'Lozère' })
  })
  after(() => t.close())

  async function person(overrides: Partial<AccountRow> = {}) {
    const account = await makeAccount(t, calvados, overrides)
    return { account, client: await new Client(t, host()).signInDirectly(account) }
  }
  async function pair(status: MatchStatus = 'accepted') {
    const author = await person({ displayName: 'Marie' })
    const responder = await person({ displayName: 'Karim' })
    const match = await makeMatch(
      t,
      calvados,
      { author: author.account, responder: responder.account },
      { status },
    )
    return { author, responder, match, path: `/mises-en-relation/${match.id}` }
  }
  const read = async (client: Client, path: string) => {
    const res = await client.get(`${path}/messages`)
    assert.equal(res.statusCode, 200, res.body)
    return page(res.body)
  }
  const write = (client: Client, path: string, body: string) => client.post(`${path}/messages`, { body })

  it('shows the safety rules first, then the messages, and lets both parties write', async () => {
    const { author, responder, match, path } = await pair()
    const empty = await read(author.client, path)
    assert.equal(empty.h1(), 'Conversation avec Karim')
    const safety = empty.text('#conversation .notice')
    assert.match(safety, /Ne donnez jamais d’argent ni vos coordonnées bancaires/)
    assert.match(safety, /lieu public ou avec une personne de confiance/)
    assert.match(safety, /Signalez tout message suspect/)
    assert.match(empty.text('#conversation'), /Aucun message pour l’instant/)
    assert.ok(empty.field('Votre message'), 'a labelled text box')

    t.clock.advance('1 minute')
    const sent = await write(author.client, path, '  Bonjour Karim,\r\nsamedi 10 h ?  ')
    assert.equal(sent.statusCode, 303)
    assert.equal(sent.headers.location, `${path}#conversation`)
    t.clock.advance('1 minute')
    assert.equal((await write(responder.client, path, 'Parfait, à samedi.')).statusCode, 303)

    const stored = await storedMessages(t, match.id)
    assert.deepEqual(
      stored.map((m) => [m.senderId, m.body]),
      [
        [author.account.id, 'Bonjour Karim,\nsamedi 10 h ?'],
        [responder.account.id, 'Parfait, à samedi.'],
      ],
    )
    const updated = await findMatch(t.db.db, calvados.id, match.id)
    assert.equal(updated?.lastActivityAt.toISOString(), stored[1]!.createdAt.toISOString())
    assert.equal(updated?.updatedAt.toISOString(), stored[1]!.createdAt.toISOString())

    const view = await read(responder.client, path)
    const items = [...view.document.querySelectorAll('ol.messages > li')]
    assert.equal(items.length, 2)
    assert.match(items[0]!.textContent!, /Marie/)
    assert.equal(items[0]!.querySelectorAll('br').length, 1, 'the line break is kept')
    assert.match(items[1]!.textContent!, /Vous/)
    assert.ok(items[0]!.querySelector('a[href^="/signaler"]'), 'the other party’s message can be reported')
    assert.equal(items[1]!.querySelector('a[href^="/signaler"]'), null, 'not one’s own')
  })

  it('shows « Vu » under my message once the other party has opened the conversation', async () => {
    const { author, responder, path } = await pair('pending')
    await write(responder.client, path, 'Je peux vous aider mardi.')
    const before = await read(responder.client, path)
    assert.deepEqual(before.all('.message-seen'), [])

    t.clock.advance('5 minutes')
    await read(author.client, path)
    const afterOpen = await read(responder.client, path)
    assert.deepEqual(afterOpen.all('.message-seen'), ['Vu'])
    assert.deepEqual(
      (await read(author.client, path)).all('.message-seen'),
      [],
      '« vu » is for the writer only',
    )
  })

  it('shows a message holding HTML as text', async () => {
    const { author, responder, path } = await pair()
    const html = '<script>alert("x")</script><b>gras</b> <a href="https://arnaque.test">lien</a>'
    await write(author.client, path, html)
    const res = await responder.client.get(`${path}/messages`)
    assert.doesNotMatch(res.body, /<script>alert/)
    assert.doesNotMatch(res.body, /<b>gras<\/b>/)
    assert.match(res.body, /&lt;script>alert\(&quot;x&quot;\)&lt;\/script>|&lt;script&gt;alert/)
    const p = page(res.body)
    assert.equal(p.text('.message-body'), html)
    assert.equal(p.document.querySelector('.message-body a'), null)
  })

  it('answers a bad message with the error beside the field and the text kept, and saves nothing', async () => {
    const { author, match, path } = await pair()
    const empty = await write(author.client, path, '   ')
    assert.equal(empty.statusCode, 400)
    assert.deepEqual(page(empty.body).errorSummary(), [{ text: 'Écrivez votre message', href: '#body' }])

    const long = `Début ${'a'.repeat(2000)}`
    const tooLong = await write(author.client, path, long)
    assert.equal(tooLong.statusCode, 400)
    const p = page(tooLong.body)
    assert.deepEqual(p.errorSummary(), [
      { text: 'Votre message doit faire 2000 caractères au plus', href: '#body' },
    ])
    assert.match(p.title(), /^Il y a un problème/)
    assert.equal(p.document.querySelector('textarea#body')?.textContent, long, 'what was typed is kept')
    assert.equal((await storedMessages(t, match.id)).length, 0)
  })

  it('refuses a form without its CSRF token', async () => {
    const { author, match, path } = await pair()
    const res = await author.client.post(`${path}/messages`, { body: 'Bonjour' }, { withoutCsrf: true })
    assert.equal(res.statusCode, 403)
    assert.equal((await storedMessages(t, match.id)).length, 0)
  })

  it('is not found by anyone else, nor from another territory, and nothing changes', async () => {
    const { author, responder, match, path } = await pair()
    await write(author.client, path, 'Pour Karim seulement')
    const stranger = await person()
    assert.equal((await stranger.client.get(`${path}/messages`)).statusCode, 404)
    assert.equal((await write(stranger.client, path, 'Intrus')).statusCode, 404)
    assert.equal((await stranger.client.get(`${path}/bloquer`)).statusCode, 404)
    assert.equal((await stranger.client.post(`${path}/bloquer`, {})).statusCode, 404)
    const visitor = await new Client(t, host()).get(`${path}/messages`)
    assert.equal(visitor.statusCode, 303, 'a visitor is asked to sign in')
    assert.match(String(visitor.headers.location), /^\/connexion\?retour=/)
    const stored = await storedMessages(t, match.id)
    assert.deepEqual(
      stored.map((m) => [m.body, m.seenAt]),
      [['Pour Karim seulement', null]],
      'a stranger’s visit marks nothing seen',
    )
    assert.equal(await hasBlocked(t.db.db, stranger.account.id, author.account.id), false)

    // Both parties are accounts of this platform, but the match belongs to another territory.
    const elsewhere = await makeMatch(t, lozere, { author: author.account, responder: responder.account })
    const there = `/mises-en-relation/${elsewhere.id}`
    assert.equal((await author.client.get(`${there}/messages`)).statusCode, 404)
    assert.equal((await write(author.client, there, 'Bonjour')).statusCode, 404)
    assert.equal((await storedMessages(t, elsewhere.id)).length, 0)
    assert.equal((await author.client.get('/mises-en-relation/pas-un-id/messages')).statusCode, 404)
  })

  it('keeps the conversation open while pending, accepted or done, and says plainly when it closed', async () => {
    for (const status of ['pending', 'done'] as const) {
      const { author, match, path } = await pair(status)
      assert.equal((await write(author.client, path, 'Un mot')).statusCode, 303, status)
      assert.equal((await storedMessages(t, match.id)).length, 1)
    }
    const closed = {
      declined: 'Cette réponse a été déclinée : la conversation est fermée.',
      withdrawn: 'Cette réponse a été retirée : la conversation est fermée.',
      cancelled: 'L’aide prévue a été annulée : la conversation est fermée.',
    } as const
    for (const [status, sentence] of Object.entries(closed)) {
      const { responder, match, path } = await pair(status as MatchStatus)
      const view = await read(responder.client, path)
      assert.equal(view.field('Votre message'), null, status)
      assert.match(view.text('#conversation'), new RegExp(sentence))
      const refused = await write(responder.client, path, 'Encore un mot')
      assert.equal(refused.statusCode, 409)
      assert.deepEqual(
        page(refused.body)
          .errorSummary()
          .map((e) => e.text),
        [sentence],
      )
      assert.equal((await storedMessages(t, match.id)).length, 0)
    }
  })

  it('asks for a verified address before writing', async () => {
    const unverified = await person({ emailVerifiedAt: null })
    const theirs: MatchRow = await makeMatch(t, calvados, {
      author: (await person()).account,
      responder: unverified.account,
    })
    assert.equal(
      (await write(unverified.client, `/mises-en-relation/${theirs.id}`, 'Bonjour')).statusCode,
      403,
    )
    const view = await read(unverified.client, `/mises-en-relation/${theirs.id}`)
    assert.match(view.text('#conversation'), /Confirmez votre adresse électronique pour écrire des messages/)
    assert.equal((await storedMessages(t, theirs.id)).length, 0)
  })

  it('blocks after a confirmation: the blocked person can no longer write, the blocker still reads', async () => {
    const { author, responder, match, path } = await pair()
    await write(responder.client, path, 'Bonjour Marie')
    const confirm = page((await author.client.get(`${path}/bloquer`)).body)
    assert.equal(confirm.h1(), 'Bloquer Karim ?')
    assert.match(
      confirm.text('main'),
      /ne pourra plus vous écrire, dans aucune conversation, ni répondre à vos annonces/,
    )
    assert.equal(confirm.link('Annuler et revenir à la conversation'), `${path}#conversation`)
    assert.equal(
      (await author.client.post(`${path}/bloquer`, {}, { withoutCsrf: true })).statusCode,
      403,
      'CSRF checked',
    )
    assert.equal(await hasBlocked(t.db.db, author.account.id, responder.account.id), false)

    const blocked = await author.client.post(`${path}/bloquer`, {})
    assert.equal(blocked.statusCode, 303)
    assert.equal(blocked.headers.location, `${path}?conversation=bloquee#conversation`)
    assert.equal(await hasBlocked(t.db.db, author.account.id, responder.account.id), true)
    const blockerView = page((await author.client.get(`${path}/messages?conversation=bloquee`)).body)
    assert.match(blockerView.text('#conversation .success'), /Vous avez bloqué Karim/)
    assert.match(blockerView.text('.message-body'), /Bonjour Marie/, 'the blocker still reads')
    assert.match(blockerView.text('#conversation'), /Vous avez bloqué cette personne/)
    assert.equal(blockerView.field('Votre message'), null)
    assert.ok(
      [...blockerView.document.querySelectorAll('form button')].some(
        (b) => b.textContent === 'Débloquer cette personne',
      ),
    )

    const refused = await write(responder.client, path, 'Pourquoi ?')
    assert.equal(refused.statusCode, 403)
    assert.deepEqual(
      page(refused.body)
        .errorSummary()
        .map((e) => e.text),
      ['Vous ne pouvez plus écrire dans cette conversation.'],
    )
    // Nor in any other conversation with the blocker.
    const other = await makeMatch(t, calvados, { author: author.account, responder: responder.account })
    assert.equal(
      (await write(responder.client, `/mises-en-relation/${other.id}`, 'Et ici ?')).statusCode,
      403,
    )
    assert.deepEqual(
      (await storedMessages(t, match.id)).map((m) => m.body),
      ['Bonjour Marie'],
    )
    assert.equal((await storedMessages(t, other.id)).length, 0)

    const unblocked = await author.client.post(`${path}/debloquer`, {})
    assert.equal(unblocked.headers.location, `${path}?conversation=debloquee#conversation`)
    assert.equal(await hasBlocked(t.db.db, author.account.id, responder.account.id), false)
    assert.equal((await write(responder.client, path, 'Merci')).statusCode, 303)
  })

  it('limits the messages an account sends in an hour', async () => {
    const { author, match, path } = await pair()
    for (let i = 0; i < MESSAGE_RATE.max; i++) {
      assert.equal((await write(author.client, path, `Message ${i}`)).statusCode, 303)
    }
    const limited = await write(author.client, path, 'Un de trop')
    assert.equal(limited.statusCode, 429)
    assert.ok(limited.headers['retry-after'])
    assert.equal((await storedMessages(t, match.id)).length, MESSAGE_RATE.max)
    t.clock.advance('61 minutes')
    assert.equal((await write(author.client, path, 'Plus tard')).statusCode, 303)
  })

  it('is part of the match page too, where opening it marks « vu » and blocking is confirmed', async () => {
    const { author, responder, path } = await pair()
    await write(responder.client, path, 'Bonjour <b>Marie</b>')
    const res = await author.client.get(path)
    assert.equal(res.statusCode, 200, res.body)
    const matchPage = page(res.body)
    assert.match(matchPage.text('#conversation .notice'), /Ne donnez jamais d’argent/)
    assert.equal(matchPage.text('#conversation .message-body'), 'Bonjour <b>Marie</b>')
    assert.deepEqual((await read(responder.client, path)).all('.message-seen'), ['Vu'])
    await author.client.post(`${path}/bloquer`, {})
    const blocked = page((await author.client.get(`${path}?conversation=bloquee`)).body)
    assert.match(blocked.text('#conversation .success'), /Vous avez bloqué Karim/)
  })
})
