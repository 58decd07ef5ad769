import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Account as AccountRow } from '../../../test/helpers/accounts.ts'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Category } from '../categories/index.ts'
import { findListing, listByAuthor } from './listing.repository.ts'

describe('listings: posting asks and offers', () => {
  let t: TestApp
  let calvados: Territory
  let lozere: Territory
  let category: Category
  const host = () => calvados.hostnames[0]!
  const ask = () => ({
    kind: 'ask',
    categoryId: category.id,
    title: 'Courses pour ma voisine',
    description: 'Elle ne peut plus porter ses sacs.\nLe samedi matin de préférence.',
    commune: 'Bayeux (14400)',
    whenKind: 'recurring',
    recurrence: 'tous les samedis',
    urgency: 'week',
    forWhom: 'self',
    charter: 'oui',
  })
  async function signedIn(overrides: Partial<AccountRow> = {}) {
    const account = await makeAccount(t, calvados, overrides)
    return { account, client: await new Client(t, host()).signInDirectly(account) }
  }
  const mine = (id: string) => listByAuthor(t.db.db, calvados.id, id)

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    lozere = await makeTerritory(t.app.services, {
      departements: ['48'],
      platformName: 'Lozère Entraidons-nous',
    })
    category = await makeCategory(t, calvados)
  })
  after(() => t.close())

  it('offers the two doors first, then a labelled form', async () => {
    const { client } = await signedIn()
    const doors = page((await client.get('/annonces/nouvelle')).body)
    assert.equal(doors.h1(), 'Publier une annonce')
    assert.match(doors.text('main'), /J’ai besoin d’aide/)
    assert.match(doors.text('main'), /Je propose mon aide/)
    const ask = await client.get('/annonces/nouvelle?type=demande')
    assert.equal(ask.headers.location, '/annonces/nouvelle/demande')
    const first = page((await client.get('/annonces/nouvelle/demande')).body)
    assert.equal(first.h1(), 'De quelle aide avez-vous besoin ?')
    const form = page((await client.get('/annonces/nouvelle?type=proposition')).body)
    assert.equal(form.h1(), 'Proposer mon aide')
    for (const label of ['Catégorie', 'Titre', 'Description', 'Commune', 'Son prénom'])
      assert.ok(form.field(label), `field ${label}`)
  })

  it('posts an ask on behalf of a neighbour, with the consent required', async () => {
    const { account, client } = await signedIn()
    const behalf = { ...ask(), forWhom: 'other', onBehalfName: 'Marcel', onBehalfRelation: 'mon voisin' }
    const refused = await client.post('/annonces/nouvelle', behalf)
    assert.equal(refused.statusCode, 400)
    assert.deepEqual(page(refused.body).errorSummary(), [
      { text: 'Confirmez que la personne est d’accord', href: '#onBehalfConsent' },
    ])
    assert.equal((await mine(account.id)).length, 0)
    const res = await client.post('/annonces/nouvelle', { ...behalf, onBehalfConsent: 'oui' })
    assert.equal(res.statusCode, 303)
    const [row] = await mine(account.id)
    assert.ok(row)
    assert.equal(res.headers.location, `/annonces/${row.id}?fait=publiee`)
    assert.equal(row.status, 'published')
    assert.equal(row.onBehalfName, 'Marcel')
    assert.equal(row.onBehalfRelation, 'mon voisin')
    assert.equal(row.onBehalfConsent, true)
    assert.equal(row.communeInsee, '14047')
    assert.equal(row.recurrence, 'tous les samedis')
    const html = (await new Client(t, host()).get(`/annonces/${row.id}`)).body
    const view = page(html)
    assert.equal(view.h1(), 'Courses pour ma voisine')
    assert.match(view.text('main'), /Pour Marcel \(mon voisin\)/)
    assert.match(view.text('main'), /Régulièrement : tous les samedis/)
    assert.match(view.text('main'), /membre depuis mars 2026/)
    assert.equal(view.document.querySelectorAll('main br').length, 1, 'line break kept')
    assert.doesNotMatch(html, new RegExp(account.email))
  })

  it('posts an offer with a capacity', async () => {
    const { account, client } = await signedIn()
    const offer = {
      ...ask(),
      kind: 'offer',
      title: 'Je fais vos courses',
      capacity: '2 personnes par semaine',
    }
    delete (offer as Partial<typeof offer>).urgency
    assert.equal((await client.post('/annonces/nouvelle', offer)).statusCode, 303)
    const [row] = await mine(account.id)
    assert.equal(row?.kind, 'offer')
    assert.equal(row?.capacity, '2 personnes par semaine')
    assert.equal(row?.urgency, null)
  })

  it('takes a former commune name for the commune it now belongs to', async () => {
    const { account, client } = await signedIn()
    const res = await client.post('/annonces/nouvelle', { ...ask(), commune: 'Condé-sur-Noireau' })
    assert.equal(res.statusCode, 303)
    const [row] = await mine(account.id)
    assert.equal(row?.communeInsee, '14174', 'Condé-en-Normandie')
    // Misspelt, it is offered to confirm, saying which former commune it was.
    const misspelt = await client.post('/annonces/nouvelle', { ...ask(), commune: 'conde sur noirau' })
    assert.equal(misspelt.statusCode, 400)
    const form = page(misspelt.body)
    const first = form.document.querySelector<HTMLInputElement>('input[type=radio][name=commune]')!
    const label = 'Condé-en-Normandie (14110) — ancienne commune de Condé-sur-Noireau'
    assert.equal(first.getAttribute('value'), label)
    assert.match(
      form.text('fieldset'),
      /Condé-en-Normandie \(14110\) — ancienne commune de Condé-sur-Noireau/,
    )
    assert.equal((await client.post('/annonces/nouvelle', { ...ask(), commune: label })).statusCode, 303)
    assert.deepEqual(
      (await mine(account.id)).map((l) => l.communeInsee),
      ['14174', '14174'],
    )
  })

  it('answers 400 with the summary and keeps the values', async () => {
    const { account, client } = await signedIn()
    const inactive = await makeCategory(t, calvados, { active: false })
    const res = await client.post('/annonces/nouvelle', {
      ...ask(),
      categoryId: inactive.id,
      title: 'x'.repeat(121),
      description: '  ',
      commune: '48000',
      charter: [],
    } as never)
    assert.equal(res.statusCode, 400)
    const p = page(res.body)
    assert.deepEqual(
      p.errorSummary().map((e) => e.href),
      ['#categoryId', '#title', '#description', '#commune', '#charter'],
    )
    assert.match(p.text('.error-summary'), /ne reçoit plus de nouvelles annonces/)
    assert.match(p.text('.error-summary'), /120 caractères au plus/)
    assert.equal(p.field('Titre')?.getAttribute('value'), 'x'.repeat(121))
    assert.equal(p.field('Commune')?.getAttribute('value'), '48000')
    assert.equal((await mine(account.id)).length, 0)
  })

  it('holds « 20 € de l’heure », tells its author why, and hides it until an administrator publishes it', async () => {
    const { account, client } = await signedIn()
    const res = await client.post('/annonces/nouvelle', { ...ask(), description: 'Je paie 20 € de l’heure.' })
    assert.equal(res.statusCode, 303)
    const [row] = await mine(account.id)
    assert.equal(row?.status, 'held')
    assert.ok(row!.holdReasons.length > 0)
    const own = page((await client.get(res.headers.location as string)).body)
    assert.match(own.text('main'), /Votre annonce attend une vérification/)
    const stranger = (await signedIn()).client
    assert.equal((await stranger.get(`/annonces/${row!.id}`)).statusCode, 404)
    assert.equal((await new Client(t, host()).get(`/api/v1/listings/${row!.id}`)).statusCode, 404)
    const admin = await makeAccount(t, calvados, { roles: ['administrator'] })
    const staff = await new Client(t, host()).signInDirectly(admin, { secondFactor: true, staff: true })
    const list = page((await staff.get('/administration/annonces-retenues')).body)
    assert.match(list.text('main'), /Courses pour ma voisine/)
    assert.equal(
      (await stranger.post(`/administration/annonces-retenues/${row!.id}/publier`, {})).statusCode,
      403,
    )
    const published = await staff.post(`/administration/annonces-retenues/${row!.id}/publier`, {})
    assert.equal(published.statusCode, 303)
    assert.equal((await stranger.get(`/annonces/${row!.id}`)).statusCode, 200)
  })

  it('shows <script> in a title as text', async () => {
    const { client } = await signedIn()
    const res = await client.post('/annonces/nouvelle', {
      ...ask(),
      title: '<script>alert(1)</script><b>Aide</b>',
    })
    const body = (await client.get(res.headers.location as string)).body
    assert.doesNotMatch(body, /<script>alert/)
    assert.equal(page(body).h1(), '<script>alert(1)</script><b>Aide</b>')
  })

  it('ignores status, author and territory sent in the form or the API body', async () => {
    const { account, client } = await signedIn()
    const other = await makeAccount(t, calvados)
    const forged = { status: 'removed', authorId: other.id, territoryId: lozere.id }
    assert.equal((await client.post('/annonces/nouvelle', { ...ask(), ...forged })).statusCode, 303)
    const api = await client.request({
      method: 'POST',
      url: '/api/v1/listings',
      headers: { 'x-csrf-token': client.csrfToken() },
      payload: {
        ...forged,
        kind: 'offer',
        categoryId: category.id,
        title: 'Prêt de perceuse',
        description: 'Une perceuse à prêter.',
        communeInsee: '14118',
        whenKind: 'flexible',
        charter: true,
      },
      withoutCsrf: true,
    })
    assert.equal(api.statusCode, 201, api.body)
    assert.equal(api.json().status, 'published')
    const rows = await mine(account.id)
    assert.equal(rows.length, 2)
    for (const row of rows) {
      assert.equal(row.status, 'published')
      assert.equal(row.authorId, account.id)
      assert.equal(row.territoryId, calvados.id)
    }
  })

  it('needs a verified email to post, and limits posts per day', async () => {
    const unverified = await signedIn({ emailVerifiedAt: null })
    assert.equal((await unverified.client.get('/annonces/nouvelle')).statusCode, 403)
    assert.equal((await unverified.client.post('/annonces/nouvelle', ask())).statusCode, 403)
    const { client } = await signedIn()
    for (let i = 0; i < 10; i++)
      assert.equal((await client.post('/annonces/nouvelle', ask())).statusCode, 303)
    assert.equal((await client.post('/annonces/nouvelle', ask())).statusCode, 429)
  })

  it('does not find another territory’s listing', async () => {
    const lozerien = await makeAccount(t, lozere, { communeInsee: '48095' })
    const theirs = await makeListing(t, lozere, lozerien, { communeInsee: '48095' })
    const { client } = await signedIn()
    assert.equal((await client.get(`/annonces/${theirs.id}`)).statusCode, 404)
    assert.equal((await client.get(`/api/v1/listings/${theirs.id}`)).statusCode, 404)
    assert.equal((await client.post(`/mes-annonces/${theirs.id}/cloturer`, {})).statusCode, 404)
    assert.equal((await findListing(t.db.db, lozere.id, theirs.id))?.status, 'published')
  })
})
