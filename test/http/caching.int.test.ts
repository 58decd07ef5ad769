import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { App } from '../../src/app.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { Client, makeAccount } from '../helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../helpers/app.ts'
import { makeTerritory } from '../helpers/factories.ts'
import { makeListing } from '../helpers/listings.ts'

const HOST = 'cache.entraide.test'

/** A route that says it may be shared yet sets a cookie, as a careless one could. */
function carelessRoute(app: App) {
  app.get('/essai/partage', { config: { permission: 'public', scope: null } }, async (_req, reply) =>
    reply
      .header('cache-control', 'public, max-age=300')
      .setCookie('essai', '1', { path: '/' })
      .send('bonjour'),
  )
}

describe('caching and compression of pages', () => {
  let t: TestApp
  let territory: Territory
  let listingUrl: string
  before(async () => {
    t = await buildTestApp({}, carelessRoute)
    territory = await makeTerritory(t.app.services, { hostnames: [HOST] })
    const author = await makeAccount(t, territory)
    for (let i = 0; i < 8; i++) await makeListing(t, territory, author)
    listingUrl = `/annonces/${(await makeListing(t, territory, author)).id}`
  })
  after(async () => {
    await t.close()
  })

  const get = (url: string, headers: Record<string, string> = {}, cookies: Record<string, string> = {}) =>
    t.app.inject({ url, headers: { host: HOST, ...headers }, cookies })

  it('compresses a page in brotli or gzip, the same bytes once decoded', async () => {
    const plain = await get('/annonces')
    assert.equal(plain.statusCode, 200)
    assert.equal(plain.headers['content-encoding'], undefined)
    assert.ok(plain.rawPayload.length > 1024)
    const br = await get('/annonces', { 'accept-encoding': 'gzip, deflate, br' })
    assert.equal(br.headers['content-encoding'], 'br')
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 2)
    assert.deepEqual(brotliDecompressSync(br.rawPayload), plain.rawPayload)
    const gz = await get('/annonces', { 'accept-encoding': 'gzip' })
    assert.equal(gz.headers['content-encoding'], 'gzip')
    assert.deepEqual(gunzipSync(gz.rawPayload), plain.rawPayload)
    for (const res of [plain, br, gz]) assert.match(String(res.headers.vary), /accept-encoding/)
    assert.equal(br.headers.etag, plain.headers.etag, 'one page, whichever its encoding')
  })

  it('leaves a response under 1 KB uncompressed', async () => {
    const theme = await get('/theme.css', { 'accept-encoding': 'br, gzip' })
    assert.equal(theme.statusCode, 200)
    assert.ok(theme.rawPayload.length < 1024)
    assert.equal(theme.headers['content-encoding'], undefined)
  })

  it('lets caches share the public pages of a visitor, checked against an ETag each time', async () => {
    for (const url of [
      '/',
      '/annonces',
      '/annonces?q=aide',
      listingUrl,
      '/besoin-d-aide',
      '/je-veux-aider',
      '/charte',
      '/mentions-legales',
      '/accessibilite',
    ]) {
      const res = await get(url)
      assert.equal(res.statusCode, 200, url)
      assert.equal(res.headers['cache-control'], 'public, no-cache', url)
      assert.match(String(res.headers.etag), /^W\/"[\w-]+"$/, url)
      assert.deepEqual(
        String(res.headers.vary).split(', ').sort(),
        ['accept-encoding', 'accept-language', 'cookie'],
        url,
      )
      assert.equal(res.headers['set-cookie'], undefined, url)
    }
  })

  it('answers 304 without a body to a browser that holds the same page', async () => {
    const first = await get('/annonces')
    const etag = String(first.headers.etag)
    const again = await get('/annonces', { 'if-none-match': etag, 'accept-encoding': 'br' })
    assert.equal(again.statusCode, 304)
    assert.equal(again.payload, '')
    assert.equal(again.headers.etag, etag)
    assert.equal(again.headers['cache-control'], 'public, no-cache')
    const stale = await get('/annonces', { 'if-none-match': 'W/"autre-version"' })
    assert.equal(stale.statusCode, 200)
    assert.equal(stale.payload, first.payload)
  })

  it('gives each language its own ETag, the page differing by language', async () => {
    const fr = await get('/', {}, { lang: 'fr' })
    const en = await get('/', {}, { lang: 'en' })
    assert.equal(en.headers['cache-control'], 'public, no-cache')
    assert.notEqual(fr.headers.etag, en.headers.etag)
    const browser = await get('/', {
      'accept-language': 'en-GB,en;q=0.9',
      'if-none-match': String(fr.headers.etag),
    })
    assert.equal(browser.statusCode, 200)
    assert.equal(browser.headers.etag, en.headers.etag)
  })

  it('keeps every page of a signed-in person out of all caches', async () => {
    const person = await makeAccount(t, territory)
    const client = await new Client(t, HOST).signInDirectly(person)
    for (const url of ['/', '/annonces', listingUrl, '/mentions-legales', '/compte']) {
      const res = await client.get(url)
      assert.equal(res.statusCode, 200, url)
      assert.equal(res.headers['cache-control'], 'private, no-store', url)
      assert.equal(res.headers.etag, undefined, url)
    }
    const first = await client.get('/')
    const again = await client.request({ method: 'GET', url: '/', headers: { 'if-none-match': '*' } })
    assert.equal(again.statusCode, 200, 'no 304 without an ETag')
    assert.equal(again.payload, first.payload)
  })

  it('keeps a page with a form token out of all caches, even for a visitor', async () => {
    const newcomer = await get('/connexion')
    assert.equal(newcomer.headers['cache-control'], 'private, no-store')
    assert.ok(newcomer.headers['set-cookie'], 'the form token comes with its cookie')
    const csrf = /csrf=([\w-]+)/.exec(String(newcomer.headers['set-cookie']))![1]!
    const returning = await get('/connexion', {}, { csrf })
    assert.equal(returning.headers['set-cookie'], undefined)
    assert.equal(returning.headers['cache-control'], 'private, no-store')
    assert.equal(returning.headers.etag, undefined)
    assert.match(returning.payload, /name="_csrf"/)
  })

  it('never lets a shared cache keep a response that sets a cookie', async () => {
    const language = await get('/langue/en?retour=/annonces')
    assert.equal(language.statusCode, 303)
    assert.match(String(language.headers['set-cookie']), /^lang=en/)
    assert.equal(language.headers['cache-control'], 'private, no-store')
    const careless = await get('/essai/partage')
    assert.equal(careless.payload, 'bonjour')
    assert.match(String(careless.headers['set-cookie']), /^essai=1/)
    assert.equal(careless.headers['cache-control'], 'private, no-store')
    assert.equal(careless.headers.etag, undefined)
  })

  it('shares a visitor’s API answer, varying on the token too', async () => {
    const visitor = await get('/api/v1/communes?q=caen')
    assert.equal(visitor.statusCode, 200)
    assert.equal(visitor.headers['cache-control'], 'public, no-cache')
    assert.match(String(visitor.headers.vary), /authorization/)
    assert.ok(visitor.headers.etag)
  })

  it('keeps the page out of caches when the request carries another cookie, such as an ended session', async () => {
    const res = await get('/annonces', {}, { session: 'une-session-terminee-depuis-longtemps' })
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['cache-control'], 'private, no-store')
    assert.equal(res.headers.etag, undefined)
  })

  it('keeps errors, form posts and health checks out of caches', async () => {
    assert.equal((await get('/annonces/introuvable')).headers['cache-control'], 'private, no-store')
    assert.equal((await get('/healthz')).headers['cache-control'], 'private, no-store')
    const post = await new Client(t, HOST).post('/connexion', { email: 'x@exemple.test', password: 'non' })
    assert.equal(post.headers['cache-control'], 'private, no-store')
  })
})
