import assert from 'node:assert/strict'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { buildClient } from '../../scripts/build-client.mjs'
import { type App, buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { FakeClock } from '../../src/platform/clock.ts'
import { testIds } from '../helpers/app.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts'
import { makeTerritory } from '../helpers/factories.ts'
import { page } from '../helpers/html.ts'

const HOST = 'fichiers.entraide.test'
const marker = 'node_modules/leaflet/dist/images/marker-icon.png'

describe('client build', () => {
  let dir: string
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'entraide-build-'))
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  /** A small client: two modules, a style sheet with an image, as src/client and public/css are. */
  function writeSources(greeting: string, colour: string) {
    mkdirSync(join(dir, 'client'), { recursive: true })
    mkdirSync(join(dir, 'css'), { recursive: true })
    writeFileSync(join(dir, 'client', 'hello.ts'), `document.title = ${JSON.stringify(greeting)}\n`)
    writeFileSync(join(dir, 'client', 'steady.ts'), `document.body.dataset.ready = 'yes'\n`)
    writeFileSync(join(dir, 'css', 'site.css'), `.map { color: ${colour}; background: url(pin.png) }\n`)
    cpSync(marker, join(dir, 'css', 'pin.png'))
  }
  const build = () =>
    buildClient({
      scripts: join(dir, 'client'),
      styles: { site: join(dir, 'css', 'site.css') },
      publicDir: join(dir, 'public'),
    })

  it('names each file after its content, so only what changed gets a new name', async () => {
    writeSources('Bonjour', 'navy')
    const first = await build()
    assert.deepEqual(Object.keys(first).sort(), ['css/site.css', 'js/hello.js', 'js/steady.js'])
    assert.match(first['js/hello.js']!, /^js\/hello-\w{8}\.js$/)
    assert.match(first['css/site.css']!, /^css\/site-\w{8}\.css$/)
    const css = readFileSync(join(dir, 'public', 'assets', first['css/site.css']!), 'utf8')
    assert.match(
      css,
      /url\("?\/static\/assets\/img\/pin-\w{8}\.png"?\)/,
      'the image is renamed with its hash too',
    )
    const written = JSON.parse(readFileSync(join(dir, 'public', 'assets-manifest.json'), 'utf8'))
    assert.deepEqual(written, first)

    writeSources('Au revoir', 'teal')
    const second = await build()
    assert.notEqual(second['js/hello.js'], first['js/hello.js'])
    assert.notEqual(second['css/site.css'], first['css/site.css'])
    assert.equal(second['js/steady.js'], first['js/steady.js'])
    // the previous build's files are gone: nothing refers to them any more
    assert.throws(() => readFileSync(join(dir, 'public', 'assets', first['js/hello.js']!)))
  })
})

describe('static files', () => {
  let dir: string
  let db: TestDatabase
  let app: App
  let manifest: Record<string, string>
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'entraide-public-'))
    cpSync('public', dir, { recursive: true, filter: (f) => !f.includes('assets') })
    manifest = await buildClient({ publicDir: dir })
    db = await createTestDatabase()
    const config = loadConfig({ NODE_ENV: 'test', JOBS_ENABLED: 'false', LOG_LEVEL: 'silent' })
    app = await buildApp({
      config,
      database: db,
      clock: new FakeClock(),
      ids: testIds(),
      logger: false,
      publicDir: dir,
    })
    await app.ready()
    await makeTerritory(app.services, { hostnames: [HOST] })
  })
  after(async () => {
    await app.close()
    await db.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  const get = (url: string, encoding?: string) =>
    app.inject({ url, headers: { host: HOST, ...(encoding ? { 'accept-encoding': encoding } : {}) } })

  it('pages link the hashed files, served for a year and never asked again', async () => {
    const home = page((await get('/')).payload)
    const styles = [...home.document.querySelectorAll('link[rel=stylesheet]')].map((l) =>
      l.getAttribute('href'),
    )
    assert.ok(styles.includes(`/static/assets/${manifest['css/app.css']}`), styles.join(' '))
    const css = await get(`/static/assets/${manifest['css/app.css']}`)
    assert.equal(css.statusCode, 200)
    assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable')
    assert.match(String(css.headers['content-type']), /^text\/css/)
  })

  it('sends the .br or .gz copy the browser takes, each the same bytes once decoded', async () => {
    for (const name of ['js/listings-map.js', 'css/leaflet.css', 'css/app.css']) {
      const url = `/static/assets/${manifest[name]}`
      const plain = readFileSync(join(dir, 'assets', manifest[name]!))
      const identity = await get(url)
      assert.equal(identity.headers['content-encoding'], undefined)
      assert.deepEqual(identity.rawPayload, plain)
      const br = await get(url, 'gzip, deflate, br')
      assert.equal(br.headers['content-encoding'], 'br', name)
      assert.ok(br.rawPayload.length < plain.length)
      assert.deepEqual(brotliDecompressSync(br.rawPayload), plain)
      const gz = await get(url, 'gzip')
      assert.equal(gz.headers['content-encoding'], 'gzip', name)
      assert.deepEqual(gunzipSync(gz.rawPayload), plain)
      for (const res of [identity, br, gz]) {
        assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable')
        assert.match(String(res.headers.vary), /accept-encoding/)
      }
    }
  })

  it('serves the map images the style sheet and the map module name', async () => {
    const css = (await get(`/static/assets/${manifest['css/leaflet.css']}`)).payload
    const images = [...css.matchAll(/url\("?(\/static\/assets\/img\/[^")]+)"?\)/g)].map((m) => m[1]!)
    assert.ok(images.length >= 2)
    const js = (await get(`/static/assets/${manifest['js/listings-map.js']}`)).payload
    assert.match(js, /\/static\/assets\/img\/marker-icon-\w{8}\.png/)
    for (const image of images) {
      const res = await get(image)
      assert.equal(res.statusCode, 200, image)
      assert.equal(res.headers['content-type'], 'image/png')
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable')
    }
  })

  it('keeps files under their own name for minutes only, and uncompressed when tiny', async () => {
    const icon = await get('/static/favicon.svg', 'br, gzip')
    assert.equal(icon.statusCode, 200)
    assert.equal(icon.headers['cache-control'], 'public, max-age=600')
    assert.equal(icon.headers['content-encoding'], undefined)
  })

  it('refuses to start a server when the client was never built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'entraide-unbuilt-'))
    try {
      const config = loadConfig({ NODE_ENV: 'development', JOBS_ENABLED: 'false', LOG_LEVEL: 'silent' })
      await assert.rejects(async () => {
        const unbuilt = await buildApp({
          config,
          database: db,
          logger: false,
          publicDir: empty,
          requireBuiltClient: true,
        })
        await unbuilt.close()
      }, /assets-manifest\.json is missing: run `npm run build:client`/)
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })
})
