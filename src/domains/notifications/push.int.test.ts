import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import webpush from 'web-push'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeMatch } from '../../../test/helpers/conversations.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import {
  deleteAccountRow,
  type FakeBrowser,
  PushService,
  pushRows,
} from '../../../test/helpers/push-service.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { PUSH_SEND_JOB } from './push-queue.ts'

const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36'

describe('Web Push to the devices a person chose', () => {
  let t: TestApp
  let territory: Territory
  let other: Territory
  let push: PushService
  const keys = webpush.generateVAPIDKeys()
  const host = (tr: Territory = territory) => tr.hostnames[0]!

  before(async () => {
    push = await new PushService().start()
    t = await buildTestApp({
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      VAPID_SUBJECT: 'mailto:contact@exemple.test',
    })
    territory = await makeTerritory(t.app.services)
    other = await makeTerritory(t.app.services)
  })
  after(async () => {
    await t.close()
    await push.stop()
  })
  beforeEach(() => {
    push.received.length = 0
  })

  async function person(tr: Territory = territory) {
    const account = await makeAccount(t, tr)
    const client = await new Client(t, host(tr)).signInDirectly(account)
    return { account, client }
  }

  /** What push.js posts once the person pressed the button and allowed notifications. */
  function subscribe(client: Client, browser: FakeBrowser, extra: Record<string, unknown> = {}) {
    return client.request({
      method: 'POST',
      url: '/api/v1/me/push-subscriptions',
      payload: { endpoint: browser.endpoint, expirationTime: null, keys: browser.keys, ...extra },
      headers: { 'x-csrf-token': client.csrfToken(), 'user-agent': CHROME_ANDROID },
      withoutCsrf: true,
    })
  }

  const rows = (accountId: string) => pushRows(t, accountId)
  const sentJobs = async () => (await t.app.services.jobs.listByName(PUSH_SEND_JOB)).length

  /** Someone answers the person's ask through the response form, as on the site. */
  async function respondTo(author: { id: string }) {
    const listing = await makeListing(t, territory, author)
    const helper = await person()
    const res = await helper.client.post(`/annonces/${listing.id}/repondre`, {
      message: 'Je peux passer demain.',
    })
    assert.equal(res.statusCode, 303)
    return { listing, helper }
  }

  it('sends the response’s sentence, encrypted for the browser, with the platform’s name and the link', async () => {
    const { account, client } = await person()
    const browser = push.browser()
    const res = await subscribe(client, browser)
    assert.equal(res.statusCode, 201, res.body)
    assert.deepEqual(res.json().types, ['matches', 'messages'])
    assert.equal(res.json().device, 'Chrome / Android')

    const { listing, helper } = await respondTo(account)
    await t.app.services.worker.runDue()

    const [received, ...more] = push.to(browser)
    assert.ok(received, 'the push service got the message')
    assert.equal(more.length, 0)
    assert.equal(received.headers['content-encoding'], 'aes128gcm')
    assert.equal(received.headers.ttl, String(2 * 86_400))
    assert.equal(received.headers.urgency, 'normal')
    assert.match(
      String(received.headers.authorization),
      new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${keys.publicKey}$`),
    )
    const shown = JSON.parse(browser.decrypt(received.body))
    assert.equal(shown.title, territory.platformName)
    assert.equal(shown.body, `${helper.account.displayName} a répondu à votre annonce « ${listing.title} »`)
    assert.match(shown.url, /^\/mises-en-relation\/[\w-]+$/)
    const plain = JSON.stringify(shown)
    for (const secret of [helper.account.email, account.email]) assert.ok(!plain.includes(secret), 'no email')
    const [row] = await rows(account.id)
    assert.ok(row?.lastSuccessAt, 'the success is recorded')
    assert.equal(row.failureCount, 0)
  })

  it('pushes a new message without its words, and nothing for a type the device turned off', async () => {
    const { account, client } = await person()
    const writer = await person()
    const browser = push.browser()
    assert.equal((await subscribe(client, browser)).statusCode, 201)
    const [device] = await rows(account.id)
    const match = await makeMatch(t, territory, { author: account, responder: writer.account })

    const sent = await writer.client.post(`/mises-en-relation/${match.id}/messages`, {
      body: 'Mon code est 1234',
    })
    assert.equal(sent.statusCode, 303)
    await t.app.services.worker.runDue()
    const [message] = push.to(browser)
    assert.ok(message)
    const shown = JSON.parse(browser.decrypt(message.body))
    assert.equal(shown.body, 'Vous avez reçu un nouveau message. Touchez pour le lire.')
    assert.equal(shown.url, `/mises-en-relation/${match.id}#conversation`)
    assert.ok(!JSON.stringify(shown).includes('1234'), 'the words stay on the page')
    assert.ok(message.headers.topic, 'a newer message replaces it at the push service')

    // « Réponses » unticked on that device, from the form on « Mon compte »
    const saved = await client.post(`/compte/appareils/${device!.id}`, { types: 'messages' })
    assert.equal(saved.statusCode, 303)
    assert.equal(saved.headers.location, '/compte?appareil=enregistre#notifications-appareil')
    assert.match(
      page((await client.get(saved.headers.location)).body).text('main'),
      /Vos choix pour cet appareil sont enregistrés/,
    )
    push.received.length = 0
    const before = await sentJobs()
    await respondTo(account)
    await t.app.services.worker.runDue()
    assert.equal(await sentJobs(), before, 'no job for a type turned off')
    assert.equal(push.to(browser).length, 0, 'nothing sent')
  })

  it('forgets a subscription the push service says is gone (410), and retries other failures', async () => {
    const { account, client } = await person()
    const gone = push.browser()
    assert.equal((await subscribe(client, gone)).statusCode, 201)
    push.statusFor.set(new URL(gone.endpoint).pathname, 410)
    await respondTo(account)
    await t.app.services.worker.runDue()
    assert.equal(push.to(gone).length, 1)
    assert.deepEqual(await rows(account.id), [], 'the subscription is gone')

    const busy = push.browser()
    assert.equal((await subscribe(client, busy)).statusCode, 201)
    push.statusFor.set(new URL(busy.endpoint).pathname, 503)
    await respondTo(account)
    await t.app.services.worker.runDue()
    const [row] = await rows(account.id)
    assert.equal(row?.failureCount, 1, 'the failure is counted')
    const jobs = await t.app.services.jobs.listByName(PUSH_SEND_JOB)
    assert.ok(
      jobs.some((j) => j.status === 'pending' && j.attempts === 1),
      'the job waits for its retry',
    )
    push.statusFor.delete(new URL(busy.endpoint).pathname)
    t.clock.advance('1 hour')
    await t.app.services.worker.runDue()
    assert.equal(push.to(busy).length, 2, 'sent on the retry')
    assert.equal((await rows(account.id))[0]?.failureCount, 0)
  })

  it('lets nobody else change or remove a device: another account, another territory, a token', async () => {
    const owner = await person()
    const browser = push.browser()
    assert.equal((await subscribe(owner.client, browser)).statusCode, 201)
    const [device] = await rows(owner.account.id)
    const stranger = await person()
    const abroad = await person(other)
    for (const intruder of [stranger, abroad]) {
      const change = await intruder.client.post(`/compte/appareils/${device!.id}`, { types: 'savedSearches' })
      assert.equal(change.statusCode, 404)
      const bad = await intruder.client.post(`/compte/appareils/${device!.id}`, { types: 'rien' })
      assert.equal(bad.statusCode, 404, 'a refused choice says nothing of someone else’s device')
      const remove = await intruder.client.post(`/compte/appareils/${device!.id}/retirer`, {})
      assert.equal(remove.statusCode, 404)
      // signing out naming someone else's endpoint removes nothing either
      await intruder.client.post('/deconnexion', { pushEndpoint: browser.endpoint })
    }
    const [after] = await rows(owner.account.id)
    assert.deepEqual(after, device, 'nothing changed')
  })

  it('refuses a choice that is not one in words, and takes a device off on « Ne plus recevoir »', async () => {
    const { account, client } = await person()
    assert.equal((await subscribe(client, push.browser())).statusCode, 201)
    const [device] = await rows(account.id)
    const refused = await client.post(`/compte/appareils/${device!.id}`, { types: ['matches', 'autre'] })
    assert.equal(refused.statusCode, 400)
    const p = page(refused.body)
    assert.deepEqual(p.errorSummary(), [
      { text: 'Choisissez parmi les notifications proposées', href: `#appareil-${device!.id}` },
    ])
    assert.ok(
      p.document.getElementById(`appareil-${device!.id}`),
      'the summary leads to the device’s first box',
    )
    assert.deepEqual((await rows(account.id))[0]?.types, ['matches', 'messages'], 'nothing changed')

    const removed = await client.post(`/compte/appareils/${device!.id}/retirer`, {})
    assert.equal(removed.statusCode, 303)
    assert.match(
      page((await client.get(removed.headers.location as string)).body).text('main'),
      /Cet appareil ne recevra plus de notifications/,
    )
    assert.deepEqual(await rows(account.id), [])
  })

  it('keeps ten devices at most, says so in words, and still takes a device it already has', async () => {
    const { account, client } = await person()
    const browsers = Array.from({ length: 10 }, () => push.browser())
    for (const browser of browsers) assert.equal((await subscribe(client, browser)).statusCode, 201)

    const eleventh = await subscribe(client, push.browser())
    assert.equal(eleventh.statusCode, 400)
    assert.match(
      eleventh.body,
      /Vous recevez déjà les notifications sur 10 appareils : retirez-en un avant d’en ajouter un autre/,
    )
    assert.equal((await rows(account.id)).length, 10, 'the eleventh is not kept')
    const again = await subscribe(client, browsers[0]!, { types: ['messages'] })
    assert.equal(again.statusCode, 201, 'a device already kept may subscribe again')
    assert.equal((await rows(account.id)).length, 10)
  })

  it('drops the device of the browser that signs out, and every device with the account', async () => {
    const { account, client } = await person()
    const phone = push.browser()
    const laptop = push.browser()
    assert.equal((await subscribe(client, phone)).statusCode, 201)
    assert.equal((await subscribe(client, laptop)).statusCode, 201)
    assert.equal((await client.post('/deconnexion', { pushEndpoint: phone.endpoint })).statusCode, 303)
    assert.deepEqual(
      (await rows(account.id)).map((r) => r.endpoint),
      [laptop.endpoint],
    )
    await deleteAccountRow(t, account.id)
    assert.deepEqual(await rows(account.id), [], 'deleted with the account')
  })

  it('shows the section with its button hidden until a script finds push, and the words for a browser without', async () => {
    const { client } = await person()
    const p = page((await client.get('/compte')).body)
    const section = p.document.querySelector('#notifications-appareil')
    assert.ok(section)
    assert.equal(section.querySelector('h2')?.textContent, 'Notifications sur cet appareil')
    const button = section.querySelector('button[data-push-button]')
    assert.equal(button?.textContent?.trim(), 'Recevoir les notifications sur ce téléphone')
    assert.ok(button?.hasAttribute('hidden'), 'no button without JavaScript')
    assert.match(
      section.querySelector('[data-push-status]')?.textContent ?? '',
      /Ce navigateur ne peut pas recevoir les notifications de la plateforme/,
    )
    assert.equal(section.querySelector('[data-push-key]')?.getAttribute('data-push-key'), keys.publicKey)
    assert.ok(p.document.querySelector('script[src*="push"]'), 'push.js is loaded')
  })
})

describe('Web Push without VAPID keys', () => {
  let t: TestApp
  let territory: Territory
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  it('offers nothing: no section, no script, and the routes answer 404', async () => {
    const account = await makeAccount(t, territory)
    const client = await new Client(t, territory.hostnames[0]!).signInDirectly(account)
    const p = page((await client.get('/compte')).body)
    assert.equal(p.document.querySelector('#notifications-appareil'), null)
    assert.equal(p.document.querySelector('script[src*="push"]'), null)
    const browser = new PushService().browser()
    const res = await client.request({
      method: 'POST',
      url: '/api/v1/me/push-subscriptions',
      payload: { endpoint: 'https://push.exemple.test/abc', keys: browser.keys },
      headers: { 'x-csrf-token': client.csrfToken() },
      withoutCsrf: true,
    })
    assert.equal(res.statusCode, 404)
    const id = '00000000-0000-4000-8000-000000000000'
    assert.equal((await client.post(`/compte/appareils/${id}`, { types: 'matches' })).statusCode, 404)
    assert.equal((await client.post(`/compte/appareils/${id}/retirer`, {})).statusCode, 404)
  })
})
