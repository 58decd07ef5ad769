import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Account as AccountRow } from '../../../test/helpers/accounts.ts'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { categories } from '../../../test/helpers/tables.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { notifyPublished, scheduleAlertJobs } from './alerts.jobs.ts'
import { listings } from './listing.schema.ts'
import { savedSearches } from './saved-search.schema.ts'

const COORDS: Record<string, [number, number]> = {
  '14366': [49.1467, 0.2383],
  '14574': [49.1442, 0.1907],
  '14118': [49.1848, -0.3698],
}

describe('saved searches and their alerts', () => {
  let t: TestApp
  let calvados: Territory
  let author: AccountRow
  let informatique: string
  const host = () => calvados.hostnames[0]!

  async function publish(o: {
    title: string
    communeInsee?: string
    authorId?: string
    kind?: 'ask' | 'offer'
  }) {
    const id = t.app.services.ids()
    const now = t.clock.now()
    const insee = o.communeInsee ?? '14574'
    const [latitude, longitude] = COORDS[insee]!
    await t.db.db.insert(listings).values({
      id,
      territoryId: calvados.id,
      authorId: o.authorId ?? author.id,
      kind: o.kind ?? 'ask',
      categoryId: informatique,
      title: o.title,
      description: 'Besoin d’un coup de main',
      communeInsee: insee,
      latitude,
      longitude,
      whenKind: 'flexible',
      charterVersion: '1',
      status: 'published',
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
      expiresAt: new Date(now.getTime() + 30 * 86_400_000),
    })
    await notifyPublished(t.app.services, id)
    return id
  }

  async function subscriber(frequency: 'immediate' | 'daily') {
    const account = await makeAccount(t, calvados)
    const client = await new Client(t, host()).signInDirectly(account)
    const res = await client.post('/compte/alertes', {
      words: 'ordinateur',
      kind: 'ask',
      categories: 'test-informatique',
      commune: 'Lisieux',
      radiusKm: '10',
      urgency: '',
      frequency,
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/compte/alertes?cree=1')
    return { account, client }
  }

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    author = await makeAccount(t, calvados)
    informatique = t.app.services.ids()
    await t.db.db.insert(categories).values({
      id: informatique,
      territoryId: calvados.id,
      slug: 'test-informatique',
      name: { fr: 'Aide informatique' },
      description: { fr: 'Aide informatique' },
      guidance: { fr: 'Ne donnez jamais d’argent.' },
      icon: 'help',
      position: 100,
    })
  })
  after(() => t.close())

  it('creates an alert from the search page, for signed-in people only, and lists it', async () => {
    const visitor = new Client(t, host())
    assert.match(page((await visitor.get('/annonces?words=ordinateur')).body).text('main'), /Connectez-vous/)
    const { client } = await subscriber('immediate')
    const searchPage = page((await client.get('/annonces?words=ordinateur&commune=Lisieux')).body)
    assert.ok(searchPage.document.querySelector('form[action="/compte/alertes"] button'))
    const list = page((await client.get('/compte/alertes?cree=1')).body)
    assert.match(list.text('main'), /Votre alerte est créée/)
    assert.match(list.text('main'), /« ordinateur » – à moins de 10 km de Lisieux \(à chaque annonce\)/)
    const refused = await visitor.post('/compte/alertes', { frequency: 'immediate' })
    assert.equal(refused.statusCode, 401)
  })

  it('mails each immediate alert once per matching published listing, with one-click unsubscribe headers', async () => {
    const { account } = await subscriber('immediate')
    await publish({ title: 'Réparer mon ordinateur' })
    const far = await publish({ title: 'Ordinateur à Caen', communeInsee: '14118' })
    await publish({ title: 'Un ordinateur à donner', kind: 'offer' })
    await publish({ title: 'Mon propre ordinateur', authorId: account.id })
    await notifyPublished(t.app.services, far)
    const mails = await outboxMails(t, account.email)
    assert.deepEqual(
      mails.map((m) => m.subject),
      ['Nouvelle annonce : Réparer mon ordinateur'],
    )
    const mail = mails[0]!
    assert.match(
      mail.headers['List-Unsubscribe'] ?? '',
      /^<https:\/\/.+\/alertes\/desabonnement\?jeton=[\w-]+>$/,
    )
    assert.equal(mail.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click')
    assert.match(mail.text, /Aide informatique, Saint-Désir/)
    // Publishing is notified twice (a retry): still one mail.
    const [again] = await t.db.db
      .select()
      .from(listings)
      .where((await import('drizzle-orm')).eq(listings.title, 'Réparer mon ordinateur'))
    await notifyPublished(t.app.services, again!.id)
    assert.equal((await outboxMails(t, account.email)).length, 1)
  })

  it('sends the daily digest once a day, only with what is new', async () => {
    const { account } = await subscriber('daily')
    await scheduleAlertJobs(t.app.services)
    t.clock.advance('1 minute')
    await publish({ title: 'Ordinateur bloqué' })
    await publish({ title: 'Imprimer depuis mon ordinateur' })
    t.clock.advance('1 day')
    assert.deepEqual(
      (await outboxMails(t, account.email)).map((m) => m.subject),
      ['2 nouvelles annonces pour votre alerte'],
    )
    const digest = (await outboxMails(t, account.email))[0]!
    assert.match(digest.text, /Ordinateur bloqué/)
    assert.equal(digest.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click')
    await t.app.services.worker.runDue()
    assert.equal((await outboxMails(t, account.email)).length, 1)
    t.clock.advance('1 day')
    assert.equal((await outboxMails(t, account.email)).length, 1, 'nothing new: no mail')
    await publish({ title: 'Nouvel ordinateur à configurer' })
    t.clock.advance('1 day')
    assert.equal((await outboxMails(t, account.email)).length, 2)
  })

  it('unsubscribes from the link without signing in, that alert only', async () => {
    const first = await subscriber('immediate')
    const second = await subscriber('immediate')
    await publish({ title: 'Ordinateur et imprimante' })
    const [mail] = await outboxMails(t, first.account.email)
    const link = /<(https:[^>]+)>/.exec(mail!.headers['List-Unsubscribe']!)![1]!
    const url = new URL(link)
    const path = `${url.pathname}${url.search}`
    const visitor = new Client(t, host())
    const confirm = await visitor.get(path)
    assert.equal(confirm.statusCode, 200)
    assert.ok(page(confirm.body).document.querySelector('form[method=post] button'))
    const rows = async (accountId: string) =>
      (await t.db.db.select().from(savedSearches)).filter((s) => s.accountId === accountId).length
    assert.equal(await rows(first.account.id), 1, 'opening the link changes nothing')
    // A mail client's RFC 8058 POST: no cookie, no CSRF token.
    const done = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { host: host(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    })
    assert.equal(done.statusCode, 200)
    assert.match(page(done.body).text('main'), /cette alerte est arrêtée/)
    assert.equal(await rows(first.account.id), 0)
    assert.equal(await rows(second.account.id), 1)
    assert.equal((await visitor.get(path)).statusCode, 404)
    assert.equal((await visitor.get('/alertes/desabonnement?jeton=nimportequoinimportequoi')).statusCode, 404)
  })

  it('offers the same through the API, with the same permissions', async () => {
    const visitor = new Client(t, host())
    assert.equal((await visitor.get('/api/v1/me/saved-searches')).statusCode, 401)
    const { client, account } = await subscriber('daily')
    const created = await client.request({
      method: 'POST',
      url: '/api/v1/me/saved-searches',
      headers: { 'x-csrf-token': client.csrfToken() },
      payload: { categories: ['test-informatique'], commune: '14366', radiusKm: 20, frequency: 'immediate' },
    })
    assert.equal(created.statusCode, 201, created.body)
    const body = created.json() as { id: string; commune: { name: string }; radiusKm: number }
    assert.equal(body.commune.name, 'Lisieux')
    const list = (await client.get('/api/v1/me/saved-searches')).json() as { id: string }[]
    assert.equal(list.length, 2)
    const tooLong = await client.request({
      method: 'POST',
      url: '/api/v1/me/saved-searches',
      headers: { 'x-csrf-token': client.csrfToken() },
      payload: { words: 'x'.repeat(500), frequency: 'daily' },
    })
    assert.equal(tooLong.statusCode, 400)
    const other = await new Client(t, host()).signInDirectly(await makeAccount(t, calvados))
    const stolen = await other.request({
      method: 'DELETE',
      url: `/api/v1/me/saved-searches/${body.id}`,
      headers: { 'x-csrf-token': other.csrfToken() },
    })
    assert.equal(stolen.statusCode, 404)
    const deleted = await client.request({
      method: 'DELETE',
      url: `/api/v1/me/saved-searches/${body.id}`,
      headers: { 'x-csrf-token': client.csrfToken() },
    })
    assert.equal(deleted.statusCode, 204)
    assert.equal(((await client.get('/api/v1/me/saved-searches')).json() as unknown[]).length, 1)
    void account
  })
})
