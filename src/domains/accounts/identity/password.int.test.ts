import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { firstLink, outboxMails } from '../../../../test/helpers/outbox.ts'
import { randomToken, sha256 } from '../../../platform/auth/secrets.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { insertAccessToken } from '../tokens/token.repository.ts'
import { findAccountById } from './account.repository.ts'

const HOST = 'motdepasse.entraide.test'
const NEW_PASSWORD = 'un nouveau jardin partagé derrière la mairie'

describe('forgotten, reset and changed passwords; changed address', () => {
  let t: TestApp
  let territory: Territory
  const client = () => new Client(t, HOST)

  const mailsTo = (address: string) => outboxMails(t, address)
  const linkIn = firstLink
  const audits = async (action: string) =>
    (await t.app.services.audit.list(territory.id, { limit: 500 })).filter((a) => a.action === action)
  const signedIn = async (c: Client) => (await c.get('/compte/mot-de-passe')).statusCode === 200

  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services, { hostnames: [HOST] })
  })
  after(() => t.close())
  beforeEach(() => t.clock.advance('61 minutes'))

  it('answers « mot de passe oublié » the same for a known and an unknown address', async () => {
    const known = await makeAccount(t, territory)
    const unknown = 'personne.inconnue@exemple.test'
    const answers = []
    for (const email of [known.email, unknown]) {
      const res = await client().post('/mot-de-passe-oublie', { email })
      assert.equal(res.statusCode, 200)
      answers.push(page(res.body).text('body').replace(email, '[adresse]'))
    }
    assert.equal(answers[0], answers[1])
    assert.match(answers[0]!, /Si un compte existe pour \[adresse\]/)

    const [reset] = await mailsTo(known.email)
    assert.equal(reset?.subject, 'Choisir un nouveau mot de passe')
    assert.match(linkIn(reset!.text).path, /^\/mot-de-passe\/nouveau\?jeton=/)
    const [notice] = await mailsTo(unknown)
    assert.equal(notice?.subject, 'Demande de nouveau mot de passe')
    assert.match(notice!.text, /Aucun compte n’utilise cette adresse/)
  })

  it('resets with a single-use link: the old password fails and every session ends', async () => {
    const account = await makeAccount(t, territory)
    const laptop = await client().signInDirectly(account)
    const phone = await client().signInDirectly(account)
    const apiToken = randomToken()
    await insertAccessToken(t.db.db, {
      id: t.app.services.ids(),
      accountId: account.id,
      territoryId: territory.id,
      name: 'téléphone',
      tokenHash: sha256(apiToken),
      scopes: ['profile:read'],
      createdAt: t.clock.now(),
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    })
    const me = () =>
      t.app.inject({
        url: '/api/v1/me',
        headers: { host: territory.hostnames[0]!, authorization: `Bearer ${apiToken}` },
      })
    assert.equal((await me()).statusCode, 200)
    await client().post('/mot-de-passe-oublie', { email: account.email })
    const { path, jeton } = linkIn((await mailsTo(account.email))[0]!.text)

    const c = client()
    const form = await c.get(path)
    assert.equal(form.statusCode, 200)
    assert.equal(page(form.body).h1(), 'Choisir un nouveau mot de passe')
    assert.equal(page(form.body).document.querySelector('input[name="jeton"]')?.getAttribute('value'), jeton)

    const weak = await c.post('/mot-de-passe/nouveau', { jeton, password: 'azertyuiop123' })
    assert.equal(weak.statusCode, 400)
    assert.equal(page(weak.body).errorSummary()[0]?.href, '#password')
    assert.equal(page(weak.body).document.querySelector('input[name="jeton"]')?.getAttribute('value'), jeton)

    const done = await c.post('/mot-de-passe/nouveau', { jeton, password: NEW_PASSWORD })
    assert.equal(done.statusCode, 200)
    assert.equal(page(done.body).h1(), 'Mot de passe changé')
    assert.equal(await signedIn(laptop), false, 'the old sessions are gone')
    assert.equal(await signedIn(phone), false)
    assert.equal((await me()).statusCode, 401, 'API tokens are revoked too')
    assert.equal(
      (await client().post('/connexion', { email: account.email, password: account.password })).statusCode,
      400,
    )
    assert.equal(
      (await client().post('/connexion', { email: account.email, password: NEW_PASSWORD })).statusCode,
      303,
    )
    assert.ok((await audits('password.reset')).some((a) => a.targetId === account.id))

    const reused = await c.post('/mot-de-passe/nouveau', { jeton, password: `${NEW_PASSWORD} encore` })
    assert.equal(reused.statusCode, 400)
    assert.equal(page(reused.body).h1(), 'Ce lien ne fonctionne plus')
  })

  it('lets a reset link expire after one hour', async () => {
    const account = await makeAccount(t, territory)
    await client().post('/mot-de-passe-oublie', { email: account.email })
    const { path, jeton } = linkIn((await mailsTo(account.email))[0]!.text)
    t.clock.advance('61 minutes')
    assert.equal((await client().get(path)).statusCode, 400)
    const late = await client().post('/mot-de-passe/nouveau', { jeton, password: NEW_PASSWORD })
    assert.equal(late.statusCode, 400)
    assert.equal(page(late.body).h1(), 'Ce lien ne fonctionne plus')
    assert.equal((await findAccountById(t.db.db, account.id))?.passwordHash, account.passwordHash)
    assert.equal(
      (await client().post('/connexion', { email: account.email, password: account.password })).statusCode,
      303,
    )
  })

  it('limits reset requests per address, known or not', async () => {
    for (const email of ['limite@exemple.test', (await makeAccount(t, territory)).email]) {
      for (let i = 0; i < 3; i++)
        assert.equal((await client().post('/mot-de-passe-oublie', { email })).statusCode, 200)
      const fourth = await client().post('/mot-de-passe-oublie', { email })
      assert.equal(fourth.statusCode, 429)
      assert.ok(fourth.headers['retry-after'])
    }
  })

  it('asks for a complete address before sending anything', async () => {
    const res = await client().post('/mot-de-passe-oublie', { email: 'pas une adresse' })
    assert.equal(res.statusCode, 400)
    assert.equal(page(res.body).errorSummary()[0]?.href, '#email')
    assert.equal(page(res.body).field('Adresse électronique')?.getAttribute('value'), 'pas une adresse')
  })

  it('changes the password with the current one, and may sign out the other devices', async () => {
    const account = await makeAccount(t, territory)
    const other = await client().signInDirectly(account)
    const c = await client().signInDirectly(account)

    const wrong = await c.post('/compte/mot-de-passe', {
      currentPassword: 'ce n’est pas le bon',
      newPassword: NEW_PASSWORD,
      endOtherSessions: 'oui',
    })
    assert.equal(wrong.statusCode, 400)
    assert.deepEqual(
      page(wrong.body)
        .errorSummary()
        .map((e) => e.href),
      ['#currentPassword'],
    )
    assert.equal(page(wrong.body).field('Déconnecter mes autres appareils')?.hasAttribute('checked'), true)

    const weak = await c.post('/compte/mot-de-passe', {
      currentPassword: account.password,
      newPassword: 'court',
    })
    assert.equal(page(weak.body).errorSummary()[0]?.href, '#newPassword')

    const done = await c.post('/compte/mot-de-passe', {
      currentPassword: account.password,
      newPassword: NEW_PASSWORD,
      endOtherSessions: 'oui',
    })
    assert.equal(done.statusCode, 200)
    assert.match(page(done.body).text('main'), /Appareils déconnectés : 1/)
    assert.equal(await signedIn(c), true, 'this device stays signed in')
    assert.equal(await signedIn(other), false, 'the other device is signed out')
    const [entry] = (await audits('password.changed')).filter((a) => a.targetId === account.id)
    assert.deepEqual(entry?.details, { otherSessionsEnded: 1 })
    assert.equal(
      (await client().post('/connexion', { email: account.email, password: NEW_PASSWORD })).statusCode,
      303,
    )
  })

  it('keeps the other devices signed in when asked to', async () => {
    const account = await makeAccount(t, territory)
    const other = await client().signInDirectly(account)
    const c = await client().signInDirectly(account)
    const done = await c.post('/compte/mot-de-passe', {
      currentPassword: account.password,
      newPassword: NEW_PASSWORD,
    })
    assert.equal(done.statusCode, 200)
    assert.equal(await signedIn(other), true)
  })

  it('changes the address only once the link sent to the new one is used, and tells the old one', async () => {
    const account = await makeAccount(t, territory, { displayName: 'Jean-Éric' })
    const taken = await makeAccount(t, territory)
    const c = await client().signInDirectly(account)
    const fresh = 'jean-eric.nouveau@exemple.test'

    const wrong = await c.post('/compte/adresse', { email: fresh, password: 'pas le bon mot de passe' })
    assert.equal(wrong.statusCode, 400)
    assert.equal(page(wrong.body).errorSummary()[0]?.href, '#password')
    assert.equal(page(wrong.body).field('Nouvelle adresse électronique')?.getAttribute('value'), fresh)
    const same = await c.post('/compte/adresse', { email: account.email, password: account.password })
    assert.match(page(same.body).errorSummary()[0]!.text, /C’est déjà votre adresse/)
    const dup = await c.post('/compte/adresse', { email: taken.email, password: account.password })
    assert.match(page(dup.body).errorSummary()[0]!.text, /déjà celle d’un autre compte/)

    const asked = await c.post('/compte/adresse', { email: fresh, password: account.password })
    assert.equal(asked.statusCode, 200)
    assert.equal(page(asked.body).h1(), 'Vérifiez votre nouvelle boîte mail')
    assert.equal((await findAccountById(t.db.db, account.id))?.email, account.email, 'nothing changes yet')
    const { path, jeton } = linkIn((await mailsTo(fresh))[0]!.text)
    const confirm = await client().get(path)
    assert.equal(page(confirm.body).h1(), 'Confirmer votre nouvelle adresse')
    assert.equal(
      (await findAccountById(t.db.db, account.id))?.email,
      account.email,
      'opening the link changes nothing',
    )

    const done = await client().post('/compte/adresse/confirmer', { jeton })
    assert.equal(done.statusCode, 200)
    const stored = await findAccountById(t.db.db, account.id)
    assert.equal(stored?.email, fresh)
    assert.deepEqual(stored?.emailVerifiedAt, t.clock.now())
    const [notice] = await mailsTo(account.email)
    assert.equal(notice?.subject, 'Votre adresse électronique a changé')
    assert.match(notice!.text, /Bonjour Jean-Éric,/)
    assert.match(notice!.text, /je…@exemple\.test/, 'the new address, masked')
    assert.ok((await audits('email.changed')).some((a) => a.targetId === account.id))
    for (const a of await audits('email.changed')) assert.doesNotMatch(JSON.stringify(a.details), /@/)
    assert.equal((await client().post('/compte/adresse/confirmer', { jeton })).statusCode, 400, 'single use')
    assert.equal(
      (await client().post('/connexion', { email: fresh, password: account.password })).statusCode,
      303,
    )
  })

  it('refuses every password and address form without its CSRF token', async () => {
    const account = await makeAccount(t, territory)
    const c = await client().signInDirectly(account)
    const forms: [string, Record<string, string>][] = [
      ['/mot-de-passe-oublie', { email: account.email }],
      ['/mot-de-passe/nouveau', { jeton: 'x'.repeat(43), password: NEW_PASSWORD }],
      ['/compte/mot-de-passe', { currentPassword: account.password, newPassword: NEW_PASSWORD }],
      ['/compte/adresse', { email: 'autre@exemple.test', password: account.password }],
      ['/compte/adresse/confirmer', { jeton: 'x'.repeat(43) }],
    ]
    for (const [url, form] of forms) {
      assert.equal((await c.post(url, form, { withoutCsrf: true })).statusCode, 403, url)
    }
    assert.equal((await findAccountById(t.db.db, account.id))?.passwordHash, account.passwordHash)
  })

  it('asks to sign in before the account pages', async () => {
    const res = await client().get('/compte/mot-de-passe')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/connexion?retour=%2Fcompte%2Fmot-de-passe')
    assert.equal((await client().post('/compte/adresse', { email: 'a@b.fr', password: 'x' })).statusCode, 401)
  })
})
