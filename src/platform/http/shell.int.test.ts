import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Type } from '@sinclair/typebox'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'

const host = { host: 'entraide.calvados.test' }

describe('web shell and HTTP platform', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({}, (app) => {
      app.get('/essai/panne', { config: { permission: 'public', scope: null } }, async () => {
        throw new Error('SELECT secret FROM comptes -- détail interne')
      })
      app.get('/api/v1/essai/panne', { config: { permission: 'public', scope: null } }, async () => {
        throw new Error('SELECT secret FROM comptes -- détail interne')
      })
      app.get('/essai/formulaire', { config: { permission: 'public', scope: null } }, async (req) => ({
        token: req.csrfToken(),
      }))
      app.post(
        '/essai/formulaire',
        {
          schema: { body: Type.Object({ _csrf: Type.Optional(Type.String()), nom: Type.String() }) },
          config: { permission: 'public', scope: null },
        },
        async (req) => ({ recu: (req.body as { nom: string }).nom }),
      )
    })
    await makeTerritory(t.app.services, { hostnames: ['entraide.calvados.test'] })
  })
  after(() => t.close())

  it('has a skip link, a main landmark, a title and French by default', async () => {
    const res = await t.app.inject({ url: '/', headers: host })
    const p = page(res.body)
    assert.equal(p.document.documentElement.getAttribute('lang'), 'fr')
    const first = p.document.querySelector('body a')
    assert.equal(first?.textContent, 'Aller au contenu')
    assert.equal(first?.getAttribute('href'), '#contenu')
    assert.ok(p.document.querySelector('main#contenu'))
    assert.equal(p.title(), 'Accueil – Entraide Calvados')
    assert.equal(p.document.querySelectorAll('script:not([src])').length, 0, 'no inline script')
  })

  it('speaks English from Accept-Language, and switches language with a link that only sets a cookie', async () => {
    const en = page(
      (await t.app.inject({ url: '/', headers: { ...host, 'accept-language': 'en-GB,en;q=0.8' } })).body,
    )
    assert.equal(en.document.documentElement.getAttribute('lang'), 'en')
    assert.equal(en.link('I need help'), '/besoin-d-aide')
    const href = en.link('Français')!
    const res = await t.app.inject({ url: href, headers: host })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/')
    const cookie = res.cookies.find((c) => c.name === 'lang')
    assert.equal(cookie?.value, 'fr')
    const switched = await t.app.inject({ url: '/langue/en?retour=%2Fcharte', headers: host })
    assert.equal(switched.headers.location, '/charte')
    const charter = page(
      (await t.app.inject({ url: '/charte', headers: host, cookies: { lang: 'en' } })).body,
    )
    assert.equal(charter.h1(), 'Mutual aid charter')
    const evil = await t.app.inject({ url: '/langue/en?retour=https%3A%2F%2Fevil.example', headers: host })
    assert.equal(evil.headers.location, '/')
  })

  it('never sends a language switch to another site, and never fails on a broken « retour »', async () => {
    for (const retour of [
      '%2F%09%2Fevil.example',
      '%2F%5Cevil.example',
      '%2F%2F%2Fevil.example',
      '%0D%0A',
      '%2F%0D%0ASet-Cookie%3Ax%3D1',
      'javascript%3Aalert(1)',
      '%2F%252F%252Fevil.example',
    ]) {
      const res = await t.app.inject({ url: `/langue/en?retour=${retour}`, headers: host })
      assert.equal(res.statusCode, 303, retour)
      assert.equal(res.headers.location, '/', retour)
    }
  })

  it('sends security headers on every page', async () => {
    const res = await t.app.inject({ url: '/', headers: host })
    const csp = res.headers['content-security-policy'] as string
    assert.match(csp, /script-src 'self'/)
    assert.match(csp, /frame-ancestors 'none'/)
    assert.doesNotMatch(csp, /unsafe-inline/)
    assert.equal(res.headers['x-content-type-options'], 'nosniff')
    assert.ok(res.headers['referrer-policy'])
    assert.ok(res.headers['permissions-policy'])
  })

  it('shows a 404 page in the layout for an unknown path', async () => {
    const res = await t.app.inject({ url: '/nulle-part', headers: host })
    assert.equal(res.statusCode, 404)
    const p = page(res.body)
    assert.equal(p.h1(), 'Page introuvable')
    assert.equal(p.link('Revenir à l’accueil'), '/')
  })

  it('shows a 500 page with a reference and no internal detail', async () => {
    const res = await t.app.inject({ url: '/essai/panne', headers: host })
    assert.equal(res.statusCode, 500)
    const p = page(res.body)
    assert.equal(p.h1(), 'Désolé, un problème est survenu')
    assert.match(p.text('main'), /référence [0-9a-f-]{36}/)
    assert.doesNotMatch(res.body, /SELECT|secret|at .*\.ts/)
    const api = await t.app.inject({ url: '/api/v1/essai/panne', headers: host })
    assert.equal(api.statusCode, 500)
    assert.match(api.headers['content-type'] as string, /application\/problem\+json/)
    assert.doesNotMatch(api.body, /SELECT|secret|stack/)
    assert.equal(api.json().status, 500)
  })

  it('escapes what a visitor sends back to them', async () => {
    const res = await t.app.inject({ url: '/', headers: { host: '<script>alert(1)</script>' } })
    assert.equal(res.statusCode, 404)
    assert.doesNotMatch(res.body, /<script>alert/)
  })

  it('refuses a form post without its CSRF token, and accepts it with one', async () => {
    const without = await t.app.inject({
      method: 'POST',
      url: '/essai/formulaire',
      headers: host,
      payload: { nom: 'Zoé' },
    })
    assert.equal(without.statusCode, 403)
    const form = await t.app.inject({ url: '/essai/formulaire', headers: host })
    const cookie = form.cookies.find((c) => c.name === 'csrf')!
    assert.equal(cookie.httpOnly, true)
    assert.equal(cookie.sameSite, 'Lax')
    const { token } = form.json() as { token: string }
    assert.notEqual(token, cookie.value, 'the form carries a digest, not the cookie itself')
    const post = (fields: Record<string, string>, cookies: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/essai/formulaire',
        headers: host,
        cookies,
        payload: { nom: 'Zoé', ...fields },
      })
    assert.equal((await post({ _csrf: cookie.value }, { csrf: cookie.value })).statusCode, 403)
    assert.equal((await post({ _csrf: token }, {})).statusCode, 403)
    assert.equal((await post({ _csrf: token }, { csrf: 'y'.repeat(43) })).statusCode, 403)
    const ok = await post({ _csrf: token }, { csrf: cookie.value })
    assert.equal(ok.statusCode, 200)
    assert.deepEqual(ok.json(), { recu: 'Zoé' })
  })

  it('declares a permission on every route, and refuses to register one without', async () => {
    assert.ok(t.app.routeTable.length > 10)
    for (const route of t.app.routeTable) assert.ok(route.permission, `${route.method} ${route.url}`)
    const other = await buildTestApp({}, (app) => {
      app.get('/sans-permission', async () => 'ouvert')
    }).then(
      async (x) => {
        await x.close()
        return 'built'
      },
      (e: Error) => e.message,
    )
    assert.match(other, /declares no valid permission/)
  })

  it('publishes an OpenAPI 3.1 document whose errors are problem details', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json', headers: host })
    assert.equal(res.statusCode, 200)
    const doc = res.json()
    assert.equal(doc.openapi, '3.1.0')
    assert.ok(doc.components.schemas.Problem)
    assert.ok(doc.paths['/readyz'])
    const docs = await t.app.inject({ url: '/api/docs', headers: host })
    assert.ok([200, 302].includes(docs.statusCode))
  })
})
