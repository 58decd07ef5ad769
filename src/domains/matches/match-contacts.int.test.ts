import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Account as AccountRow } from '../../../test/helpers/accounts.ts'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { findDevEmail, listDevEmails } from '../../platform/mail/dev-outbox.repository.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

/**
 * The promise to people who answer or post: nobody gets a phone number or an email address
 * before both sides agree. Every page, JSON answer and email is searched for the real values.
 */
describe('matches: contact details are revealed only on acceptance', () => {
  let t: TestApp
  let calvados: Territory
  const host = () => calvados.hostnames[0]!
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  let n = 0
  async function person(name: string) {
    n += 1
    const phone = `+3361234560${n}`
    const account = await makeAccount(t, calvados, {
      displayName: name,
      phone,
      email: `${name.toLowerCase()}.secret${n}@exemple.test`,
    })
    return { account, client: await new Client(t, host()).signInDirectly(account) }
  }
  /** The ways a phone and an address could show: stored form, national form, spaced, the address. */
  function traces(account: AccountRow) {
    const national = `0${account.phone!.slice(3)}`
    return [account.phone!, national, national.replace(/(\d{2})(?=\d)/g, '$1 '), account.email]
  }
  function assertHidden(text: string, account: AccountRow, where: string) {
    for (const trace of traces(account)) assert.ok(!text.includes(trace), `${trace} seen in ${where}`)
  }
  function assertShown(text: string, account: AccountRow, where: string) {
    assert.ok(text.includes(account.phone!), `phone missing in ${where}`)
    assert.ok(text.includes(account.email), `email missing in ${where}`)
  }
  /** Every mail written so far, to anyone, sent by the worker first. */
  async function allMails() {
    await t.app.services.worker.runDue()
    const list = await listDevEmails(t.db.db, null, 500)
    const mails = await Promise.all(list.map((m) => findDevEmail(t.db.db, m.id, null)))
    return mails.map((m) => `${m!.subject}\n${m!.text}\n${m!.html}`).join('\n')
  }
  const views = async (client: Client, matchId: string, listingId: string) => ({
    match: (await client.get(`/mises-en-relation/${matchId}`)).body,
    json: (await client.get(`/api/v1/matches/${matchId}`)).body,
    list: (await client.get('/api/v1/matches')).body,
    mine: (await client.get('/mises-en-relation')).body,
    listing: (await client.get(`/annonces/${listingId}`)).body,
  })
  const all = (v: Record<string, string>) => Object.values(v).join('\n')

  it('shows nothing before acceptance, each side’s chosen details after, nothing again once cancelled', async () => {
    const alice = await person('Alice')
    const bruno = await person('Bruno')
    const listing = await makeListing(t, calvados, alice.account)
    const res = await bruno.client.post(`/annonces/${listing.id}/repondre`, {
      message: 'Je peux passer demain.',
      shares: ['phone', 'email'],
    })
    assert.equal(res.statusCode, 303)
    const matchId = /mises-en-relation\/([\w-]+)/.exec(res.headers.location as string)![1]!

    const brunoBefore = await views(bruno.client, matchId, listing.id)
    const aliceBefore = await views(alice.client, matchId, listing.id)
    assertHidden(all(brunoBefore), alice.account, 'the responder’s pages before acceptance')
    assertHidden(all(aliceBefore), bruno.account, 'the author’s pages before acceptance')
    assert.equal(JSON.parse(brunoBefore.json).contacts, undefined)
    assert.match(page(brunoBefore.match).text('main'), /ne sont montrées qu’une fois la réponse acceptée/)
    const mailsBefore = await allMails()
    assert.match(mailsBefore, /Bruno a répondu/)
    assertHidden(mailsBefore, bruno.account, 'the mails before acceptance')
    assertHidden(mailsBefore, alice.account, 'the mails before acceptance')

    const accepted = await alice.client.post(`/mises-en-relation/${matchId}/accepter`, { shares: ['email'] })
    assert.equal(accepted.statusCode, 303)
    const brunoAfter = await views(bruno.client, matchId, listing.id)
    const aliceAfter = await views(alice.client, matchId, listing.id)
    const seenByBruno = page(brunoAfter.match)
    assert.match(
      seenByBruno.text('main'),
      new RegExp(`Coordonnées partagées par Alice\\s*Courriel\\s*${alice.account.email}`),
    )
    assert.ok(!brunoAfter.match.includes(alice.account.phone!), 'Alice shared her email only')
    assert.deepEqual(JSON.parse(brunoAfter.json).contacts, { email: alice.account.email })
    assertShown(aliceAfter.match, bruno.account, 'the author’s match page')
    assert.deepEqual(JSON.parse(aliceAfter.json).contacts, {
      phone: bruno.account.phone,
      email: bruno.account.email,
    })
    assertHidden(brunoAfter.listing + brunoAfter.list + brunoAfter.mine, alice.account, 'other pages')
    const mailsAfter = await allMails()
    assert.match(mailsAfter, /Alice a accepté votre réponse/)
    assertHidden(mailsAfter, bruno.account, 'the mails after acceptance')
    assertHidden(mailsAfter, alice.account, 'the mails after acceptance')

    const cancelled = await bruno.client.post(`/mises-en-relation/${matchId}/annuler`, { reason: 'Empêché.' })
    assert.equal(cancelled.statusCode, 303)
    assertHidden(all(await views(bruno.client, matchId, listing.id)), alice.account, 'after cancelling')
    assertHidden(all(await views(alice.client, matchId, listing.id)), bruno.account, 'after cancelling')
  })

  it('never shows them to a declined responder, a stranger, or another territory', async () => {
    const alice = await person('Ariane')
    const cedric = await person('Cedric')
    const listing = await makeListing(t, calvados, alice.account)
    const res = await cedric.client.post(`/annonces/${listing.id}/repondre`, {
      message: 'Disponible.',
      shares: ['phone', 'email'],
    })
    const matchId = /mises-en-relation\/([\w-]+)/.exec(res.headers.location as string)![1]!
    const declined = await alice.client.post(`/mises-en-relation/${matchId}/decliner`, { reason: '' })
    assert.equal(declined.statusCode, 303)
    assertHidden(all(await views(cedric.client, matchId, listing.id)), alice.account, 'a declined responder')
    assertHidden(
      all(await views(alice.client, matchId, listing.id)),
      cedric.account,
      'the author, once declined',
    )
    const declinedMail = (await outboxMails(t, cedric.account.email))[0]!
    assert.match(declinedMail.subject, /a décliné votre réponse/)
    assertHidden(`${declinedMail.text}${declinedMail.html}`, alice.account, 'the decline email')

    const stranger = await person('Diane')
    assert.equal((await stranger.client.get(`/mises-en-relation/${matchId}`)).statusCode, 404)
    assert.equal((await stranger.client.get(`/api/v1/matches/${matchId}`)).statusCode, 404)
    const strangerPages = all(await views(stranger.client, matchId, listing.id))
    assertHidden(strangerPages, alice.account, 'a stranger’s pages')
    assertHidden(strangerPages, cedric.account, 'a stranger’s pages')

    const lozere = await makeTerritory(t.app.services, { departements: ['48'], platformName: 'Lozère' })
    const lozerien = await makeAccount(t, lozere, { communeInsee: '48095' })
    const elsewhere = await new Client(t, lozere.hostnames[0]!).signInDirectly(lozerien)
    const far = await elsewhere.get(`/mises-en-relation/${matchId}`)
    assert.equal(far.statusCode, 404)
    assertHidden(far.body, alice.account, 'another territory')
    const farJson = await elsewhere.get(`/api/v1/matches/${matchId}`)
    assert.equal(farJson.statusCode, 404)
    assertHidden(farJson.body, cedric.account, 'another territory')
    // Even a party of the match, signed in on another platform, finds nothing there.
    const aliceAway = await new Client(t, lozere.hostnames[0]!).signInDirectly({
      id: alice.account.id,
      territoryId: lozere.id,
    })
    assert.equal((await aliceAway.get(`/mises-en-relation/${matchId}`)).statusCode, 404)
  })
})
