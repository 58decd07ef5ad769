import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cachePolicy, matchesEtag, type ResponseFacts, weakEtag } from './cache-policy.ts'

const visitorPage: ResponseFacts = {
  method: 'GET',
  status: 200,
  declared: undefined,
  setsCookie: false,
  formToken: false,
  signedIn: false,
  otherCookies: false,
  territoryRoute: true,
  api: false,
}

describe('cache policy', () => {
  it('shares a visitor’s page, and nothing personal', () => {
    assert.equal(cachePolicy(visitorPage).cacheControl, 'public, no-cache')
    for (const personal of [
      { signedIn: true },
      { formToken: true },
      { setsCookie: true },
      { otherCookies: true },
      { method: 'POST' },
      { status: 404 },
      { territoryRoute: false },
    ])
      assert.equal(cachePolicy({ ...visitorPage, ...personal }).cacheControl, 'private, no-store')
  })

  it('keeps what a route chose, unless it sets a cookie', () => {
    const theme = { ...visitorPage, declared: 'public, max-age=300', signedIn: true }
    assert.deepEqual(cachePolicy(theme), { cacheControl: 'public, max-age=300', etag: true, vary: [] })
    assert.equal(cachePolicy({ ...theme, setsCookie: true }).cacheControl, 'private, no-store')
    assert.equal(
      cachePolicy({ ...visitorPage, declared: 'no-store', setsCookie: true }).cacheControl,
      'no-store',
    )
  })
})

describe('ETag', () => {
  const etag = weakEtag('<p>Bonjour</p>')
  it('is weak and follows the body', () => {
    assert.match(etag, /^W\/"[\w-]{27}"$/)
    assert.equal(weakEtag(Buffer.from('<p>Bonjour</p>')), etag)
    assert.notEqual(weakEtag('<p>Bonsoir</p>'), etag)
  })
  it('matches If-None-Match by the weak comparison, in a list or as *', () => {
    assert.ok(matchesEtag(etag, etag))
    assert.ok(matchesEtag(etag.slice(2), etag))
    assert.ok(matchesEtag(`W/"autre", ${etag}`, etag))
    assert.ok(matchesEtag('*', etag))
    assert.ok(!matchesEtag('W/"autre"', etag))
    assert.ok(!matchesEtag(undefined, etag))
  })
})
