import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { findAccountById } from './account.repository.ts'

const HOST = 'connexion.entraide.test'

/** A route that needs a verified address, as posting and responding will. */
function verifiedRoute(app: TestApp['app']) {
  app.get('/essai/publier', { config: { permission: 'verified', scope: null } }, async () => ({ ok: true }))
  app.post('/essai/publier', { config: { permission: 'verified', scope: null } }, async () => ({ ok: true }))
}

describe('login, logout and sessions', () => {
  let t: TestApp
  let territory: Territory
  const client = () => new Client(t, HOST)
  const login = (c: Client, email: string, password: string, extra: Record<string, string> = {}) =>
    c.post('/connexion', { email, password, ...extra })
  const audits = async (action: string) =>
    (await t.app.services.audit.list(territory.id, { limit: 500 })).filter((a) => a.action === action)

  before(async () => {
    t = await buildTestApp({}, verifiedRoute)
    territory = await makeTerritory(t.app.services, { hostnames: [HOST] })
  })
  after(() => t.close())
  // Each test starts in a fresh rate-limit window.
  beforeEach(() => t.clock.advance('2 minutes'))

  it('shows a login form with labelled fields and links to reset and sign-up', async () => {
    const res = await client().get('/connexion?retour=%2Fcompte')
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.h1(), 'Se connecter')
    assert.equal(p.field('Adresse électronique')?.getAttribute('autocomplete'), 'username')
    assert.equal(p.field('Mot de passe')?.getAttribute('type'), 'password')
    assert.equal(p.document.querySelector('input[name="retour"]')?.getAttribute('value'), '/compte')
    assert.equal(p.link('Mot de passe oublié ?'), '/mot-de-passe-oublie')
  })

  it('gives a new session id at login, whatever cookie came before (fixation)', async () => {
    const account = await makeAccount(t, territory)
    const c = client()
    await c.signInDirectly(account)
    const planted = c.cookies.session!
    const res = await login(c, account.email, account.password, { retour: '/compte' })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/compte')
    const cookie = res.cookies.find((k) => k.name === 'session')!
    assert.ok(cookie.value && cookie.value !== planted, 'a new cookie value')
    assert.equal(cookie.httpOnly, true)
    assert.equal(cookie.sameSite, 'Lax')
    assert.equal(cookie.maxAge, 30 * 86400, 'a resident session lasts a month at most')
    const stale = await t.app.inject({
      url: '/compte/mot-de-passe',
      headers: { host: HOST },
      cookies: { session: planted },
    })
    assert.equal(stale.statusCode, 303, 'the cookie from before login no longer works')
    assert.equal((await c.get('/compte/mot-de-passe')).statusCode, 200)
    const stored = await findAccountById(t.db.db, account.id)
    assert.deepEqual(stored?.lastLoginAt, t.clock.now())
    const [entry] = (await audits('login')).filter((a) => a.targetId === account.id)
    assert.equal(entry?.actorId, account.id)
  })

  it('accepts the address in any case and refuses a return address on another site', async () => {
    const account = await makeAccount(t, territory)
    const res = await login(client(), account.email.toUpperCase(), account.password, {
      retour: 'https://evil.example/',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/')
  })

  it('never leads to another site through a disguised return address, nor fails on one', async () => {
    const account = await makeAccount(t, territory)
    for (const retour of [
      '/\t/evil.example',
      '/\\evil.example',
      '/%2F/evil.example',
      '/\r\nSet-Cookie: x=1',
      'javascript:alert(1)',
    ]) {
      const shown = await client().get(`/connexion?retour=${encodeURIComponent(retour)}`)
      assert.equal(shown.statusCode, 200, JSON.stringify(retour))
      const form = page(shown.body)
      assert.ok(form.document.querySelector('input[name="password"]'), 'the login form is shown')
      assert.equal(form.document.querySelector('input[name="retour"]'), null, JSON.stringify(retour))
      t.clock.advance('2 minutes')
      const res = await login(client(), account.email, account.password, { retour })
      assert.equal(res.statusCode, 303, JSON.stringify(retour))
      assert.equal(res.headers.location, '/', JSON.stringify(retour))
    }
  })

  it('answers a wrong password, an unknown address and a suspended account with the same message', async () => {
    const known = await makeAccount(t, territory)
    const suspended = await makeAccount(t, territory, { status: 'suspended' })
    const answers = []
    for (const [email, password] of [
      [known.email, 'pas le bon mot de passe du tout'],
      ['personne.inconnue@exemple.test', known.password],
      [suspended.email, suspended.password],
    ] as const) {
      const res = await login(client(), email, password)
      assert.equal(res.statusCode, 400)
      const p = page(res.body)
      assert.deepEqual(p.errorSummary(), [
        { text: 'Adresse électronique ou mot de passe incorrect', href: '#email' },
      ])
      assert.equal(p.field('Adresse électronique')?.getAttribute('value'), email, 'the address is kept')
      assert.ok(!res.body.includes(password), 'the password is never sent back')
      assert.ok(!res.cookies.some((k) => k.name === 'session' && k.value))
      answers.push(p.text('main').replace(email, '…'))
    }
    assert.equal(new Set(answers).size, 1)
    const failed = await audits('login.failed')
    const forKnown = failed.find((a) => a.targetId === known.id)
    assert.equal(forKnown?.actorId, null)
    assert.ok(failed.some((a) => a.targetId === suspended.id))
    assert.ok(
      failed.some((a) => a.targetId === null),
      'an unknown address has no target',
    )
    for (const entry of failed)
      assert.doesNotMatch(JSON.stringify(entry.details), /@/, 'no address in details')
  })

  it('asks for missing fields one by one', async () => {
    const res = await login(client(), '', '')
    assert.equal(res.statusCode, 400)
    assert.deepEqual(
      page(res.body)
        .errorSummary()
        .map((e) => e.href),
      ['#email', '#password'],
    )
  })

  it('refuses the sixth wrong password for one account within a minute with 429 and Retry-After', async () => {
    const account = await makeAccount(t, territory)
    for (let i = 1; i <= 5; i++) {
      // From different machines: the limit follows the account, not the address the request came from.
      const res = await client().request({
        method: 'POST',
        url: '/connexion',
        remoteAddress: `192.0.2.${i}`,
        payload: { email: account.email, password: `mauvais essai numéro ${i}` },
      })
      assert.equal(res.statusCode, 400, `attempt ${i}`)
    }
    const sixth = await login(client(), account.email, account.password)
    assert.equal(sixth.statusCode, 429)
    assert.ok(Number(sixth.headers['retry-after']) > 0)
    assert.match(sixth.headers['content-type'] as string, /text\/html/)
    assert.equal(page(sixth.body).h1(), 'Trop de demandes')
    t.clock.advance('61 seconds')
    assert.equal((await login(client(), account.email, account.password)).statusCode, 303)
  })

  it('counts per IP, and a forged X-Forwarded-For does not reset the count', async () => {
    let last = 0
    for (let i = 1; i <= 31; i++) {
      const res = await client().request({
        method: 'POST',
        url: '/connexion',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
        payload: { email: `inconnu${i}@exemple.test`, password: 'un mot de passe quelconque' },
      })
      last = res.statusCode
      if (i <= 30) assert.equal(res.statusCode, 400, `attempt ${i}`)
    }
    assert.equal(last, 429)
  })

  it('reads the client address from X-Forwarded-For only behind a trusted proxy', async () => {
    const proxied = await buildTestApp({ TRUST_PROXY: 'true' })
    try {
      await makeTerritory(proxied.app.services, { hostnames: [HOST] })
      const c = new Client(proxied, HOST)
      for (let i = 1; i <= 31; i++) {
        const res = await c.request({
          method: 'POST',
          url: '/connexion',
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
          payload: { email: `inconnu${i}@exemple.test`, password: 'un mot de passe quelconque' },
        })
        assert.equal(res.statusCode, 400, `attempt ${i} comes from its own address`)
      }
    } finally {
      await proxied.close()
    }
  })

  it('sends staff of this territory to their second factor, or to set one up', async () => {
    const enrolled = await makeAccount(t, territory, { roles: ['moderator'], totpEnabledAt: t.clock.now() })
    const fresh = await makeAccount(t, territory, { roles: ['agent'] })
    const a = await login(client(), enrolled.email, enrolled.password, { retour: '/administration' })
    assert.equal(a.headers.location, '/connexion/second-facteur?retour=%2Fadministration')
    assert.equal(a.cookies.find((k) => k.name === 'session')?.maxAge, 12 * 3600, 'a staff session is short')
    const b = await login(client(), fresh.email, fresh.password)
    assert.equal(b.headers.location, '/compte/securite?retour=%2F')
  })

  it('logs out with a POST that ends the session: the old cookie is then refused', async () => {
    const account = await makeAccount(t, territory)
    const c = client()
    await login(c, account.email, account.password)
    const cookie = c.cookies.session!
    const res = await c.post('/deconnexion', {})
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/deconnexion')
    assert.equal(c.cookies.session, undefined, 'the cookie is cleared')
    assert.equal(page((await c.get('/deconnexion')).body).h1(), 'Vous êtes déconnecté')
    const replayed = { session: cookie, csrf: c.cookies.csrf! }
    const get = await t.app.inject({
      url: '/compte/mot-de-passe',
      headers: { host: HOST },
      cookies: replayed,
    })
    assert.equal(get.statusCode, 303)
    assert.match(get.headers.location as string, /^\/connexion\?retour=/)
    const post = await t.app.inject({
      method: 'POST',
      url: '/essai/publier',
      headers: { host: HOST },
      cookies: replayed,
      payload: {},
    })
    assert.equal(post.statusCode, 401)
    assert.ok((await audits('logout')).some((a) => a.actorId === account.id))
  })

  it('lets an unverified account read but not post (403 on a verified route)', async () => {
    const unverified = await makeAccount(t, territory, { emailVerifiedAt: null })
    const verified = await makeAccount(t, territory)
    const u = await client().signInDirectly(unverified)
    const home = page((await u.get('/')).body)
    assert.equal(home.text('#unverified-title'), 'Confirmez votre adresse électronique')
    assert.ok(
      home.document.querySelector('form[action="/verification/renvoyer"]'),
      'every page offers to resend the link',
    )
    const refused = await u.get('/essai/publier')
    assert.equal(refused.statusCode, 403)
    assert.equal(page(refused.body).h1(), 'Confirmez d’abord votre adresse électronique')
    assert.equal((await u.request({ method: 'POST', url: '/essai/publier', payload: {} })).statusCode, 403)
    const v = await client().signInDirectly(verified)
    assert.equal((await v.get('/essai/publier')).statusCode, 200)
    assert.equal(page((await v.get('/')).body).document.querySelector('#unverified-title'), null)
  })

  it('refuses the login and logout forms without their CSRF token', async () => {
    const account = await makeAccount(t, territory)
    const c = client()
    const res = await c.post(
      '/connexion',
      { email: account.email, password: account.password },
      { withoutCsrf: true },
    )
    assert.equal(res.statusCode, 403)
    await c.signInDirectly(account)
    assert.equal((await c.post('/deconnexion', {}, { withoutCsrf: true })).statusCode, 403)
    assert.equal((await c.get('/compte/mot-de-passe')).statusCode, 200, 'still signed in')
  })
})
