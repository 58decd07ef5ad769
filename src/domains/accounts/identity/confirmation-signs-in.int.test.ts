import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { firstLink, outboxMails } from '../../../../test/helpers/outbox.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { listAccountSessions } from '../sessions/session.repository.ts'
import { findAccountByEmail } from './account.repository.ts'

const HOST = 'confirmation.entraide.test'
const PASSWORD = 'les mouettes chantent sur le port de Honfleur'
const LISTING = '/annonces/3f1c6a2e-8d4b-4c1a-9e2f-5b7d8c9a0e1f'
let counter = 0

/** Signing in comes with the confirmed address: the mailed link signs in, the password waits for it. */
describe('confirmation link and sign-in', () => {
  let t: TestApp
  let territory: Territory
  const client = () => new Client(t, HOST)

  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services, { hostnames: [HOST] })
  })
  after(() => t.close())
  beforeEach(() => t.clock.advance('61 minutes'))

  async function signUp(c: Client, extra: Record<string, string> = {}) {
    counter += 1
    const email = `zoe.${counter}@exemple.test`
    const res = await c.post('/inscription', {
      displayName: 'Zoé',
      email,
      password: PASSWORD,
      commune: 'Bayeux',
      charter: 'oui',
      privacy: 'oui',
      ...extra,
    })
    assert.equal(res.statusCode, 303)
    return email
  }
  const lastLink = async (email: string) => firstLink((await outboxMails(t, email))[0]!.text)
  const resendForm = (body: string) => {
    const form = page(body).document.querySelector('form[action="/connexion/renvoyer-lien"]')
    const fields = [...(form?.querySelectorAll('input[type="hidden"]:not([name="_csrf"])') ?? [])]
    return Object.fromEntries(fields.map((i) => [i.getAttribute('name')!, i.getAttribute('value')!]))
  }

  it('keeps the page asked for before sign-up, from the sign-in page to the confirmed address', async () => {
    const c = client()
    const login = page((await c.get(`/connexion?retour=${encodeURIComponent(LISTING)}`)).body)
    const signUpHref = login.document.querySelector('main a[href^="/inscription"]')?.getAttribute('href')
    assert.equal(signUpHref, `/inscription?retour=${encodeURIComponent(LISTING)}`)
    const form = page((await c.get(signUpHref!)).body)
    assert.equal(form.document.querySelector('input[name="retour"]')?.getAttribute('value'), LISTING)

    const email = await signUp(c, { retour: LISTING })
    const link = await lastLink(email)
    assert.equal(link.url.searchParams.get('retour'), LISTING)
    const confirm = page((await c.get(link.path)).body)
    assert.equal(confirm.document.querySelector('input[name="retour"]')?.getAttribute('value'), LISTING)

    const done = await c.post('/verification', { jeton: link.jeton, retour: LISTING })
    assert.equal(done.statusCode, 303)
    assert.equal(done.headers.location, `/verification/confirmee?retour=${encodeURIComponent(LISTING)}`)
    const welcome = page((await c.get(done.headers.location as string)).body)
    assert.equal(welcome.h1(), 'Adresse confirmée')
    assert.equal(welcome.link('Reprendre là où vous en étiez'), LISTING)
    assert.ok(
      welcome.document.querySelector('form[action="/deconnexion"]'),
      'signed in: the header offers to sign out',
    )
  })

  it('sends a hostile `retour` home, from the link as from the form', async () => {
    const c = client()
    const email = await signUp(c)
    const { jeton } = await lastLink(email)
    for (const retour of [
      '//evil.example',
      '/\t/evil.example',
      'https://evil.example',
      '/%2F/evil.example',
    ]) {
      const confirm = await c.get(`/verification?retour=${encodeURIComponent(retour)}&jeton=${jeton}`)
      assert.equal(confirm.statusCode, 200)
      assert.equal(page(confirm.body).document.querySelector('input[name="retour"]'), null, retour)
    }
    const done = await c.post('/verification', { jeton, retour: '//evil.example' })
    assert.equal(done.headers.location, '/verification/confirmee')
    const welcome = await c.get('/verification/confirmee?retour=%2F%2Fevil.example')
    assert.equal(page(welcome.body).link('Reprendre là où vous en étiez'), undefined)
  })

  it('starts a fresh session, ending the one the browser had', async () => {
    const other = await makeAccount(t, territory)
    const c = client()
    const email = await signUp(c)
    await c.signInDirectly(other)
    const planted = c.cookies.session!
    const { jeton } = await lastLink(email)
    const done = await c.post('/verification', { jeton })
    const fresh = done.cookies.find((k) => k.name === 'session')!
    assert.ok(fresh.value && fresh.value !== planted)
    assert.deepEqual(await listAccountSessions(t.db.db, other.id), [], 'the other account’s session ended')
    const account = (await findAccountByEmail(t.db.db, email))!
    assert.equal((await listAccountSessions(t.db.db, account.id)).length, 1)
    const audit = await t.app.services.audit.list(territory.id, { limit: 500 })
    assert.ok(audit.some((a) => a.action === 'login' && a.targetId === account.id))
  })

  it('confirms but does not sign in staff, nor with a link once the address is confirmed', async () => {
    const staff = await makeAccount(t, territory, { emailVerifiedAt: null, roles: ['moderator'] })
    const s = await client().signInDirectly(staff, { staff: true })
    assert.equal((await s.post('/verification/renvoyer', {})).statusCode, 200)
    const c = client()
    const done = await c.post('/verification', { jeton: (await lastLink(staff.email)).jeton })
    assert.equal(done.statusCode, 200)
    assert.equal(page(done.body).h1(), 'Adresse confirmée')
    assert.equal(page(done.body).link('Se connecter'), '/connexion')
    assert.equal(
      done.cookies.find((k) => k.name === 'session'),
      undefined,
      'staff sign in with password and second factor',
    )

    // Two links were sent; the first confirms and signs in, the second is void.
    const email = await signUp(client())
    const first = await lastLink(email)
    const login = await client().post('/connexion', { email, password: PASSWORD })
    t.clock.advance('1 minute')
    await client().post('/connexion/renvoyer-lien', resendForm(login.body))
    const second = await lastLink(email)
    assert.notEqual(first.jeton, second.jeton)
    assert.equal((await client().post('/verification', { jeton: second.jeton })).statusCode, 303)
    const stale = await client().post('/verification', { jeton: first.jeton })
    assert.equal(stale.statusCode, 400)
    assert.equal(
      stale.cookies.find((k) => k.name === 'session'),
      undefined,
    )
  })

  it('asks an unconfirmed account for its address first, telling nothing to a wrong password', async () => {
    const email = await signUp(client())
    const right = await client().post('/connexion', { email, password: PASSWORD })
    assert.equal(right.statusCode, 403)
    assert.equal(
      right.cookies.find((k) => k.name === 'session'),
      undefined,
    )
    const p = page(right.body)
    assert.equal(p.h1(), 'Confirmez d’abord votre adresse électronique')
    assert.match(
      p.text('main'),
      /Votre mot de passe est le bon, mais votre adresse n’est pas encore confirmée/,
    )
    assert.ok(p.document.querySelector('form[action="/connexion/renvoyer-lien"] button'))

    // A wrong password for this address reads exactly as one for an address nobody has.
    const c = client()
    const wrong = await c.post('/connexion', { email, password: 'pas le bon mot de passe du tout' })
    const unknown = await c.post('/connexion', {
      email: email.replace('zoe.', 'zzz.'),
      password: 'pas le bon mot de passe du tout',
    })
    assert.equal(wrong.statusCode, 400)
    assert.equal(wrong.statusCode, unknown.statusCode)
    assert.equal(wrong.body.replace(email, '…'), unknown.body.replace(email.replace('zoe.', 'zzz.'), '…'))
    assert.deepEqual(
      wrong.cookies.map((k) => k.name),
      unknown.cookies.map((k) => k.name),
    )
  })

  it('resends the link from the sign-in page, a few times an hour, and only from its own form', async () => {
    const email = await signUp(client())
    const c = client()
    const form = resendForm((await c.post('/connexion', { email, password: PASSWORD })).body)
    const tampered = await c.post('/connexion/renvoyer-lien', { compte: `${form.compte}x` })
    assert.equal(tampered.statusCode, 303)
    assert.equal(tampered.headers.location, '/connexion')
    assert.equal((await outboxMails(t, email)).length, 1, 'only the sign-up mail')

    const resent = await c.post('/connexion/renvoyer-lien', form)
    assert.equal(resent.statusCode, 200)
    assert.equal(page(resent.body).h1(), 'Vérifiez votre boîte mail')
    assert.match(page(resent.body).text('main'), /Un nouveau lien vient d’être envoyé/)
    for (let i = 0; i < 4; i++) assert.equal((await c.post('/connexion/renvoyer-lien', form)).statusCode, 200)
    const sixth = await c.post('/connexion/renvoyer-lien', form)
    assert.equal(sixth.statusCode, 429)
    assert.equal((await outboxMails(t, email)).length, 6)

    // The form is good for an hour.
    t.clock.advance('61 minutes')
    const late = await c.post('/connexion/renvoyer-lien', form)
    assert.equal(late.statusCode, 303)
    assert.equal((await outboxMails(t, email)).length, 6)
  })
})
