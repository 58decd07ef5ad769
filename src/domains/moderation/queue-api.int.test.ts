import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  heldListing,
  itemRow,
  type ModerationWorld,
  moderationWorld,
  reportedMessage,
} from '../../../test/helpers/moderation.ts'

const API = '/api/v1/moderation/items'

describe('the moderation queue’s JSON API', () => {
  let t: TestApp
  let w: ModerationWorld
  let listingItem = ''
  let messageItem = ''
  before(async () => {
    t = await buildTestApp()
    w = await moderationWorld(t)
    listingItem = (await heldListing(t, w)).itemId
    messageItem = (await reportedMessage(t, w)).itemId
  })
  after(() => t.close())

  const post = (client: Client, url: string, payload: Record<string, string>) =>
    client.request({
      method: 'POST',
      url,
      payload,
      headers: { 'x-csrf-token': client.csrfToken(), accept: 'application/json' },
      withoutCsrf: true,
    })
  const get = (client: Client, url: string) =>
    client.request({ method: 'GET', url, headers: { accept: 'application/json' } })

  it('lists the open items with their counts, and refuses a filter outside the lists in French', async () => {
    const camille = await w.client(w.camille)
    const res = await get(camille, API)
    assert.equal(res.statusCode, 200)
    const body = res.json()
    assert.deepEqual(
      body.items.map((i: { subjectKind: string }) => i.subjectKind),
      ['message', 'listing'],
    )
    assert.deepEqual(body.counts, { 'money-wording': 1, report: 1 })
    const bad = await get(camille, `${API}?cause=argent`)
    assert.equal(bad.statusCode, 400)
    assert.equal(bad.json().errors[0].detail, 'Choisissez un motif de la liste.')
  })

  it('reads an item without the message’s text; the text comes only with a reason, audited', async () => {
    const camille = await w.client(w.camille)
    const item = await get(camille, `${API}/${messageItem}`)
    assert.equal(item.statusCode, 200)
    assert.ok(!item.body.includes('Envoyez-moi 50 euros'))
    assert.equal(item.json().person.displayName, 'Karim')
    assert.equal((await itemRow(t, messageItem)).claimedBy, null, 'reading claims nothing')
    const refused = await post(camille, `${API}/${messageItem}/reading`, { readingReason: 'curiosité' })
    assert.equal(refused.statusCode, 400)
    const read = await post(camille, `${API}/${messageItem}/reading`, { readingReason: 'report' })
    assert.equal(read.statusCode, 200)
    assert.deepEqual(read.json().parties, ['Jeanne', 'Karim'])
    assert.equal(
      read.json().messages.find((m: { reported: boolean }) => m.reported).body,
      'Envoyez-moi 50 euros',
    )
  })

  it('claims for one moderator at a time, and refuses a stale decision with 409', async () => {
    const camille = await w.client(w.camille)
    const dominique = await w.client(w.dominique)
    const claimed = await post(camille, `${API}/${listingItem}/claim`, {})
    assert.equal(claimed.statusCode, 200)
    assert.equal(claimed.json().heldBy, 'Camille')
    const taken = await post(dominique, `${API}/${listingItem}/claim`, {})
    assert.equal(taken.statusCode, 409)
    assert.match(taken.json().detail, /Pris en charge par Camille depuis/)

    const version = String(claimed.json().version)
    const stale = await post(camille, `${API}/${listingItem}/decision`, {
      version: String(Number(version) + 5),
      decision: 'publish',
    })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.json().detail, /a changé depuis votre lecture/)
    const done = await post(camille, `${API}/${listingItem}/decision`, { version, decision: 'publish' })
    assert.equal(done.statusCode, 200)
    assert.deepEqual([done.json().status, done.json().decision], ['decided', 'published'])
    const again = await post(dominique, `${API}/${listingItem}/decision`, { version, decision: 'publish' })
    assert.equal(again.statusCode, 409)
    assert.match(again.json().detail, /déjà été traité par Camille/)
  })

  it('is closed to residents and without the CSRF header', async () => {
    const jeanne = await w.client(w.jeanne, false)
    assert.equal((await get(jeanne, API)).statusCode, 403)
    const camille = await w.client(w.camille)
    const noHeader = await camille.request({
      method: 'POST',
      url: `${API}/${messageItem}/claim`,
      payload: {},
      withoutCsrf: true,
    })
    assert.equal(noHeader.statusCode, 403)
  })
})
