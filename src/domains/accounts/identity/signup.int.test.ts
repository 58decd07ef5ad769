import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { firstLink, outboxMails } from '../../../../test/helpers/outbox.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { findAccountByEmail, rolesIn } from './account.repository.ts'
import { CHARTER_VERSION, PRIVACY_VERSION } from './signup.service.ts'

const HOST = 'inscription.entraide.test'
const PASSWORD = 'les mouettes chantent sur le port de Honfleur'
let counter = 0

function signUpForm(overrides: Record<string, string> = {}) {
  counter += 1
  return {
    displayName: 'Zoé Martin',
    email: `zoe.${counter}@exemple.test`,
    password: PASSWORD,
    commune: 'Bayeux',
    phone: '',
    charter: 'oui',
    privacy: 'oui',
    ...overrides,
  }
}

describe('sign-up', () => {
  let t: TestApp
  let territory: Territory
  const client = () => new Client(t, HOST)

  const mailsTo = (address: string) => outboxMails(t, address)
  const linkIn = (text: string) => {
    const link = firstLink(text)
    assert.equal(link.url.host, HOST, 'the link uses the platform’s own host')
    return link.path
  }

  before(async () => {
    t = await buildTestApp({}, (app) => {
      app.get('/essai/publier', { config: { permission: 'verified', scope: null } }, async () => ({
        ok: true,
      }))
    })
    territory = await makeTerritory(t.app.services, { hostnames: [HOST] })
  })
  after(() => t.close())
  // Past the hourly sign-up limit of the previous test.
  beforeEach(() => t.clock.advance('61 minutes'))

  it('shows the form with every field labelled, the commune filled from the link', async () => {
    const res = await client().get('/inscription?commune=Bayeux')
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.h1(), 'Créer un compte')
    assert.equal(p.field('Votre nom')?.getAttribute('name'), 'displayName')
    assert.equal(p.field('Adresse électronique')?.getAttribute('type'), 'email')
    assert.equal(p.field('Mot de passe')?.getAttribute('autocomplete'), 'new-password')
    assert.equal(p.field('Votre commune')?.getAttribute('value'), 'Bayeux')
    assert.equal(p.field('Numéro de téléphone (facultatif)')?.getAttribute('type'), 'tel')
    assert.equal(p.field('J’accepte la charte')?.getAttribute('type'), 'checkbox')
    assert.ok(p.document.querySelector('form[method="post"] input[name="_csrf"]'))
  })

  it('creates the account unconfirmed without signing in; the mailed link confirms and signs in', async () => {
    const form = signUpForm({ phone: '06 12 34 56 78', commune: 'Bayeux (14400)' })
    const c = client()
    const res = await c.post('/inscription', form)
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/verification')
    assert.equal(
      res.cookies.find((k) => k.name === 'session'),
      undefined,
      'no session at sign-up',
    )

    const account = (await findAccountByEmail(t.db.db, form.email))!
    assert.match(account.passwordHash!, /^\$argon2id\$/)
    assert.equal(account.territoryId, territory.id)
    assert.equal(account.communeInsee, '14047')
    assert.equal(account.phone, '+33612345678')
    assert.equal(account.emailVerifiedAt, null)
    assert.equal(account.lastLoginAt, null)
    assert.equal(account.status, 'active')
    assert.equal(account.charterVersion, CHARTER_VERSION)
    assert.equal(account.privacyVersion, PRIVACY_VERSION)
    assert.deepEqual(account.charterAcceptedAt, t.clock.now())
    assert.deepEqual(account.privacyAcceptedAt, t.clock.now())
    const audit = await t.app.services.audit.list(territory.id, { limit: 200 })
    assert.ok(audit.some((a) => a.action === 'signup' && a.targetId === account.id))

    const check = page((await c.get('/verification')).body)
    assert.equal(check.h1(), 'Vérifiez votre boîte mail')
    assert.match(check.text('main'), new RegExp(form.email.replace('.', '\\.')))
    assert.ok(check.document.querySelector('form[action="/deconnexion"]') === null, 'not signed in')
    const publish = await c.get('/essai/publier')
    assert.equal(publish.statusCode, 303)
    assert.equal(publish.headers.location, '/connexion?retour=%2Fessai%2Fpublier')

    const [mail] = await mailsTo(form.email)
    assert.equal(mail?.subject, 'Confirmez votre adresse électronique')
    assert.match(mail!.text, /Bonjour Zoé Martin,/)
    const link = linkIn(mail!.text)
    assert.match(link, /^\/verification\?jeton=/)

    // Opening the link only asks; the button posts the token.
    const confirm = await c.get(link)
    assert.equal(page(confirm.body).h1(), 'Confirmer votre adresse électronique')
    assert.equal(
      confirm.cookies.find((k) => k.name === 'session'),
      undefined,
    )
    assert.equal(
      (await findAccountByEmail(t.db.db, form.email))?.emailVerifiedAt,
      null,
      'GET changes nothing',
    )
    const jeton = new URL(link, 'http://x').searchParams.get('jeton')!
    const done = await c.post('/verification', { jeton })
    assert.equal(done.statusCode, 303)
    assert.equal(done.headers.location, '/verification/confirmee')
    const session = done.cookies.find((k) => k.name === 'session')
    assert.equal(session?.maxAge, 30 * 86400, 'a resident session starts')
    assert.equal(session?.httpOnly, true)
    const welcome = page((await c.get('/verification/confirmee')).body)
    assert.equal(welcome.h1(), 'Adresse confirmée')
    assert.match(welcome.text('main'), /confirmée et vous êtes connecté/)
    assert.equal(welcome.link('Aller à l’accueil'), '/')
    assert.equal(welcome.link('Reprendre là où vous en étiez'), undefined, 'no page was asked for')
    const verified = (await findAccountByEmail(t.db.db, form.email))!
    assert.deepEqual(verified.emailVerifiedAt, t.clock.now())
    assert.deepEqual(verified.lastLoginAt, t.clock.now())
    assert.equal((await c.get('/essai/publier')).statusCode, 200)
    const again = await c.post('/verification', { jeton })
    assert.equal(again.statusCode, 400, 'a link works once')
    assert.equal(page(again.body).h1(), 'Ce lien ne fonctionne plus')
  })

  it('ignores role, status, territory and verification sent with the form', async () => {
    const other = await makeTerritory(t.app.services)
    const form = {
      ...signUpForm(),
      role: 'administrator',
      roles: 'administrator',
      status: 'suspended',
      territory_id: other.id,
      territoryId: other.id,
      verified: 'true',
      emailVerifiedAt: '2020-01-01T00:00:00Z',
    }
    assert.equal((await client().post('/inscription', form)).statusCode, 303)
    const account = (await findAccountByEmail(t.db.db, form.email))!
    assert.equal(account.status, 'active')
    assert.equal(account.territoryId, territory.id)
    assert.equal(account.emailVerifiedAt, null)
    assert.deepEqual(await rolesIn(t.db.db, account.id, territory.id), [])
    assert.deepEqual(await rolesIn(t.db.db, account.id, other.id), [])
  })

  it('accepts names with accents, apostrophes and hyphens', async () => {
    for (const name of ['Zoé', 'Jean-Éric', 'N’Diaye', "N'Diaye", "O'Brien"]) {
      t.clock.advance('61 minutes')
      const form = signUpForm({ displayName: name })
      const res = await client().post('/inscription', form)
      assert.equal(
        res.statusCode,
        303,
        `${name}: ${page(res.body)
          .errorSummary()
          .map((e) => e.text)}`,
      )
      assert.equal((await findAccountByEmail(t.db.db, form.email))?.displayName, name)
    }
  })

  it('lists every problem at the top, linked to its field, and keeps what was typed but the password', async () => {
    const res = await client().post('/inscription', {
      displayName: '',
      email: 'pas-une-adresse',
      password: 'court',
      commune: '',
      phone: '12',
    })
    assert.equal(res.statusCode, 400)
    const p = page(res.body)
    assert.match(p.title(), /^Il y a un problème – Créer un compte/)
    assert.deepEqual(
      p.errorSummary().map((e) => e.href),
      ['#displayName', '#email', '#password', '#commune', '#phone', '#charter', '#privacy'],
    )
    assert.ok(p.errorSummary()[2]!.text.startsWith('Le mot de passe doit faire au moins 12 caractères'))
    assert.equal(p.field('Adresse électronique')?.getAttribute('value'), 'pas-une-adresse')
    assert.equal(p.field('Mot de passe')?.getAttribute('value'), null, 'the password is not sent back')
    assert.equal(p.document.getElementById('email')?.getAttribute('aria-invalid'), 'true')
  })

  it('explains why a guessable password is refused', async () => {
    const res = await client().post('/inscription', signUpForm({ password: 'motdepasse123456' }))
    assert.equal(res.statusCode, 400)
    const [problem] = page(res.body).errorSummary()
    assert.equal(problem?.href, '#password')
    assert.match(problem!.text, /trop (courant|facile)/)
  })

  it('accepts a long passphrase of 128 characters', async () => {
    const password = 'Le vent du large souffle sur les falaises de Vaches Noires '.repeat(3).slice(0, 128)
    const res = await client().post('/inscription', signUpForm({ password }))
    assert.equal(res.statusCode, 303)
  })

  it('offers the communes to choose from when several match, and says so when none does', async () => {
    const many = await client().post('/inscription', signUpForm({ commune: '14400' }))
    assert.equal(many.statusCode, 400)
    const p = page(many.body)
    assert.deepEqual(p.errorSummary(), [
      { text: 'Plusieurs communes correspondent : choisissez la vôtre', href: '#commune' },
    ])
    const options = [...p.document.querySelectorAll('input[name="commune"][type="radio"]')]
    assert.ok(options.some((o) => o.getAttribute('value') === 'Bayeux (14400)'))
    assert.equal(p.field('Votre nom')?.getAttribute('value'), 'Zoé Martin', 'values kept')

    const none = await client().post('/inscription', signUpForm({ commune: 'Marseille' }))
    assert.equal(none.statusCode, 400)
    assert.match(page(none.body).errorSummary()[0]!.text, /Nous ne trouvons pas « Marseille »/)
  })

  it('escapes a display name with markup in the page, the mail and the JSON', async () => {
    const name = '<script>alert("x")</script>'
    const refused = await client().post('/inscription', signUpForm({ displayName: name }))
    assert.equal(refused.statusCode, 400, 'markup is not a name')
    assert.ok(!refused.body.includes('<script>alert'), 'the page escapes what was typed')
    assert.ok(refused.body.includes('&lt;script>') || refused.body.includes('&lt;script&gt;'))

    // An account holding such a name anyway (older data, an import) is still shown safely.
    const account = await makeAccount(t, territory, { displayName: name, emailVerifiedAt: null })
    const c = await client().signInDirectly(account)
    assert.equal((await c.post('/verification/renvoyer', {})).statusCode, 200)
    const [mail] = await mailsTo(account.email)
    assert.ok(!mail!.html.includes('<script>alert'))
    assert.match(mail!.html, /&lt;script/)
    const json = await c.get('/api/v1/me')
    assert.equal(json.statusCode, 200)
    assert.match(json.headers['content-type'] as string, /^application\/json/)
    assert.equal(json.headers['x-content-type-options'], 'nosniff')
    assert.equal(JSON.parse(json.body).displayName, name)
  })

  it('limits sign-ups per IP', async () => {
    for (let i = 0; i < 10; i++)
      assert.equal((await client().post('/inscription', signUpForm())).statusCode, 303)
    const eleventh = await client().post('/inscription', signUpForm())
    assert.equal(eleventh.statusCode, 429)
    assert.equal(page(eleventh.body).h1(), 'Trop de demandes')
  })

  it('refuses the sign-up form without its CSRF token', async () => {
    assert.equal((await client().post('/inscription', signUpForm(), { withoutCsrf: true })).statusCode, 403)
  })
})
