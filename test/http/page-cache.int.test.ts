import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { brotliDecompressSync } from 'node:zlib'
import { Client, makeAccount } from '../helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../helpers/app.ts'
import { createTestDatabase } from '../helpers/db.ts'
import { makeTerritory } from '../helpers/factories.ts'
import { page } from '../helpers/html.ts'
import { makeListing } from '../helpers/listings.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the short copy of the pages every visitor gets alike', () => {
  let t: TestApp
  let statements = 0
  let host = ''
  let author: Awaited<ReturnType<typeof makeAccount>>
  let territory: Awaited<ReturnType<typeof makeTerritory>>
  const TTL_MS = 1500

  /** One request by a visitor, and the statements it sent. */
  async function visit(url: string, headers: Record<string, string> = {}) {
    statements = 0
    const res = await t.app.inject({ url, headers: { host, ...headers } })
    return { res, statements }
  }

  before(async () => {
    t = await buildTestApp(
      { PAGE_CACHE_MS: String(TTL_MS) },
      undefined,
      await createTestDatabase({ onStatement: () => statements++ }),
    )
    territory = await makeTerritory(t.app.services)
    host = territory.hostnames[0]!
    author = await makeAccount(t, territory, { displayName: 'Jeanne M.' })
    await makeListing(t, territory, author, { title: 'Courses du samedi' })
  })
  after(() => t.close())

  it('answers a second visitor from the copy, without the database, with the same page', async () => {
    const first = await visit('/annonces?words=courses')
    assert.equal(first.res.statusCode, 200)
    assert.ok(first.statements > 0)
    assert.match(page(first.res.body).text('main'), /Courses du samedi/)
    const second = await visit('/annonces?words=courses')
    assert.equal(second.res.statusCode, 200)
    assert.equal(second.statements, 0)
    assert.equal(second.res.body, first.res.body)
    assert.equal(second.res.headers['cache-control'], 'public, no-cache')
    assert.equal(second.res.headers.etag, first.res.headers.etag)
    // Compressed for a browser that takes it, from the same copy.
    const br = await visit('/annonces?words=courses', { 'accept-encoding': 'br' })
    assert.equal(br.res.headers['content-encoding'], 'br')
    assert.equal(brotliDecompressSync(br.res.rawPayload).toString(), first.res.body)
    // And a 304 to a browser that already has it.
    const revalidated = await visit('/annonces?words=courses', {
      'if-none-match': String(first.res.headers.etag),
    })
    assert.equal(revalidated.res.statusCode, 304)
  })

  it('keeps a page per address and per language', async () => {
    const fr = await visit('/annonces')
    const en = await visit('/annonces', { 'accept-language': 'en' })
    assert.ok(en.statements > 0, 'English is a page of its own')
    assert.equal(page(fr.res.body).h1(), 'Les annonces')
    assert.notEqual(page(en.res.body).h1(), 'Les annonces')
  })

  it('keeps the easy-read page apart: neither reader ever gets the other’s copy', async () => {
    const easyBody = (body: string) => page(body).document.body.getAttribute('class') === 'easy-read'
    // The usual page first, then an easy reader: a page of its own, rendered for them.
    const usual = await visit('/annonces?words=lecture')
    assert.equal(easyBody(usual.res.body), false)
    const easy = await visit('/annonces?words=lecture', { cookie: 'lecture=facile' })
    assert.ok(easy.statements > 0, 'the easy page is rendered, not the usual copy')
    assert.ok(easyBody(easy.res.body))
    assert.equal(easy.res.headers['cache-control'], 'public, no-cache', 'the mode makes no page personal')
    // Each reader now gets their own copy, from the cache.
    const easyAgain = await visit('/annonces?words=lecture', { cookie: 'lecture=facile' })
    assert.equal(easyAgain.statements, 0)
    assert.ok(easyBody(easyAgain.res.body))
    const usualAgain = await visit('/annonces?words=lecture', { cookie: 'lecture=habituelle' })
    assert.equal(easyBody(usualAgain.res.body), false)
    const plain = await visit('/annonces?words=lecture')
    assert.equal(plain.statements, 0)
    assert.equal(easyBody(plain.res.body), false)
    // The easy copy first this time, then a usual reader.
    const easyFirst = await visit('/annonces?words=jardin', { cookie: 'lecture=facile' })
    assert.ok(easyBody(easyFirst.res.body))
    const usualAfter = await visit('/annonces?words=jardin')
    assert.ok(usualAfter.statements > 0)
    assert.equal(easyBody(usualAfter.res.body), false)
  })

  it('shows what changed once the copy is older than its period', async () => {
    const before = await visit('/annonces?words=tomates')
    assert.doesNotMatch(page(before.res.body).text('main'), /Arroser les tomates/)
    // Published after the page was kept: not on the copy until the copy has expired.
    await makeListing(t, territory, author, { title: 'Arroser les tomates' })
    assert.doesNotMatch(
      page((await visit('/annonces?words=tomates')).res.body).text('main'),
      /Arroser les tomates/,
    )
    await sleep(TTL_MS + 100)
    const fresh = await visit('/annonces?words=tomates')
    assert.ok(fresh.statements > 0)
    assert.match(page(fresh.res.body).text('main'), /Arroser les tomates/)
  })

  it('never answers a signed-in person from it, nor keeps their page', async () => {
    await visit('/annonces?words=courses')
    const client = await new Client(t, host).signInDirectly(author)
    statements = 0
    const mine = await client.get('/annonces?words=courses')
    assert.equal(mine.statusCode, 200)
    assert.ok(statements > 0)
    assert.equal(mine.headers['cache-control'], 'private, no-store')
    assert.match(page(mine.body).text('header'), /Se déconnecter/)
    // The next visitor still gets the visitors' page, not the person's.
    const visitor = await visit('/annonces?words=courses')
    assert.doesNotMatch(page(visitor.res.body).text('header'), /Se déconnecter/)
    assert.match(page(visitor.res.body).text('header'), /Se connecter/)
  })

  it('never keeps a page with a form, whose token is the browser’s own', async () => {
    const first = await visit('/connexion')
    const second = await visit('/connexion')
    assert.equal(second.res.statusCode, 200)
    assert.ok(first.res.headers['set-cookie'] && second.res.headers['set-cookie'])
    assert.equal(second.res.headers['cache-control'], 'private, no-store')
  })

  it('is not used by a program with a token, nor for a request with another cookie', async () => {
    await visit('/annonces?words=courses')
    const withCookie = await visit('/annonces?words=courses', { cookie: 'autre=1' })
    assert.ok(withCookie.statements > 0)
    const withToken = await visit('/api/v1/listings/search?words=courses', {
      authorization: 'Bearer pas-un-jeton-valide-du-tout',
    })
    assert.equal(withToken.res.statusCode, 401)
  })
})
