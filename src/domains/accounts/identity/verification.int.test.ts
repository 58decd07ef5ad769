import assert from 'node:assert/strict'
import { after, afterEach, before, beforeEach, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../../../../test/helpers/smtp.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { findAccountByEmail, findAccountById, updateAccount } from './account.repository.ts'

const HOST = 'verification.entraide.test'

/** Here the mails go through a real SMTP receiver, as in production. */
describe('address verification', () => {
  let smtp: SmtpReceiver
  let t: TestApp
  let territory: Territory
  const client = () => new Client(t, HOST)

  async function mailsTo(address: string) {
    await t.app.services.worker.runDue()
    return smtp.messages.filter((m) => m.to.includes(address)).reverse()
  }
  const tokenIn = (text: string) => /jeton=([\w-]+)/.exec(text)![1]!

  before(async () => {
    smtp = await startSmtpReceiver()
    t = await buildTestApp({ SMTP_URL: smtp.url })
    territory = await makeTerritory(t.app.services, { hostnames: [HOST] })
  })
  after(async () => {
    await t.close()
    await smtp.close()
  })
  beforeEach(() => t.clock.advance('61 minutes'))
  afterEach(() => {
    smtp.messages.length = 0
  })

  it('lets the link expire after 24 hours, and sends a new one to whoever gives the password', async () => {
    const c = client()
    const email = 'zoe.expire@exemple.test'
    await c.post('/inscription', {
      displayName: 'Zoé',
      email,
      password: 'les mouettes chantent sur le port de Honfleur',
      commune: 'Caen',
      charter: 'oui',
      privacy: 'oui',
    })
    const [first] = await mailsTo(email)
    assert.equal(first?.subject, 'Confirmez votre adresse électronique')
    const expiredToken = tokenIn(first!.text)
    t.clock.advance('24 hours')
    t.clock.advance('1 minute')
    const expired = await c.get(`/verification?jeton=${expiredToken}`)
    assert.equal(expired.statusCode, 400)
    assert.equal(page(expired.body).h1(), 'Ce lien ne fonctionne plus')
    assert.equal(expired.headers['cache-control'], 'no-store')
    assert.equal((await c.post('/verification', { jeton: expiredToken })).statusCode, 400)

    // Signing in asks for the address to be confirmed first, and sends a new link on request.
    const refused = await c.post('/connexion', {
      email,
      password: 'les mouettes chantent sur le port de Honfleur',
    })
    assert.equal(refused.statusCode, 403)
    const resendForm = page(refused.body).document.querySelector('form[action="/connexion/renvoyer-lien"]')!
    const compte = resendForm.querySelector('input[name="compte"]')!.getAttribute('value')!
    const resent = await c.post('/connexion/renvoyer-lien', { compte })
    assert.equal(resent.statusCode, 200)
    assert.match(
      page(resent.body).text('main'),
      /Un nouveau lien vient d’être envoyé à zoe\.expire@exemple\.test/,
    )
    const mails = await mailsTo(email)
    assert.equal(mails.length, 2)
    const done = await c.post('/verification', { jeton: tokenIn(mails[0]!.text) })
    assert.equal(done.statusCode, 303)
    assert.ok(done.cookies.some((k) => k.name === 'session'))
    assert.notEqual((await findAccountByEmail(t.db.db, email))?.emailVerifiedAt, null)
    const audit = await t.app.services.audit.list(territory.id, { limit: 100 })
    assert.ok(audit.some((a) => a.action === 'email.verified'))
  })

  it('does not verify a new address with a link sent to the old one', async () => {
    const account = await makeAccount(t, territory, { emailVerifiedAt: null })
    const c = await client().signInDirectly(account)
    await c.post('/verification/renvoyer', {})
    const [mail] = await mailsTo(account.email)
    await updateAccount(t.db.db, account.id, { email: 'ailleurs@exemple.test' })
    assert.equal((await c.post('/verification', { jeton: tokenIn(mail!.text) })).statusCode, 400)
    assert.equal((await findAccountById(t.db.db, account.id))?.emailVerifiedAt, null)
  })

  it('limits resending to a few mails an hour', async () => {
    const account = await makeAccount(t, territory, { emailVerifiedAt: null })
    const c = await client().signInDirectly(account)
    for (let i = 0; i < 5; i++) assert.equal((await c.post('/verification/renvoyer', {})).statusCode, 200)
    const sixth = await c.post('/verification/renvoyer', {})
    assert.equal(sixth.statusCode, 429)
    assert.ok(sixth.headers['retry-after'])
  })

  it('sends someone already verified back to the verification page, without a mail', async () => {
    const account = await makeAccount(t, territory)
    const c = await client().signInDirectly(account)
    const res = await c.post('/verification/renvoyer', {})
    assert.equal(res.statusCode, 303)
    assert.equal(page((await c.get('/verification')).body).h1(), 'Adresse confirmée')
    assert.deepEqual(await mailsTo(account.email), [])
  })

  it('refuses the verification forms without their CSRF token', async () => {
    const c = client()
    assert.equal(
      (await c.post('/verification', { jeton: 'x'.repeat(43) }, { withoutCsrf: true })).statusCode,
      403,
    )
    const account = await makeAccount(t, territory, { emailVerifiedAt: null })
    await c.signInDirectly(account)
    assert.equal((await c.post('/verification/renvoyer', {}, { withoutCsrf: true })).statusCode, 403)
  })
})
