import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Type } from '@sinclair/typebox'
import type { App } from '../../src/app.ts'
import { buildTestApp, type TestApp } from '../helpers/app.ts'
import { makeTerritory } from '../helpers/factories.ts'

const HOST = 'csrf.entraide.test'

/** A form page and its post, as any form of the platform. */
function formRoutes(app: App) {
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
}

describe('CSRF cookie', () => {
  let http: TestApp
  let https: TestApp
  before(async () => {
    http = await buildTestApp({}, formRoutes)
    https = await buildTestApp({ PUBLIC_URL: `https://${HOST}` }, formRoutes)
    for (const t of [http, https]) await makeTerritory(t.app.services, { hostnames: [HOST] })
  })
  after(async () => {
    await http.close()
    await https.close()
  })

  const visit = (t: TestApp, cookies: Record<string, string>) =>
    t.app.inject({ url: '/essai/formulaire', headers: { host: HOST }, cookies })
  const send = (t: TestApp, token: string, cookies: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/essai/formulaire',
      headers: { host: HOST },
      cookies,
      payload: { _csrf: token, nom: 'Zoé' },
    })

  it('replaces a malformed cookie, so that the browser can post forms again', async () => {
    const broken = { csrf: 'abîmé' }
    const form = await visit(http, broken)
    const replaced = form.cookies.find((c) => c.name === 'csrf')
    assert.match(replaced?.value ?? '', /^[\w-]{43}$/, 'a new well-formed cookie is set')
    const { token } = form.json() as { token: string }
    const ok = await send(http, token, { csrf: replaced!.value })
    assert.equal(ok.statusCode, 200)
    assert.deepEqual(ok.json(), { recu: 'Zoé' })
  })

  it('replaces a malformed cookie even when a post with it is refused', async () => {
    const refused = await send(http, 'x', { csrf: 'trop-court' })
    assert.equal(refused.statusCode, 403)
    assert.match(refused.cookies.find((c) => c.name === 'csrf')?.value ?? '', /^[\w-]{43}$/)
  })

  it('keeps a well-formed cookie as it is', async () => {
    const first = await visit(http, {})
    const cookie = first.cookies.find((c) => c.name === 'csrf')!
    const again = await visit(http, { csrf: cookie.value })
    assert.equal(
      again.cookies.find((c) => c.name === 'csrf'),
      undefined,
    )
  })

  it('names the cookie __Host- over HTTPS, Secure, for the whole host, and reads it back', async () => {
    const form = await visit(https, {})
    assert.equal(
      form.cookies.find((c) => c.name === 'csrf'),
      undefined,
    )
    const cookie = form.cookies.find((c) => c.name === '__Host-csrf')!
    assert.equal(cookie.secure, true)
    assert.equal(cookie.path, '/')
    assert.equal(cookie.domain, undefined)
    const { token } = form.json() as { token: string }
    assert.equal((await send(https, token, { '__Host-csrf': cookie.value })).statusCode, 200)
    assert.equal(
      (await send(https, token, { csrf: cookie.value })).statusCode,
      403,
      'the plain name is not read',
    )
  })
})
