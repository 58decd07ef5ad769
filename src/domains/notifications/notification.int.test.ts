import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, changeAccount, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCard as findAccountById } from '../accounts/index.ts'
import { scheduleNotificationJobs, sendNotificationDigests } from './notification.jobs.ts'
import { notifications } from './notification.schema.ts'
import { type NotificationKind, notify } from './notify.ts'

describe('notifications in the app', () => {
  let t: TestApp
  let territory: Territory
  let other: Territory
  const host = () => territory.hostnames[0]!

  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
    other = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  function notifyOne(
    accountId: string,
    o: { params?: Record<string, string>; kind?: NotificationKind; link?: string; in?: Territory } = {},
  ) {
    return t.db.db.transaction((tx) =>
      notify(t.app.services, tx, {
        territory: o.in ?? territory,
        accountId,
        kind: o.kind ?? 'match.response',
        params: o.params ?? { name: 'Zoé', title: 'Courses du samedi' },
        link: o.link ?? '/annonces/courses',
      }),
    )
  }

  async function person() {
    const account = await makeAccount(t, territory)
    const client = await new Client(t, host()).signInDirectly(account)
    return { account, client }
  }

  const headerLink = (html: string) => page(html).document.querySelector('.main-nav a[href="/notifications"]')
  const readAt = async (id: string) =>
    (await t.db.db.select().from(notifications).where(eq(notifications.id, id)))[0]?.readAt ?? null

  it('shows the unread count in the header of every page, and it falls when one is opened', async () => {
    const { account, client } = await person()
    const first = (await notifyOne(account.id, { link: '/annonces/premiere' }))!
    await notifyOne(account.id, { params: { name: 'Marc', title: 'Jardin' } })
    await notifyOne(account.id, { kind: 'match.accepted' })

    for (const url of ['/', '/annonces', '/compte']) {
      const link = headerLink((await client.get(url)).body)
      assert.ok(link, `header link on ${url}`)
      assert.equal(link.querySelector('[aria-hidden="true"]')?.textContent?.trim(), '(3)')
      assert.equal(
        link.querySelector('.visually-hidden')?.textContent?.replace(/\s+/g, ' ').trim(),
        ', 3 non lues',
      )
    }
    assert.equal(headerLink((await new Client(t, host()).get('/')).body), null, 'no link for a visitor')

    const list = page((await client.get('/notifications')).body)
    assert.equal(list.h1(), 'Notifications')
    const items = list.all('.notifications > li')
    assert.equal(items.length, 3)
    assert.ok(items.every((text) => text.startsWith('Non lue')))
    assert.match(items[2]!, /Zoé a répondu à votre annonce « Courses du samedi »/)
    assert.match(items[1]!, /Marc a répondu à votre annonce « Jardin »/)
    assert.match(items[0]!, /Zoé a accepté votre réponse à « Courses du samedi »/)
    assert.match(list.text('main'), /Vous avez 3 notifications non lues/)
    assert.equal(list.link('Choisir comment être prévenu'), '/compte/profil#notify-matches')

    // Looking at the list marks nothing.
    assert.equal(headerLink((await client.get('/notifications')).body)?.textContent?.includes('(3)'), true)

    const href = list.link('Zoé a répondu à votre annonce « Courses du samedi »')
    assert.equal(href, `/notifications/${first}/ouvrir`)
    const opened = await client.get(href!)
    assert.equal(opened.statusCode, 303)
    assert.equal(opened.headers.location, '/annonces/premiere')
    assert.ok(await readAt(first))
    const afterOpen = await client.get('/annonces')
    assert.equal(
      headerLink(afterOpen.body)?.querySelector('[aria-hidden="true"]')?.textContent?.trim(),
      '(2)',
    )
    const reread = page((await client.get('/notifications')).body).all('.notifications > li')
    assert.equal(reread.filter((text) => text.startsWith('Non lue')).length, 2)

    const refused = await client.post('/notifications/tout-lire', {}, { withoutCsrf: true })
    assert.equal(refused.statusCode, 403)
    const done = await client.post('/notifications/tout-lire', {})
    assert.equal(done.statusCode, 303)
    assert.equal(done.headers.location, '/notifications?fait=lues')
    const cleared = await client.get('/notifications?fait=lues')
    assert.match(page(cleared.body).text('main'), /Toutes vos notifications sont marquées comme lues/)
    assert.equal(headerLink(cleared.body)?.textContent?.trim(), 'Notifications')
    assert.equal(page(cleared.body).all('.notifications .tag').length, 0)
  })

  it('answers 404 for another person’s notification, or another platform’s, and changes nothing', async () => {
    const owner = await person()
    const stranger = await person()
    const id = (await notifyOne(owner.account.id))!
    const res = await stranger.client.get(`/notifications/${id}/ouvrir`)
    assert.equal(res.statusCode, 404)
    assert.equal(await readAt(id), null)
    assert.equal((await stranger.client.get('/notifications/pas-un-identifiant/ouvrir')).statusCode, 404)
    assert.doesNotMatch(page((await stranger.client.get('/notifications')).body).text('main'), /Zoé/)
    // Marking all read touches only one's own.
    await stranger.client.post('/notifications/tout-lire', {})
    assert.equal(await readAt(id), null)

    const elsewhere = await makeAccount(t, other)
    const foreign = (await notifyOne(elsewhere.id, { in: other }))!
    assert.equal((await owner.client.get(`/notifications/${foreign}/ouvrir`)).statusCode, 404)
    assert.equal(await readAt(foreign), null)
    // A visitor is sent to sign in first.
    const visitor = await new Client(t, host()).get(`/notifications/${id}/ouvrir`)
    assert.equal(visitor.statusCode, 303)
    assert.match(visitor.headers.location as string, /^\/connexion\?retour=/)
  })

  it('never follows a stored link that leaves the platform', async () => {
    const { account, client } = await person()
    for (const link of ['https://evil.example', '//evil', '/\\evil.example', 'javascript:alert(1)', ' /x']) {
      const id = t.app.services.ids()
      await t.db.db.insert(notifications).values({
        id,
        territoryId: territory.id,
        accountId: account.id,
        type: 'match.response',
        params: { name: 'X', title: 'Y' },
        link,
        createdAt: t.clock.now(),
      })
      const res = await client.get(`/notifications/${id}/ouvrir`)
      assert.equal(res.statusCode, 303, link)
      assert.equal(res.headers.location, '/notifications', link)
    }
    // notify() itself keeps such a link out.
    const id = (await notifyOne(account.id, { link: 'https://evil.example/piege' }))!
    const [row] = await t.db.db.select().from(notifications).where(eq(notifications.id, id))
    assert.equal(row!.link, '/notifications')
    const [mail] = await outboxMails(t, account.email)
    assert.doesNotMatch(mail!.text, /evil/)
  })

  it('shows HTML typed in a name or a title as text, on the page and in the email', async () => {
    const { account, client } = await person()
    await notifyOne(account.id, { params: { name: '<script>alert(1)</script>', title: '<b>gras</b>' } })
    const res = await client.get('/notifications')
    assert.doesNotMatch(res.body, /<script>alert|<b>gras/)
    assert.match(
      page(res.body).text('main'),
      /<script>alert\(1\)<\/script> a répondu à votre annonce « <b>gras<\/b> »/,
    )
    const [mail] = await outboxMails(t, account.email)
    assert.doesNotMatch(mail!.html, /<script>alert|<b>gras/)
    assert.match(mail!.html, /« &lt;b>gras&lt;\/b> »/)
    assert.match(mail!.text, /<b>gras<\/b>/)
  })

  it('pages through many notifications, newest first, with « voir plus »', async () => {
    const { account, client } = await person()
    for (let i = 1; i <= 25; i++) {
      await notifyOne(account.id, { params: { name: `N${i}`, title: 'T' } })
      t.clock.advance('1 minute')
    }
    const first = page((await client.get('/notifications')).body)
    const items = first.all('.notifications > li')
    assert.equal(items.length, 20)
    assert.match(items[0]!, /N25 a répondu/)
    assert.match(items[0]!, /il y a 1 minute/)
    const more = first.link('Voir les notifications plus anciennes')
    assert.ok(more)
    const second = page((await client.get(more!)).body)
    const rest = second.all('.notifications > li')
    assert.equal(rest.length, 5)
    assert.match(rest[4]!, /N1 a répondu/)
    assert.equal(second.link('Voir les notifications plus anciennes'), undefined)
    assert.equal(second.link('Revenir aux plus récentes'), '/notifications')
    const broken = await client.get('/notifications?avant=abc')
    assert.equal(broken.statusCode, 400)
    assert.match(page(broken.body).text('main'), /Ce lien de page n’est plus valable/)
  })
})

describe('notification emails and preferences', () => {
  let t: TestApp
  let territory: Territory
  const host = () => territory.hostnames[0]!

  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
    await scheduleNotificationJobs(t.app.services)
  })
  after(() => t.close())

  function notifyOne(accountId: string, params = { name: 'Zoé', title: 'Courses du samedi' }) {
    return t.db.db.transaction((tx) =>
      notify(t.app.services, tx, {
        territory,
        accountId,
        kind: 'match.response',
        params,
        link: '/annonces/a',
      }),
    )
  }
  const unsubscribePath = (header: string | undefined) => {
    const url = new URL(/^<(https?:[^>]+)>$/.exec(header ?? '')![1]!)
    return `${url.pathname}${url.search}`
  }
  const rowsOf = (accountId: string) =>
    t.db.db.select().from(notifications).where(eq(notifications.accountId, accountId))

  it('mails at once, with one-click unsubscribe headers, by default', async () => {
    const account = await makeAccount(t, territory)
    await notifyOne(account.id)
    const mails = await outboxMails(t, account.email)
    assert.equal(mails.length, 1)
    const mail = mails[0]!
    assert.equal(mail.subject, 'Zoé a répondu à votre annonce « Courses du samedi »')
    assert.match(
      mail.headers['List-Unsubscribe'] ?? '',
      /^<https?:\/\/.+\/notifications\/desabonnement\?jeton=[\w.-]+>$/,
    )
    assert.equal(mail.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click')
  })

  it('gathers « une fois par jour » into one digest a day, with a line each, and nothing at once', async () => {
    const account = await makeAccount(t, territory, { notifications: { matches: 'daily' } })
    await notifyOne(account.id, { name: 'Zoé', title: 'Courses' })
    t.clock.advance('1 hour')
    await notifyOne(account.id, { name: 'Marc', title: '<i>Jardin</i>' })
    t.clock.advance('1 hour')
    await notifyOne(account.id, { name: 'Léa', title: 'Ordinateur' })
    assert.equal((await outboxMails(t, account.email)).length, 0, 'nothing at once')
    t.clock.advance('21 hours')
    assert.equal((await outboxMails(t, account.email)).length, 0, 'not before a day')
    t.clock.advance('2 hours')
    // Two runs at once (two processes): one mail.
    const runs = await Promise.all([
      sendNotificationDigests(t.app.services),
      sendNotificationDigests(t.app.services),
    ])
    assert.equal(runs[0] + runs[1], 1)
    const mails = await outboxMails(t, account.email)
    assert.equal(mails.length, 1)
    const digest = mails[0]!
    assert.equal(digest.subject, 'Vos notifications du jour sur Entraide Calvados')
    assert.match(digest.text, /Zoé a répondu à votre annonce « Courses »/)
    assert.match(digest.text, /Marc a répondu à votre annonce « <i>Jardin<\/i> »/)
    assert.doesNotMatch(digest.html, /<i>Jardin/)
    assert.match(digest.text, /Léa a répondu à votre annonce « Ordinateur »/)
    assert.match(digest.text, /\/notifications/)
    assert.match(digest.headers['List-Unsubscribe'] ?? '', /\/notifications\/desabonnement\?jeton=/)
    assert.equal(digest.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click')
    const rows = await rowsOf(account.id)
    assert.ok(rows.every((r) => r.digestPendingAt === null && r.mailedAt !== null))
    t.clock.advance('2 days')
    assert.equal((await outboxMails(t, account.email)).length, 1, 'sent once')
    // The next one starts a new day.
    await notifyOne(account.id, { name: 'Ana', title: 'Peinture' })
    t.clock.advance('25 hours')
    const next = await outboxMails(t, account.email)
    assert.equal(next.length, 2)
    assert.match(next[0]!.text, /Ana/)
    assert.doesNotMatch(next[0]!.text, /Zoé/)
  })

  it('keeps the digest waiting when its mail cannot be written, and sends it once later', async () => {
    const account = await makeAccount(t, territory, {
      notifications: { matches: 'daily' },
      email: 'pas-une-adresse',
    })
    await notifyOne(account.id)
    await notifyOne(account.id, { name: 'Marc', title: 'Jardin' })
    t.clock.advance('25 hours')
    await assert.rejects(sendNotificationDigests(t.app.services))
    const waiting = await rowsOf(account.id)
    assert.ok(
      waiting.every((r) => r.digestPendingAt !== null && r.mailedAt === null),
      'nothing lost',
    )
    await changeAccount(t.db.db, account.id, { email: 'corrigee@exemple.test' })
    assert.equal(await sendNotificationDigests(t.app.services), 1)
    const [digest, ...others] = await outboxMails(t, 'corrigee@exemple.test')
    assert.equal(others.length, 0)
    assert.match(digest!.text, /Zoé a répondu à votre annonce « Courses du samedi »/)
    assert.match(digest!.text, /Marc a répondu à votre annonce « Jardin »/)
  })

  it('sends nothing for « jamais », but shows it in the app', async () => {
    const account = await makeAccount(t, territory, { notifications: { matches: 'none' } })
    await notifyOne(account.id, { name: 'Zoé', title: 'Rien par courriel' })
    t.clock.advance('2 days')
    assert.equal((await outboxMails(t, account.email)).length, 0)
    const client = await new Client(t, host()).signInDirectly(account)
    assert.match(page((await client.get('/notifications')).body).text('main'), /Rien par courriel/)
  })

  it('drops from the digest what the person turned to « jamais » meanwhile', async () => {
    const account = await makeAccount(t, territory, { notifications: { matches: 'daily' } })
    await notifyOne(account.id)
    const client = await new Client(t, host()).signInDirectly(account)
    const saved = await client.request({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { 'x-csrf-token': client.csrfToken() },
      payload: { notifications: { matches: 'none' } },
    })
    assert.equal(saved.statusCode, 200, saved.body)
    t.clock.advance('25 hours')
    assert.equal((await outboxMails(t, account.email)).length, 0)
    const [row] = await rowsOf(account.id)
    assert.equal(row!.digestPendingAt, null)
    assert.equal(row!.mailedAt, null)
  })

  it('unsubscribes from the mail’s link with one button, without signing in', async () => {
    const account = await makeAccount(t, territory, { notifications: { messages: 'daily' } })
    await notifyOne(account.id)
    const [mail] = await outboxMails(t, account.email)
    const path = unsubscribePath(mail!.headers['List-Unsubscribe'])
    const visitor = new Client(t, host())
    const confirm = await visitor.get(path)
    assert.equal(confirm.statusCode, 200)
    const form = page(confirm.body)
    assert.equal(form.h1(), 'Ne plus recevoir ces courriels')
    assert.match(form.text('main'), /Réponses à mes demandes et à mes offres/)
    assert.ok(form.document.querySelector('main form[method=post] button'))
    assert.equal(
      (await findAccountById(t.db.db, account.id))!.notifications.matches,
      undefined,
      'GET changes nothing',
    )
    // The page's own form, as a browser without a session posts it: no CSRF field.
    const action = form.document.querySelector('main form[method=post]')!.getAttribute('action')!
    const done = await visitor.post(action, { 'List-Unsubscribe': 'One-Click' }, { withoutCsrf: true })
    assert.equal(done.statusCode, 200)
    const text = page(done.body).text('main')
    assert.match(
      text,
      /C’est fait : vous ne recevrez plus de courriels pour « Réponses à mes demandes et à mes offres »/,
    )
    assert.match(text, /Pour les recevoir de nouveau/)
    assert.equal(
      page(done.body).link('Choisir mes courriels dans mon profil'),
      '/compte/profil#notify-matches',
    )
    const prefs = (await findAccountById(t.db.db, account.id))!.notifications
    assert.deepEqual(prefs, { messages: 'daily', matches: 'none' }, 'the other choices stay')
    // From now on: in the app only.
    await notifyOne(account.id, { name: 'Zoé', title: 'Après désabonnement' })
    assert.equal((await outboxMails(t, account.email)).length, 1)
  })

  it('takes a mail client’s raw RFC 8058 one-click POST, and refuses a bad token', async () => {
    const account = await makeAccount(t, territory)
    const bystander = await makeAccount(t, territory)
    await notifyOne(account.id)
    const [mail] = await outboxMails(t, account.email)
    const path = unsubscribePath(mail!.headers['List-Unsubscribe'])
    const raw = (url: string) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { host: host(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      })
    const jeton = new URL(path, 'https://x').searchParams.get('jeton')!
    const forged = jeton.replace(account.id, bystander.id)
    for (const bad of [forged, 'nimportequoi', `${bystander.id}.matches.`, '']) {
      const res = await raw(`/notifications/desabonnement?jeton=${encodeURIComponent(bad)}`)
      assert.equal(res.statusCode, 404, bad)
      assert.match(page(res.body).text('main'), /Ce lien de désabonnement n’est pas valable/)
      assert.equal(
        (await new Client(t, host()).get(`/notifications/desabonnement?jeton=${bad}`)).statusCode,
        404,
      )
    }
    assert.deepEqual((await findAccountById(t.db.db, bystander.id))!.notifications, {})
    const res = await raw(path)
    assert.equal(res.statusCode, 200)
    assert.equal((await findAccountById(t.db.db, account.id))!.notifications.matches, 'none')
    assert.equal((await raw(path)).statusCode, 200, 'twice is harmless')
  })
})
