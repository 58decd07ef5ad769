import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { type AccountRow, findAccountById, rolesIn } from '../identity/account.repository.ts'

/** The row as the factory wrote it, without the plain password it hands back to tests. */
const stored = ({ password: _, ...rest }: AccountRow & { password: string }) => rest

const valid = {
  displayName: "Jean-Éric N'Diaye",
  commune: 'Bayeux (14400)',
  phone: '06 12 34 56 78',
  interests: ['gardening', 'pets'],
  radiusKm: '20',
  'notify-matches': 'immediate',
  'notify-messages': 'daily',
  'notify-savedSearches': 'none',
  locale: 'fr',
}

describe('profile: my account, the form and what others see', () => {
  let t: TestApp
  let calvados: Territory
  let lozere: Territory
  const host = () => calvados.hostnames[0]!
  const reload = async (id: string) => (await findAccountById(t.db.db, id))!
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    lozere = await makeTerritory(t.app.services, {
      departements: ['48'],
      platformName: 'Lozère Entraidons-nous',
    })
  })
  after(() => t.close())

  async function signedIn(overrides: Partial<AccountRow> = {}) {
    const account = await makeAccount(t, calvados, overrides)
    const client = await new Client(t, host()).signInDirectly(account)
    return { account, client }
  }

  it('sends a visitor to the login page, and shows a member their details and where to change them', async () => {
    const visitor = await new Client(t, host()).get('/compte')
    assert.equal(visitor.statusCode, 303)
    assert.equal(visitor.headers.location, '/connexion?retour=%2Fcompte')
    const { account, client } = await signedIn({ phone: '+33612345678' })
    const p = page((await client.get('/compte')).body)
    assert.equal(p.h1(), 'Mon compte')
    assert.match(p.text('main'), new RegExp(account.email))
    assert.match(p.text('main'), /Caen/)
    assert.match(p.text('main'), /mars 2026/)
    assert.equal(p.link('06 12 34 56 78'), 'tel:+33612345678', 'the number as people read it')
    const form = page((await client.get('/compte/profil')).body)
    assert.equal(form.field('Téléphone')?.getAttribute('value'), '06 12 34 56 78')
    assert.equal(p.link('Modifier mon profil'), '/compte/profil')
    assert.equal(p.link('Mes sessions : les appareils où je suis connecté'), '/compte/sessions')
    assert.equal(p.link('Jetons d’accès pour les applications'), '/compte/jetons')
    assert.equal(p.link('Sécurité et double authentification'), '/compte/securite')
    assert.equal(p.link('Changer mon mot de passe'), '/compte/mot-de-passe')
    assert.equal(p.link('Changer mon adresse électronique'), '/compte/adresse')
  })

  it('saves names with accents, apostrophes and hyphens, a French phone as +33 and the preferences', async () => {
    const { account, client } = await signedIn()
    const form = page((await client.get('/compte/profil')).body)
    assert.equal(form.field('Votre commune')?.getAttribute('value'), 'Caen (14000)')
    const res = await client.post('/compte/profil', valid)
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/compte?enregistre=1')
    const row = await reload(account.id)
    assert.equal(row.displayName, "Jean-Éric N'Diaye")
    assert.equal(row.communeInsee, '14047')
    assert.equal(row.phone, '+33612345678')
    assert.deepEqual(row.interests, ['gardening', 'pets'])
    assert.equal(row.radiusKm, 20)
    assert.deepEqual(row.notifications, { matches: 'immediate', messages: 'daily', savedSearches: 'none' })
    assert.match(
      page((await client.get('/compte?enregistre=1')).body).text('main'),
      /Votre profil est enregistré/,
    )
  })

  it('re-shows the form with status 400, an error summary and the values typed, and writes nothing', async () => {
    const { account, client } = await signedIn()
    const res = await client.post('/compte/profil', {
      ...valid,
      displayName: '<b>Zoé</b>',
      phone: 'appelez-moi',
      commune: 'Mende',
    })
    assert.equal(res.statusCode, 400)
    const p = page(res.body)
    assert.match(p.title(), /^Il y a un problème/)
    assert.deepEqual(
      p.errorSummary().map((e) => e.href),
      ['#displayName', '#commune', '#phone'],
    )
    assert.equal(p.field('Nom affiché')?.getAttribute('value'), '<b>Zoé</b>')
    assert.doesNotMatch(res.body, /<b>Zoé<\/b>/)
    assert.equal(p.field('Téléphone')?.getAttribute('value'), 'appelez-moi')
    assert.deepEqual(await reload(account.id), stored(account))
  })

  it('asks which commune when the text fits several', async () => {
    const { client } = await signedIn()
    const res = await client.post('/compte/profil', { ...valid, commune: '14400' })
    assert.equal(res.statusCode, 400)
    const p = page(res.body)
    assert.deepEqual(p.errorSummary(), [
      { text: 'Plusieurs communes correspondent : choisissez la vôtre', href: '#commune' },
    ])
    assert.ok(p.all('fieldset label').some((l) => l.startsWith('Bayeux (14400)')))
  })

  it('ignores role, status, territory and verification sent with the form', async () => {
    const { account, client } = await signedIn({ emailVerifiedAt: null })
    const res = await client.post('/compte/profil', {
      ...valid,
      role: 'administrator',
      roles: 'administrator',
      status: 'suspended',
      territoryId: lozere.id,
      territory_id: lozere.id,
      emailVerifiedAt: '2026-01-01T00:00:00Z',
      verified: 'true',
      email: 'autre@exemple.test',
      id: '00000000-0000-4000-8000-000000000001',
    })
    assert.equal(res.statusCode, 303)
    const row = await reload(account.id)
    assert.equal(row.displayName, valid.displayName, 'the profile fields were saved')
    assert.equal(row.status, 'active')
    assert.equal(row.territoryId, calvados.id)
    assert.equal(row.emailVerifiedAt, null)
    assert.equal(row.email, account.email)
    assert.deepEqual(await rolesIn(t.db.db, account.id, calvados.id), [])
  })

  it('ignores the same fields in the API, and changes neither the caller nor anyone else', async () => {
    const { account, client } = await signedIn()
    const other = await makeAccount(t, calvados)
    for (const extra of [
      { role: 'administrator' },
      { status: 'suspended' },
      { territoryId: lozere.id },
      { emailVerifiedAt: null },
      { id: other.id },
    ]) {
      const res = await client.request({
        method: 'PATCH',
        url: '/api/v1/me',
        payload: { displayName: 'Zoé', ...extra },
        headers: { 'x-csrf-token': client.csrfToken() },
        withoutCsrf: true,
      })
      // Fields outside the schema are dropped before the handler runs: the name alone is saved.
      assert.equal(res.statusCode, 200, JSON.stringify(extra))
      assert.equal(res.json().id, account.id)
    }
    const row = await reload(account.id)
    assert.equal(row.displayName, 'Zoé')
    assert.equal(row.status, 'active')
    assert.equal(row.territoryId, calvados.id)
    assert.notEqual(row.emailVerifiedAt, null)
    assert.deepEqual(await rolesIn(t.db.db, account.id, calvados.id), [])
    assert.deepEqual(await reload(other.id), stored(other))
  })

  it('reads and patches my profile through the API with the same rules as the form', async () => {
    const { client } = await signedIn()
    const patch = (
      payload: object,
      headers: Record<string, string> = { 'x-csrf-token': client.csrfToken() },
    ) => client.request({ method: 'PATCH', url: '/api/v1/me', payload, headers, withoutCsrf: true })
    const ok = await patch({ displayName: 'Ève Le Gall', communeInsee: '14047', phone: '+32 470 12 34 56' })
    assert.equal(ok.statusCode, 200)
    assert.equal(ok.json().displayName, 'Ève Le Gall')
    assert.deepEqual(ok.json().commune, { insee: '14047', name: 'Bayeux', postalCode: '14400' })
    assert.equal(ok.json().phone, '+32470123456')
    const bad = await patch({ displayName: 'Zoé 2000', communeInsee: '48095' })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(
      bad.json().errors.map((e: { pointer: string }) => e.pointer),
      ['/displayName', '/communeInsee'],
    )
    assert.equal((await patch({ displayName: 'Zoé' }, {})).statusCode, 403, 'a cookie without CSRF header')
    const me = await client.get('/api/v1/me')
    assert.equal(me.json().displayName, 'Ève Le Gall')
  })

  it('shows anyone a member’s name, commune and month of sign-up, and nothing else', async () => {
    const { account } = await signedIn({ phone: '+33612345678', interests: ['childcare'] })
    const res = await new Client(t, host()).get(`/profil/${account.id}`)
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.h1(), account.displayName)
    assert.match(p.text('main'), /Commune : Caen/)
    assert.match(p.text('main'), /Membre depuis mars 2026/)
    for (const secret of [account.email, '+33612345678', '06 12', 'Garde d’enfants', 'childcare'])
      assert.ok(!res.body.includes(secret), secret)
    const api = await new Client(t, host()).get(`/api/v1/profiles/${account.id}`)
    assert.deepEqual(api.json(), {
      id: account.id,
      displayName: account.displayName,
      commune: 'Caen',
      memberSince: '2026-03',
    })
  })

  it('answers 404 for an unknown id, a member of another territory or a suspended one', async () => {
    const elsewhere = await makeAccount(t, lozere, { communeInsee: '48095' })
    const suspended = await makeAccount(t, calvados, { status: 'suspended' })
    const visitor = new Client(t, host())
    for (const id of ['00000000-0000-4000-8000-00000000ffff', 'pas-un-id', elsewhere.id, suspended.id]) {
      assert.equal((await visitor.get(`/profil/${id}`)).statusCode, 404, id)
      assert.equal((await visitor.get(`/api/v1/profiles/${id}`)).statusCode, 404, id)
    }
  })

  it('escapes a display name with markup in pages, and returns it as plain data in JSON', async () => {
    const name = '<script>alert("x")</script>'
    const { account, client } = await signedIn({ displayName: name })
    for (const url of [`/profil/${account.id}`, '/compte', '/compte/profil']) {
      const res = await client.get(url)
      assert.equal(res.statusCode, 200, url)
      assert.ok(!res.body.includes('<script>alert'), url)
      assert.match(res.body, /&lt;script>alert\(&quot;x&quot;\)&lt;\/script>/, url)
    }
    const json = await client.get(`/api/v1/profiles/${account.id}`)
    assert.match(json.headers['content-type'] as string, /^application\/json/)
    assert.equal(json.json().displayName, name)
  })

  it('switches the pages to English once English is saved as the language', async () => {
    const { account, client } = await signedIn()
    // One ticked box arrives as a single value, not a list: it is read the same.
    await client.post('/compte/profil', { ...valid, interests: 'gardening', locale: 'en' })
    assert.equal(client.cookies.lang, 'en')
    assert.deepEqual((await reload(account.id)).interests, ['gardening'])
    const p = page((await client.get('/compte')).body)
    assert.equal(p.h1(), 'My account')
    assert.equal(p.document.documentElement.getAttribute('lang'), 'en')
    assert.match(p.text('main'), /March 2026/)
  })

  it('adds the easy-reading class to the page once the preference is saved', async () => {
    const { client } = await signedIn()
    assert.doesNotMatch((await client.get('/compte')).body, /class="easy-read"/)
    await client.post('/compte/profil', { ...valid, easyRead: '1' })
    assert.match((await client.get('/compte')).body, /<body class="easy-read"/)
  })

  it('refuses the form without its CSRF token and changes nothing', async () => {
    const { account, client } = await signedIn()
    const res = await client.post('/compte/profil', valid, { withoutCsrf: true })
    assert.equal(res.statusCode, 403)
    assert.equal((await reload(account.id)).displayName, account.displayName)
  })
})
