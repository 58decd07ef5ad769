import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import webpush from 'web-push'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { PushService } from '../../../../test/helpers/push-service.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { pushSubscriptions } from './push-subscription.schema.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
/** An unpaired surrogate cannot travel in an address or a form: the browser sends U+FFFD instead. */
const sent = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
const label = (field: string, text: string) => `${field} = ${JSON.stringify(text.slice(0, 30))}`

function assertSafe(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  what: string,
) {
  assert.ok(res.statusCode < 500, `${what}: ${res.statusCode}`)
  assert.ok(!res.body.includes('<script>alert'), `${what}: escaped`)
  assert.ok(!res.body.includes('<img src=x'), `${what}: escaped`)
  const location = String(res.headers.location ?? '')
  assert.ok(location === '' || location.startsWith('/'), `${what}: stays on the site (${location})`)
}

describe('push subscriptions with hostile values in every field and parameter', () => {
  let t: TestApp
  let territory: Territory
  let client: Client
  let accountId: string
  const push = new PushService()
  const keys = webpush.generateVAPIDKeys()

  before(async () => {
    await push.start()
    t = await buildTestApp({
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      VAPID_SUBJECT: 'https://entraide.exemple.fr/contact',
    })
    territory = await makeTerritory(t.app.services)
    const account = await makeAccount(t, territory)
    accountId = account.id
    client = await new Client(t, territory.hostnames[0]!).signInDirectly(account)
  })
  after(async () => {
    await t.close()
    await push.stop()
  })

  const rows = () =>
    t.db.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.accountId, accountId))
  /** Each try in a new window of the subscription's rate limit: the limit is not what is tested here. */
  const subscribe = (body: unknown, userAgent = 'Mozilla/5.0') => {
    t.clock.advance('2 hours')
    return client.request({
      method: 'POST',
      url: '/api/v1/me/push-subscriptions',
      payload: body as Record<string, unknown>,
      headers: { 'x-csrf-token': client.csrfToken(), 'user-agent': userAgent },
      withoutCsrf: true,
    })
  }

  it('refuses every hostile endpoint, key and type with a French reason, and stores nothing', async () => {
    const browser = push.browser()
    for (const text of HOSTILE) {
      for (const [field, body] of [
        ['endpoint', { endpoint: text, keys: browser.keys }],
        ['endpoint path', { endpoint: `https://push.exemple.test/${text}`, keys: browser.keys }],
        ['p256dh', { endpoint: browser.endpoint, keys: { ...browser.keys, p256dh: text } }],
        ['auth', { endpoint: browser.endpoint, keys: { ...browser.keys, auth: text } }],
        ['types', { endpoint: browser.endpoint, keys: browser.keys, types: [text] }],
      ] as const) {
        const what = label(field, text)
        const res = await subscribe(body)
        assertSafe(res, what)
        if (res.statusCode === 201) {
          // only an address that is still an https push service's can be taken, kept as sent
          assert.ok(field === 'endpoint path' || field === 'endpoint', what)
          const [row] = (await rows()).filter((r) => r.id === res.json().id)
          assert.ok(row?.endpoint.startsWith('https://'), what)
          assert.equal(res.json().device, null)
          await t.db.db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, row!.id))
          continue
        }
        assert.equal(res.statusCode, 400, `${what}: ${res.statusCode}`)
        assert.ok(/[a-zà-ÿ]/.test(res.json().detail ?? res.json().title), `${what}: says why`)
      }
    }
    assert.deepEqual(await rows(), [], 'nothing refused was stored')
    for (const text of HOSTILE) {
      const res = await subscribe(
        { endpoint: browser.endpoint, keys: browser.keys },
        sent(text).replace(/[\r\n\0]/g, ''),
      )
      assertSafe(res, label('user-agent', text))
    }
    assert.equal((await rows()).length, 1, 'one browser, one row, whatever it calls itself')
  })

  it('says in French why an address is refused, and refuses http off the loopback address', async () => {
    const browser = push.browser()
    const res = await subscribe({ endpoint: 'http://push.exemple.test/abc', keys: browser.keys })
    assert.equal(res.statusCode, 400)
    assert.match(
      res.body,
      /Ce navigateur a donné une adresse de notification que la plateforme ne peut pas utiliser/,
    )
    const long = await subscribe({
      endpoint: `https://push.exemple.test/${'a'.repeat(1200)}`,
      keys: browser.keys,
    })
    assert.equal(long.statusCode, 400)
    assert.match(long.body, /adresse de notification/)
  })

  it('answers hostile device ids and choices on the forms with 4xx, and shows the page safely', async () => {
    await subscribe({ endpoint: push.browser().endpoint, keys: push.browser().keys })
    const [device] = await rows()
    const before = await rows()
    for (const text of HOSTILE) {
      const p = encodeURIComponent(sent(text))
      const what = label('id', text)
      for (const url of [`/compte/appareils/${p}`, `/compte/appareils/${p}/retirer`]) {
        const res = await client.post(url, { types: 'matches' })
        assertSafe(res, `${what} POST ${url}`)
        assert.ok(res.statusCode >= 400, `${what} POST ${url}: ${res.statusCode}`)
      }
      const choice = await client.post(`/compte/appareils/${device!.id}`, { types: sent(text) })
      assertSafe(choice, label('types', text))
      assert.equal(choice.statusCode, 400, label('types', text))
      const said = page(choice.body)
      assert.ok(
        said.errorSummary().length > 0 ||
          /caractère invisible|informations envoyées ne sont pas valides/.test(said.text('main')),
        `${label('types', text)}: says why (${choice.statusCode} ${said.text('main').slice(0, 200)})`,
      )
      assertSafe(await client.get(`/compte?appareil=${p}`), label('appareil', text))
    }
    assert.deepEqual(await rows(), before, 'nothing changed')
  })
})
