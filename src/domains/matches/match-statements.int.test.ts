import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { makeMatch, storedMessages } from '../../../test/helpers/conversations.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import { makeMatch as makeResponse } from '../../../test/helpers/matches.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { buildCountingTestApp, type Counted, type CountingTestApp } from '../../../test/helpers/statements.ts'
import { notifications } from '../../../test/helpers/tables.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { findMatch } from './match.repository.ts'

/**
 * Statements one request sends to the database, begin and commit included, as PostgreSQL counts
 * them: authentication (1), then the use case; the header's unread count is made only for a page
 * sent, never for a form answered by a redirect. The writes that follow a change (the bilan's
 * event, the daily limit, a notification and its email) are one statement. Before these ceilings
 * were set, a message took 16, a response 17 and an acceptance 16; then 8, 12 and 10.
 */
const CEILING = { message: 7, response: 8, acceptance: 8 }

function withinCeiling(counted: Counted<unknown>, ceiling: number) {
  assert.ok(
    counted.count <= ceiling,
    `${counted.count} statements, ceiling ${ceiling}:\n${counted.statements.join('\n')}`,
  )
}

describe('matches: statements per write', () => {
  let t: CountingTestApp
  let calvados: Territory
  const host = () => calvados.hostnames[0]!
  before(async () => {
    t = await buildCountingTestApp()
    calvados = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  async function person(displayName: string) {
    const account = await makeAccount(t, calvados, { displayName })
    const client = await new Client(t, host()).signInDirectly(account)
    // The territory is then in the host cache, as it is for nearly every request.
    await client.get('/')
    return { account, client }
  }

  it(`posts a message in ${CEILING.message} statements, its mail queued with it`, async () => {
    const marie = await person('Marie')
    const karim = await person('Karim')
    const match = await makeMatch(t, calvados, { author: marie.account, responder: karim.account })
    const path = `/mises-en-relation/${match.id}/messages`
    const write = async (body: string) => {
      const counted = await t.count(() => karim.client.post(path, { body }))
      assert.equal(counted.result.statusCode, 303)
      withinCeiling(counted, CEILING.message)
    }
    await write('Bonjour, samedi 10 h ?')
    assert.equal((await outboxMails(t, marie.account.email)).length, 1, 'mailed at once')
    // Within 15 minutes of that email, the first message queues the window's job, the next finds it queued.
    await write('Ou dimanche ?')
    await write('Comme vous voulez.')

    assert.deepEqual(
      (await storedMessages(t, match.id)).map((m) => m.body),
      ['Bonjour, samedi 10 h ?', 'Ou dimanche ?', 'Comme vous voulez.'],
    )
    t.clock.advance('15 minutes')
    const [mail, ...earlier] = await outboxMails(t, marie.account.email)
    assert.equal(earlier.length, 1, 'one more email for both')
    assert.match(mail?.text ?? '', /Karim vous a envoyé 2 messages/)
  })

  it(`posts a message through the API with a personal token in ${CEILING.message} statements too`, async () => {
    const marie = await person('Marie')
    const karim = await person('Karim')
    const match = await makeMatch(t, calvados, { author: marie.account, responder: karim.account })
    const token = await makeAccessToken(t, calvados, karim.account.id, ['listings:write'])
    const post = async (body: string) => {
      const counted = await t.count(() =>
        callApi(t, { host: host(), token }, 'POST', `/api/v1/matches/${match.id}/messages`, { body }),
      )
      assert.equal(counted.result.statusCode, 201, counted.result.body)
      return counted
    }
    // The token with its account in one statement; its last use written once a minute at most.
    const first = await post('Bonjour, samedi 10 h ?')
    assert.ok(first.statements.some((s) => /update "access_tokens"/.test(s)))
    withinCeiling(first, CEILING.message + 1)
    const next = await post('Ou dimanche ?')
    assert.ok(!next.statements.some((s) => /update "access_tokens"/.test(s)))
    withinCeiling(next, CEILING.message)
    assert.equal(next.statements.filter((s) => /"access_tokens"/.test(s)).length, 1)
  })

  it(`takes a response in ${CEILING.response} statements, with the author's notification and email`, async () => {
    const author = await person('Alice')
    const helper = await person('Bernard')
    const category = await makeCategory(t, calvados)
    const listing = await makeListing(t, calvados, author.account, {
      categoryId: category.id,
      title: 'Porter un meuble',
    })
    const counted = await t.count(() =>
      helper.client.post(`/annonces/${listing.id}/repondre`, { message: 'Je suis costaud.' }),
    )
    assert.equal(counted.result.statusCode, 303)
    withinCeiling(counted, CEILING.response)

    const [note] = await t.db.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.accountId, author.account.id), eq(notifications.type, 'match.response')))
    assert.deepEqual(note?.params, { name: 'Bernard', title: 'Porter un meuble' })
    const mails = await outboxMails(t, author.account.email)
    assert.equal(mails.length, 1)
  })

  it(`accepts a response in ${CEILING.acceptance} statements, and the responder is told`, async () => {
    const author = await person('Alice')
    const helper = await person('Bernard')
    const listing = await makeListing(t, calvados, author.account, { title: 'Arroser les tomates' })
    const match = await makeResponse(t, calvados, listing, helper.account)
    const counted = await t.count(() => author.client.post(`/mises-en-relation/${match.id}/accepter`, {}))
    assert.equal(counted.result.statusCode, 303)
    withinCeiling(counted, CEILING.acceptance)

    assert.equal((await findMatch(t.db.db, calvados.id, match.id))?.status, 'accepted')
    const [note] = await t.db.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.accountId, helper.account.id), eq(notifications.type, 'match.accepted')))
    assert.deepEqual(note?.params, { name: 'Alice', title: 'Arroser les tomates' })
    assert.equal((await outboxMails(t, helper.account.email)).length, 1)
  })
})
