import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { RateLimitedError } from './rate-limit.ts'

describe('rate limits counted in the database', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({}, (app) => {
      app.get('/essai/limite', { config: { permission: 'public', scope: null } }, async () => {
        await app.services.rateLimiter.hit('essai:route', { max: 2, windowMs: 60_000 })
        return { ok: true }
      })
    })
    await makeTerritory(t.app.services, { hostnames: ['limite.test'] })
  })
  after(() => t.close())

  it('allows the limit, refuses past it with the time to wait, and starts again after the window', async () => {
    const { rateLimiter } = t.app.services
    const limit = { max: 3, windowMs: 60_000 }
    for (let i = 0; i < 3; i++) await rateLimiter.hit('essai:a', limit)
    t.clock.advance('20 s')
    await assert.rejects(
      rateLimiter.hit('essai:a', limit),
      (e: unknown) => e instanceof RateLimitedError && e.retryAfterSeconds === 40,
    )
    await rateLimiter.hit('essai:b', limit)
    t.clock.advance('41 s')
    await rateLimiter.hit('essai:a', limit)
  })

  it('forgets earlier hits after a reset', async () => {
    const { rateLimiter } = t.app.services
    const limit = { max: 1, windowMs: 60_000 }
    await rateLimiter.hit('essai:c', limit)
    await rateLimiter.reset('essai:c')
    await rateLimiter.hit('essai:c', limit)
  })

  it('counts hits from concurrent requests without losing any', async () => {
    const { rateLimiter } = t.app.services
    const limit = { max: 10, windowMs: 60_000 }
    const results = await Promise.allSettled(
      Array.from({ length: 15 }, () => rateLimiter.hit('essai:d', limit)),
    )
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 10)
  })

  it('answers 429 with Retry-After over HTTP', async () => {
    const get = () => t.app.inject({ url: '/essai/limite', headers: { host: 'limite.test' } })
    assert.equal((await get()).statusCode, 200)
    assert.equal((await get()).statusCode, 200)
    const refused = await get()
    assert.equal(refused.statusCode, 429)
    assert.equal(refused.headers['retry-after'], '60')
  })
})
