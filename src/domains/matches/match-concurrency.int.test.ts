import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { makeMatch } from '../../../test/helpers/matches.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { notifications } from '../../../test/helpers/tables.ts'
import { jobs } from '../../platform/jobs/job.schema.ts'
import { MAIL_JOB, type MailMessage } from '../../platform/mail/mailer.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { findMatch } from './match.repository.ts'
import { matches } from './match.schema.ts'

describe('matches: responses and acceptances that race, capacity, and mail written with the change', () => {
  let t: TestApp
  let calvados: Territory
  const host = () => calvados.hostnames[0]!
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  async function person() {
    const account = await makeAccount(t, calvados)
    return { account, client: await new Client(t, host()).signInDirectly(account) }
  }
  const notified = (accountId: string, type: string) =>
    t.db.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.accountId, accountId), eq(notifications.type, type)))
  const accept = (client: Client, id: string) => client.post(`/mises-en-relation/${id}/accepter`, {})
  const statusesOf = async (listingId: string) =>
    (await t.db.db.select().from(matches).where(eq(matches.listingId, listingId))).map((m) => m.status).sort()

  it('makes one acceptance and one notification of two simultaneous clicks', async () => {
    const author = await person()
    const helper = await person()
    const listing = await makeListing(t, calvados, author.account)
    const match = await makeMatch(t, calvados, listing, helper.account)
    const second = await new Client(t, host()).signInDirectly(author.account)
    const results = await Promise.all([accept(author.client, match.id), accept(second, match.id)])
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 409])
    const lost = results.find((r) => r.statusCode === 409)!
    assert.match(page(lost.body).text('.error-summary'), /Cette réponse est déjà acceptée/)
    assert.equal((await findMatch(t.db.db, calvados.id, match.id))?.status, 'accepted')
    assert.equal((await notified(helper.account.id, 'match.accepted')).length, 1)
    assert.equal((await outboxMails(t, helper.account.email)).length, 1)
  })

  it('keeps one response of a person answering from two tabs at once, the other told it exists', async () => {
    const author = await person()
    const helper = await person()
    const listing = await makeListing(t, calvados, author.account)
    const second = await new Client(t, host()).signInDirectly(helper.account)
    const respond = (client: Client) =>
      client.post(`/annonces/${listing.id}/repondre`, { message: 'Je peux passer demain.' })
    const results = await Promise.all([respond(helper.client), respond(second)])
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 409])
    const lost = results.find((r) => r.statusCode === 409)!
    assert.match(page(lost.body).text('.error-summary'), /Vous avez déjà répondu/)
    assert.deepEqual(await statusesOf(listing.id), ['pending'])
    assert.equal((await notified(author.account.id, 'match.response')).length, 1)
  })

  it('accepts one helper at a time on an ask, even when two different responses are accepted at once', async () => {
    const author = await person()
    const [b, c] = [await person(), await person()]
    const listing = await makeListing(t, calvados, author.account)
    const one = await makeMatch(t, calvados, listing, b.account)
    const two = await makeMatch(t, calvados, listing, c.account)
    const results = await Promise.all([accept(author.client, one.id), accept(author.client, two.id)])
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 409])
    const lost = results.find((r) => r.statusCode === 409)!
    assert.match(page(lost.body).text('.error-summary'), /Vous avez déjà accepté une réponse à cette demande/)
    assert.deepEqual(await statusesOf(listing.id), ['accepted', 'pending'])
  })

  it('refuses to accept beyond an offer’s capacity, and makes room once a match ends', async () => {
    const author = await person()
    const offer = await makeListing(t, calvados, author.account, {
      kind: 'offer',
      urgency: null,
      capacity: '2 personnes par semaine',
    })
    const responses = []
    for (let i = 0; i < 3; i++) responses.push(await makeMatch(t, calvados, offer, (await person()).account))
    const [first, second, third] = responses as [
      (typeof responses)[0],
      (typeof responses)[0],
      (typeof responses)[0],
    ]
    assert.equal((await accept(author.client, first.id)).statusCode, 303)
    assert.equal((await accept(author.client, second.id)).statusCode, 303)
    const full = await accept(author.client, third.id)
    assert.equal(full.statusCode, 409)
    assert.match(page(full.body).text('.error-summary'), /accueille 2 personne\(s\) à la fois/)
    assert.equal((await findMatch(t.db.db, calvados.id, third.id))?.status, 'pending')
    const done = await author.client.post(`/mises-en-relation/${first.id}/confirmer`, {})
    assert.equal(done.statusCode, 303)
    assert.equal((await accept(author.client, third.id)).statusCode, 303)
    assert.deepEqual(await statusesOf(offer.id), ['accepted', 'accepted', 'done'])
  })

  it('writes the notification and its mail in the transaction of the change: a crash after leaves neither', async () => {
    const author = await person()
    const helper = await person()
    const listing = await makeListing(t, calvados, author.account)
    const match = await makeMatch(t, calvados, listing, helper.account)
    const mailJobs = async () => (await t.db.db.select().from(jobs).where(eq(jobs.name, MAIL_JOB))).length
    const jobsBefore = await mailJobs()
    const mailer = t.app.services.mailer
    const send = mailer.send
    // The mail is written, then the process « dies » before the transaction commits.
    mailer.send = async (message: MailMessage) => {
      await send.call(mailer, message)
      throw new Error('crash after the mail was written')
    }
    try {
      const res = await accept(author.client, match.id)
      assert.equal(res.statusCode, 500)
    } finally {
      mailer.send = send
    }
    assert.equal((await findMatch(t.db.db, calvados.id, match.id))?.status, 'pending')
    assert.equal((await notified(helper.account.id, 'match.accepted')).length, 0)
    assert.equal(await mailJobs(), jobsBefore, 'no mail job left by the rolled-back change')
    assert.equal((await outboxMails(t, helper.account.email)).length, 0)

    assert.equal((await accept(author.client, match.id)).statusCode, 303)
    assert.equal(await mailJobs(), jobsBefore + 1)
    assert.equal((await outboxMails(t, helper.account.email)).length, 1)
  })
})
