import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { scheduleListingJobs } from './listing.jobs.ts'
import { findListing } from './listing.repository.ts'

const DAY = 86_400_000

describe('listings: editing, closing, renewing and expiry', () => {
  let t: TestApp
  let calvados: Territory
  const host = () => calvados.hostnames[0]!
  const reload = async (id: string) => (await findListing(t.db.db, calvados.id, id))!
  async function signedIn() {
    const account = await makeAccount(t, calvados)
    return { account, client: await new Client(t, host()).signInDirectly(account) }
  }

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  it('lets only the author edit, close or renew; others get 403 and the row stays as it was', async () => {
    const { account, client } = await signedIn()
    const listing = await makeListing(t, calvados, account)
    const stranger = (await signedIn()).client
    const before = await reload(listing.id)
    assert.equal((await stranger.get(`/mes-annonces/${listing.id}/modifier`)).statusCode, 403)
    for (const action of ['modifier', 'cloturer', 'renouveler', 'pourvue'])
      assert.equal(
        (await stranger.post(`/mes-annonces/${listing.id}/${action}`, { title: 'Volé' })).statusCode,
        403,
      )
    const headers = { 'x-csrf-token': stranger.csrfToken() }
    const patch = await stranger.request({
      method: 'PATCH',
      url: `/api/v1/listings/${listing.id}`,
      payload: { title: 'Volé' },
      headers,
    })
    assert.equal(patch.statusCode, 403)
    const close = await stranger.request({
      method: 'POST',
      url: `/api/v1/listings/${listing.id}/close`,
      payload: {},
      headers,
    })
    assert.equal(close.statusCode, 403)
    assert.deepEqual(await reload(listing.id), before)
    assert.equal(
      (await new Client(t, host()).post(`/mes-annonces/${listing.id}/cloturer`, {})).statusCode,
      401,
    )

    // The author edits from « mes annonces »: the form comes filled, the charter to tick again.
    const form = page((await client.get(`/mes-annonces/${listing.id}/modifier`)).body)
    assert.equal(form.field('Titre')?.getAttribute('value'), listing.title)
    const edited = await client.post(`/mes-annonces/${listing.id}/modifier`, {
      categoryId: listing.categoryId,
      title: 'Un nouveau titre',
      description: 'Nouveau texte',
      commune: 'Caen (14000)',
      whenKind: 'flexible',
      urgency: 'today',
      forWhom: 'self',
      charter: 'oui',
      status: 'removed',
    })
    assert.equal(edited.statusCode, 303)
    const row = await reload(listing.id)
    assert.equal(row.title, 'Un nouveau titre')
    assert.equal(row.urgency, 'today')
    assert.equal(row.status, 'published')
  })

  it('closes and marks fulfilled from « mes annonces », and the page stays readable with its status', async () => {
    const { account, client } = await signedIn()
    const one = await makeListing(t, calvados, account, { title: 'Première' })
    t.clock.advance('1 minutes')
    const two = await makeListing(t, calvados, account, { title: 'Seconde' })
    const mine = page((await client.get('/mes-annonces')).body)
    assert.deepEqual(mine.all('main h2'), ['Seconde', 'Première'])
    assert.equal((await client.post(`/mes-annonces/${one.id}/cloturer`, {})).statusCode, 303)
    const done = await client.post(`/mes-annonces/${two.id}/pourvue`, {})
    assert.equal(done.headers.location, '/mes-annonces?fait=pourvue')
    assert.equal((await reload(one.id)).status, 'closed')
    assert.equal((await reload(two.id)).status, 'fulfilled')
    const visitor = new Client(t, host())
    assert.match(page((await visitor.get(`/annonces/${one.id}`)).body).text('main'), /État : Clôturée/)
    assert.match(page((await visitor.get(`/annonces/${two.id}`)).body).text('main'), /État : Aide trouvée/)
    // A closed listing cannot be renewed: the action is not offered, and the POST is refused.
    assert.equal((await client.post(`/mes-annonces/${one.id}/renouveler`, {})).statusCode, 409)
  })

  it('reminds the author 3 days before expiry, expires after 30 days, and renewing gives 30 more days', async () => {
    const { account } = await signedIn()
    const category = await makeCategory(t, calvados)
    const listing = await makeListing(t, calvados, account, {
      categoryId: category.id,
      title: '<b>Courses</b>',
    })
    await scheduleListingJobs(t.app.services)
    t.clock.advance('26 days')
    await t.app.services.worker.runDue()
    assert.equal((await outboxMails(t, account.email)).length, 0)
    t.clock.advance('1 days')
    t.clock.advance('1 hours')
    await t.app.services.worker.runDue()
    const mails = await outboxMails(t, account.email)
    assert.equal(mails.length, 1)
    assert.match(mails[0]!.subject, /expire bientôt/)
    assert.doesNotMatch(mails[0]!.html, /<b>Courses/)
    const link = /https?:\/\/\S+\/renouveler/.exec(mails[0]!.text)![0]
    const path = new URL(link).pathname
    assert.equal(path, `/mes-annonces/${listing.id}/renouveler`)
    // The link asks for a click, signed in (the old session has long ended); a GET changes nothing.
    const client = await new Client(t, host()).signInDirectly(account)
    assert.equal((await new Client(t, host()).get(path)).statusCode, 303)
    assert.match(page((await client.get(path)).body).h1(), /Renouveler/)
    assert.ok((await reload(listing.id)).remindedAt)
    t.clock.advance('1 hours')
    await t.app.services.worker.runDue()
    assert.equal((await outboxMails(t, account.email)).length, 1, 'reminded once')

    t.clock.advance('3 days')
    await t.app.services.worker.runDue()
    assert.equal((await reload(listing.id)).status, 'expired')

    const again = await new Client(t, host()).signInDirectly(account)
    assert.equal((await again.post(path, {})).statusCode, 303)
    const renewed = await reload(listing.id)
    assert.equal(renewed.status, 'published')
    assert.equal(renewed.remindedAt, null)
    assert.equal(renewed.expiresAt.getTime(), t.clock.now().getTime() + 30 * DAY)
  })

  it('renews and lists through the API for the author', async () => {
    const { account, client } = await signedIn()
    const listing = await makeListing(t, calvados, account)
    const headers = { 'x-csrf-token': client.csrfToken() }
    t.clock.advance('2 days')
    const res = await client.request({
      method: 'POST',
      url: `/api/v1/listings/${listing.id}/renew`,
      payload: {},
      headers,
    })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().expiresAt, new Date(t.clock.now().getTime() + 30 * DAY).toISOString())
    const mine = await client.request({ method: 'GET', url: '/api/v1/me/listings' })
    assert.deepEqual(
      mine.json().map((l: { id: string }) => l.id),
      [listing.id],
    )
  })
})
