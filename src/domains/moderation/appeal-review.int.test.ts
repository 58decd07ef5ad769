import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { changeAccount } from '../../../test/helpers/accounts.ts'
import type { TestApp } from '../../../test/helpers/app.ts'
import { makeMatch } from '../../../test/helpers/conversations.ts'
import { page } from '../../../test/helpers/html.ts'
import { changeListing, makeListing } from '../../../test/helpers/listings.ts'
import {
  appealItems,
  appealRows,
  auditRows,
  makeDecidedItem,
  makeSanction,
  type SanctionRun,
  type SanctionWorld,
  sanctionRow,
  startSanctionRun,
} from '../../../test/helpers/sanctions.ts'
import { messages } from '../../../test/helpers/tables.ts'

const REVIEW = '/administration/moderation/recours'

describe('appeal review by another moderator', () => {
  let t: TestApp
  let w: SanctionWorld
  let run: SanctionRun
  before(async () => {
    run = await startSanctionRun()
    ;({ t, w } = run)
  })
  after(() => run.close())
  beforeEach(() => t.clock.advance('11 minutes'))

  /** A sanction decided by the judge, and the person's appeal filed from the link. */
  async function appealed(
    kind: 'suspend' | 'ban' | 'warn' | 'hide',
    extra: { itemId?: string; accountId?: string } = {},
  ) {
    const person = extra.accountId
      ? { id: extra.accountId, territoryId: w.territory.id }
      : await w.newPerson()
    const sanction = await makeSanction(t, w.territory, {
      accountId: person.id,
      kind,
      decidedBy: w.judge.id,
      ...(extra.itemId ? { itemId: extra.itemId } : {}),
    })
    const res = await (await w.client()).post(`/recours/${sanction.token}`, {
      statement: 'Je n’ai rien vendu.',
    })
    assert.equal(res.statusCode, 303)
    const [appeal] = await appealRows(t, sanction.id)
    return { person, sanction, appealId: appeal!.id }
  }

  it('refuses the moderator who decided the sanction: a clear message, nothing written', async () => {
    const { sanction, appealId } = await appealed('warn')
    const judge = await w.client(w.judge, true)
    const shown = await judge.get(`${REVIEW}/${appealId}`)
    assert.equal(shown.statusCode, 200)
    assert.match(page(shown.body).text('main'), /un autre modérateur doit relire ce recours/)
    assert.equal(page(shown.body).field('Réponse envoyée à la personne'), null, 'no form for them')
    const res = await judge.post(`${REVIEW}/${appealId}`, {
      decision: 'granted',
      answer: 'Je me suis trompé.',
    })
    assert.equal(res.statusCode, 403)
    assert.match(
      page(res.body).text('[role=alert]'),
      /Vous avez pris cette décision.*Rien n’a été enregistré/,
    )
    assert.equal((await appealRows(t, sanction.id))[0]?.status, 'open')
    assert.equal((await sanctionRow(t, sanction.id))?.liftedAt, null)
    assert.equal((await appealItems(t, appealId))[0]?.status, 'open')
    assert.equal((await auditRows(t, 'appeal.granted', appealId)).length, 0)
  })

  it('lets only moderators of the territory, with their second factor, read and decide', async () => {
    const { appealId, person } = await appealed('warn')
    // [client, status of the page, status of the decision]: a moderator without the second
    // factor is sent to set it up; another territory's moderator does not find the appeal.
    const cases = [
      [await w.client(person), 403, 403],
      [await w.client(await w.newPerson()), 403, 403],
      [await w.client(w.reviewer, false), 303, 403],
      [await w.client(w.foreignModerator, true), 404, 404],
    ] as const
    for (const [client, read, decide] of cases) {
      const res = await client.get(`${REVIEW}/${appealId}`)
      assert.equal(res.statusCode, read)
      assert.doesNotMatch(res.body, /Je n’ai rien vendu/)
      if (read === 303) assert.match(String(res.headers.location), /^\/compte\/securite/)
      const post = await client.post(`${REVIEW}/${appealId}`, { decision: 'granted', answer: 'Levée.' })
      assert.equal(post.statusCode, decide)
    }
    assert.equal((await appealItems(t, appealId))[0]?.status, 'open', 'nothing decided')
    const list = page((await (await w.client(w.reviewer, true)).get(REVIEW)).body)
    assert.equal(list.h1(), 'Recours à relire')
    assert.ok(list.all('main li').some((l) => /conteste : Avertissement/.test(l)))
  })

  it('grants: lifts a suspension, gives the account and its listings back, tells the person', async () => {
    const person = await w.newPerson('Odile Martin')
    const listing = await makeListing(t, w.territory, person)
    const { sanction, appealId } = await appealed('suspend', { accountId: person.id })
    assert.equal(await run.accountStatus(person.id), 'suspended')
    assert.equal(await run.listingStatus(listing.id), 'held')
    const reviewer = await w.client(w.reviewer, true)
    const page0 = page((await reviewer.get(`${REVIEW}/${appealId}`)).body)
    assert.equal(page0.h1(), 'Recours de Odile Martin')
    assert.match(page0.text('main'), /Je n’ai rien vendu\./)
    assert.match(page0.text('main'), /Décidée par Jules Juge\./)

    const invalid = await reviewer.post(`${REVIEW}/${appealId}`, { answer: '  ' })
    assert.equal(invalid.statusCode, 400)
    assert.deepEqual(
      page(invalid.body)
        .errorSummary()
        .map((e) => e.href),
      ['#decision', '#answer'],
    )
    assert.equal((await appealRows(t, sanction.id))[0]?.status, 'open')

    const res = await reviewer.post(`${REVIEW}/${appealId}`, {
      decision: 'granted',
      answer: 'Vous demandiez le remboursement des courses : c’est permis.',
    })
    assert.equal(res.statusCode, 303)
    const done = page((await reviewer.get(res.headers.location as string)).body)
    assert.match(done.text('.success'), /La sanction est levée/)
    assert.match(done.text('main'), /Sanction levée par Rita Relectrice/)

    const lifted = await sanctionRow(t, sanction.id)
    assert.ok(lifted?.liftedAt)
    assert.equal(lifted?.liftedBy, w.reviewer.id)
    assert.equal(lifted?.appealTokenHash, null, 'the link is spent')
    assert.equal(await run.accountStatus(person.id), 'active')
    assert.equal(await run.listingStatus(listing.id), 'published')
    const [appeal] = await appealRows(t, sanction.id)
    assert.equal(appeal?.status, 'granted')
    assert.equal(appeal?.reviewedBy, w.reviewer.id)
    const [item] = await appealItems(t, appealId)
    assert.equal(item?.status, 'decided')
    assert.equal(item?.decision, 'granted')
    assert.equal((await auditRows(t, 'appeal.granted', appealId)).length, 1)
    assert.equal((await auditRows(t, 'sanction.lifted', person.id)).length, 1)

    const [mail] = await run.mailsTo(person.email)
    assert.equal(mail?.subject, 'Réponse à votre recours')
    assert.match(mail!.text, /Un autre modérateur a relu la décision et l’a levée\./)
    assert.match(mail!.text, /remboursement des courses : c’est permis/)
    assert.doesNotMatch(mail!.text, /Rita|Jules/, 'no moderator named')
    assert.equal((await (await w.client()).get(`/recours/${sanction.token}`)).statusCode, 404)
    const login = await (await w.client()).post('/connexion', {
      email: person.email,
      password: person.password,
    })
    assert.equal(login.statusCode, 303, 'the person signs in again')
  })

  it('upholds: the ban stays, the person is told it is kept, with the answer', async () => {
    const person = await w.newPerson()
    const { sanction, appealId } = await appealed('ban', { accountId: person.id })
    const res = await (await w.client(w.third, true)).post(`${REVIEW}/${appealId}`, {
      decision: 'upheld',
      answer: 'Les messages demandaient bien de l’argent.',
    })
    assert.equal(res.statusCode, 303)
    assert.equal((await sanctionRow(t, sanction.id))?.liftedAt, null)
    assert.equal(await run.accountStatus(person.id), 'suspended')
    assert.equal((await appealRows(t, sanction.id))[0]?.status, 'upheld')
    assert.equal((await auditRows(t, 'appeal.upheld', appealId)).length, 1)
    assert.equal((await auditRows(t, 'sanction.lifted', person.id)).length, 0)
    const [mail] = await run.mailsTo(person.email)
    assert.match(mail!.text, /l’a maintenue\./)
    assert.match(mail!.text, /demandaient bien de l’argent/)
  })

  it('shows a hidden listing and a hidden message again when their decision is overturned', async () => {
    const author = await w.newPerson()
    const listing = await makeListing(t, w.territory, author)
    await changeListing(
      t.db.db,
      { territoryId: w.territory.id, id: listing.id, statuses: ['published'] },
      { status: 'removed' },
    )
    const listingItem = await makeDecidedItem(t, w.territory, {
      kind: 'listing',
      id: listing.id,
      accountId: author.id,
    })
    const onListing = await appealed('hide', { accountId: author.id, itemId: listingItem })

    const match = await makeMatch(t, w.territory, { author: await w.newPerson(), responder: author })
    const messageId = t.app.services.ids()
    await t.db.db.insert(messages).values({
      id: messageId,
      territoryId: w.territory.id,
      matchId: match.id,
      senderId: author.id,
      body: 'Un message masqué à tort',
      createdAt: t.clock.now(),
      hiddenAt: t.clock.now(),
    })
    const messageItem = await makeDecidedItem(t, w.territory, {
      kind: 'message',
      id: messageId,
      accountId: author.id,
    })
    const onMessage = await appealed('hide', { accountId: author.id, itemId: messageItem })

    const reviewer = await w.client(w.reviewer, true)
    const context = page((await reviewer.get(`${REVIEW}/${onListing.appealId}`)).body)
    assert.equal(
      context.link('Voir l’élément de la file de modération et son contexte'),
      `/administration/moderation/${listingItem}`,
    )
    for (const { appealId } of [onListing, onMessage]) {
      const res = await reviewer.post(`${REVIEW}/${appealId}`, {
        decision: 'granted',
        answer: 'Masqué par erreur.',
      })
      assert.equal(res.statusCode, 303)
    }
    assert.equal(await run.listingStatus(listing.id), 'published')
    const [message] = await t.db.db.select().from(messages).where(eq(messages.id, messageId))
    assert.equal(message?.hiddenAt, null)
  })

  it('refuses a second decision, and of two moderators deciding at once only one wins', async () => {
    const person = await w.newPerson()
    const { sanction, appealId } = await appealed('suspend', { accountId: person.id })
    const [reviewer, third] = [await w.client(w.reviewer, true), await w.client(w.third, true)]
    const [a, b] = await Promise.all([
      reviewer.post(`${REVIEW}/${appealId}`, { decision: 'granted', answer: 'Levée par la première.' }),
      third.post(`${REVIEW}/${appealId}`, { decision: 'upheld', answer: 'Maintenue par le second.' }),
    ])
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [303, 409])
    const loser = a.statusCode === 409 ? a : b
    assert.match(page(loser.body).text('[role=alert]'), /Un autre modérateur a déjà répondu à ce recours/)
    const [appeal] = await appealRows(t, sanction.id)
    const decisions = [
      ...(await auditRows(t, 'appeal.granted', appealId)),
      ...(await auditRows(t, 'appeal.upheld', appealId)),
    ]
    assert.equal(decisions.length, 1)
    assert.equal(decisions[0]!.action, appeal!.status === 'granted' ? 'appeal.granted' : 'appeal.upheld')
    assert.equal((await run.mailsTo(person.email)).length, 1, 'one answer mailed')
    const late = await reviewer.post(`${REVIEW}/${appealId}`, { decision: 'upheld', answer: 'Trop tard.' })
    assert.equal(late.statusCode, 409)
    assert.equal((await appealRows(t, sanction.id))[0]?.answer, appeal!.answer)
    await changeAccount(t.db.db, person.id, { status: 'active' })
  })
})
