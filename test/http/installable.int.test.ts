import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { buildClient } from '../../scripts/build-client.mjs'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { sessionCookieName } from '../../src/domains/accounts/sessions/auth.plugin.ts'
import { sessionRef } from '../../src/domains/accounts/sessions/own-sessions.service.ts'
import { sha256 } from '../../src/platform/auth/secrets.ts'
import { FakeClock } from '../../src/platform/clock.ts'
import { territories } from '../../src/platform/tenancy/territory.schema.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { Client, makeAccount } from '../helpers/accounts.ts'
import { buildTestApp, type TestApp, testIds } from '../helpers/app.ts'
import { createTestDatabase } from '../helpers/db.ts'
import { makeTerritory } from '../helpers/factories.ts'
import { page } from '../helpers/html.ts'

interface Manifest {
  name: string
  short_name: string
  lang: string
  start_url: string
  scope: string
  display: string
  theme_color: string
  icons: { src: string; sizes: string; type: string; purpose: string }[]
}

describe('installable app', () => {
  let dir: string
  let t: TestApp
  let calvados: Territory
  let manche: Territory
  let assets: Record<string, string>

  before(async () => {
    // the service worker is a built file: build the client as the server's start does
    dir = mkdtempSync(join(tmpdir(), 'entraide-installable-'))
    cpSync('public', dir, { recursive: true, filter: (f) => !f.includes('assets') })
    assets = await buildClient({ publicDir: dir })
    const db = await createTestDatabase()
    const clock = new FakeClock()
    const config = loadConfig({ NODE_ENV: 'test', JOBS_ENABLED: 'false', LOG_LEVEL: 'silent' })
    const app = await buildApp({ config, database: db, clock, ids: testIds(), logger: false, publicDir: dir })
    await app.ready()
    t = {
      app,
      db,
      clock,
      async close() {
        await app.close()
        await db.drop()
      },
    }
    calvados = await makeTerritory(app.services, { platformName: 'Entraide Calvados (démo)' })
    manche = await makeTerritory(app.services, {
      platformName: 'Solidarité 50 (essai)',
      departements: ['50'],
      primaryColor: '#7a1f3d',
    })
    await db.db
      .update(territories)
      .set({ helplinePhone: '+33261910002', helplineHours: { fr: 'du lundi au vendredi, de 9 h à 17 h' } })
      .where(eq(territories.id, calvados.id))
    app.services.tenancy.forget()
  })
  after(async () => {
    await t?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const visitor = (territory: Territory) => new Client(t, territory.hostnames[0]!)

  async function manifestOf(territory: Territory): Promise<Manifest> {
    const res = await visitor(territory).get('/manifest.webmanifest')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^application\/manifest\+json/)
    return res.json() as Manifest
  }

  it('gives each territory a manifest in its name and colour, opening as an app', async () => {
    const calvadosApp = await manifestOf(calvados)
    assert.equal(calvadosApp.name, 'Entraide Calvados (démo)')
    // « Entraide Calvados » is too long to read under an icon
    assert.equal(calvadosApp.short_name, 'Entraide')
    assert.equal(calvadosApp.lang, 'fr')
    assert.equal(calvadosApp.start_url, '/')
    assert.equal(calvadosApp.scope, '/')
    assert.equal(calvadosApp.display, 'standalone')
    assert.equal(calvadosApp.theme_color, '#1f4e8c')
    const mancheApp = await manifestOf(manche)
    assert.equal(mancheApp.name, 'Solidarité 50 (essai)')
    assert.equal(mancheApp.short_name, 'Solidarité 50')
    assert.equal(mancheApp.theme_color, '#7a1f3d')
    const anySizes = mancheApp.icons.filter((i) => i.purpose === 'any').map((i) => i.sizes)
    assert.deepEqual(anySizes, ['192x192', '512x512'])
    assert.ok(mancheApp.icons.every((i) => i.type === 'image/png'))
  })

  it('draws each icon at its stated size in the territory colour, kept with an ETag', async () => {
    for (const territory of [calvados, manche]) {
      const client = visitor(territory)
      for (const icon of (await manifestOf(territory)).icons) {
        const res = await client.get(icon.src)
        assert.equal(res.statusCode, 200, icon.src)
        assert.equal(res.headers['content-type'], 'image/png')
        const image = sharp(res.rawPayload)
        const { width, height, format } = await image.metadata()
        assert.equal(format, 'png')
        assert.equal(`${width}x${height}`, icon.sizes)
        // a point of the disc above the face, in the territory's colour
        const { data, info } = await image.raw().toBuffer({ resolveWithObject: true })
        const at = (Math.round(height! * 0.2) * width! + Math.round(width! / 2)) * info.channels
        const rgb = `#${[0, 1, 2].map((c) => data[at + c]!.toString(16).padStart(2, '0')).join('')}`
        assert.equal(rgb, territory.primaryColor, `${territory.platformName} ${icon.src}`)
        const etag = String(res.headers.etag)
        assert.match(etag, /^"[\w-]+"$/)
        const again = await client.request({ url: icon.src, headers: { 'if-none-match': etag } })
        assert.equal(again.statusCode, 304)
      }
    }
  })

  it('links the manifest and the worker registration from every page of a territory', async () => {
    const home = page((await visitor(calvados).get('/')).body)
    const head = home.document.querySelector('head')!
    assert.equal(head.querySelector('link[rel=manifest]')?.getAttribute('href'), '/manifest.webmanifest')
    assert.equal(head.querySelector('meta[name=theme-color]')?.getAttribute('content'), '#1f4e8c')
    const modules = [...head.querySelectorAll('script[type=module]')].map((s) => s.getAttribute('src'))
    assert.ok(modules.includes(`/static/assets/${assets['js/install.js']}`), modules.join(' '))
  })

  it('serves the worker from the root, always checked, precaching the offline page of its territory', async () => {
    const res = await visitor(manche).get('/sw.js')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^text\/javascript/)
    assert.match(String(res.headers['cache-control']), /\bno-cache\b/)
    assert.equal(res.headers['service-worker-allowed'], undefined)
    const settings = JSON.parse(/^self\.ENTRAIDE=(.*);$/m.exec(res.body)![1]!) as { precache: string[] }
    assert.deepEqual(settings.precache, [
      '/hors-ligne',
      `/static/assets/${assets['css/app.css']}`,
      '/theme.css?v=7a1f3d',
      `/static/assets/${assets['js/install.js']}`,
      '/static/favicon.svg',
      '/manifest.webmanifest',
    ])
    assert.ok(res.body.includes('entraide-pages-'), 'the built worker follows')
    const other = await visitor(calvados).get('/sw.js')
    assert.notEqual(other.body, res.body, 'another colour, another worker')
  })

  it('shows a real offline page with the phone line when the territory has one', async () => {
    const res = await visitor(calvados).get('/hors-ligne')
    assert.equal(res.statusCode, 200)
    const offline = page(res.body)
    assert.equal(offline.document.querySelectorAll('h1').length, 1)
    assert.equal(offline.h1(), 'Vous êtes hors ligne')
    assert.equal(offline.link('Mes annonces'), '/mes-annonces')
    assert.equal(offline.link('Mes mises en relation'), '/mises-en-relation')
    assert.match(
      offline.text('main'),
      /Appelez l’accueil téléphonique au 02 61 91 00 02\. Horaires : du lundi/,
    )
    assert.equal(offline.link('02 61 91 00 02'), 'tel:+33261910002')

    const withoutLine = page((await visitor(manche).get('/hors-ligne')).body)
    assert.equal(withoutLine.h1(), 'Vous êtes hors ligne')
    assert.doesNotMatch(withoutLine.text('main'), /Appelez/)
  })

  it('writes the offline page in the language the worker names, and says which it is', async () => {
    const english = await visitor(calvados).get('/hors-ligne?langue=en')
    assert.equal(page(english.body).h1(), 'You are offline')
    assert.equal(english.headers['content-language'], 'en')
    const french = await visitor(calvados).request({
      url: '/hors-ligne',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    })
    assert.equal(french.headers['content-language'], 'en', 'else the browser’s language')
    assert.equal((await visitor(calvados).get('/hors-ligne?langue=fr')).headers['content-language'], 'fr')
  })

  it('lets the worker and the manifest load from this origin only', async () => {
    const csp = String((await visitor(calvados).get('/hors-ligne')).headers['content-security-policy'])
    assert.match(csp, /(^|; )worker-src 'self'(;|$)/)
    assert.match(csp, /(^|; )manifest-src 'self'(;|$)/)
  })

  it('marks a signed-in person’s pages with an opaque marker of their account, kept out of HTTP caches', async () => {
    const jeanne = await makeAccount(t, calvados)
    const karim = await makeAccount(t, calvados)
    const asJeanne = await visitor(calvados).signInDirectly(jeanne)
    const mine = await asJeanne.get('/mes-annonces')
    const marker = String(mine.headers['entraide-account'])
    assert.match(marker, /^[\w-]{22}$/)
    assert.ok(!marker.includes(jeanne.id) && !marker.includes(jeanne.email))
    assert.equal(mine.headers['cache-control'], 'private, no-store')
    assert.equal((await asJeanne.get('/mises-en-relation')).headers['entraide-account'], marker)
    const asKarim = await visitor(calvados).signInDirectly(karim)
    assert.notEqual((await asKarim.get('/mes-annonces')).headers['entraide-account'], marker)
    assert.equal((await visitor(calvados).get('/')).headers['entraide-account'], undefined)
  })

  it('clears the browser’s caches at sign-out, and the next sign-in form still works', async () => {
    const person = await makeAccount(t, calvados)
    const client = new Client(t, calvados.hostnames[0]!)
    assert.equal(
      (await client.post('/connexion', { email: person.email, password: person.password })).statusCode,
      303,
    )
    const out = await client.post('/deconnexion', {})
    assert.equal(out.statusCode, 303)
    assert.equal(out.headers['clear-site-data'], '"cache", "storage"')
    assert.equal((await client.get('/mes-annonces')).headers['entraide-account'], undefined)
    // the CSRF secret is a cookie, which the header leaves alone: signing in again works
    const again = await client.post('/connexion', { email: person.email, password: person.password })
    assert.equal(again.statusCode, 303)
    assert.match(String((await client.get('/mes-annonces')).headers['entraide-account']), /^[\w-]{22}$/)
  })

  it('clears the browser’s caches when this device is signed out from the sessions page', async () => {
    const person = await makeAccount(t, calvados)
    const client = await visitor(calvados).signInDirectly(person)
    const ref = sessionRef(sha256(client.cookies[sessionCookieName(false)]!))
    const out = await client.post(`/compte/sessions/${ref}/deconnecter`, {})
    assert.equal(out.statusCode, 303)
    assert.equal(out.headers['clear-site-data'], '"cache", "storage"')
  })
})

describe('installable app, behind the process’s page cache', () => {
  let t: TestApp
  let host: string
  before(async () => {
    t = await buildTestApp({ PAGE_CACHE_MS: '5000' })
    host = (await makeTerritory(t.app.services)).hostnames[0]!
  })
  after(() => t?.close())

  it('never names a wrong language for a page replayed from the copy', async () => {
    const visit = () =>
      t.app.inject({ url: '/hors-ligne', headers: { host, 'accept-language': 'en-GB,en;q=0.9' } })
    const first = await visit()
    assert.equal(page(first.body).h1(), 'You are offline')
    assert.equal(first.headers['content-language'], 'en')
    const replayed = await visit()
    assert.equal(replayed.body, first.body)
    assert.notEqual(replayed.headers['content-language'], 'fr')
  })
})
