import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../../../../test/helpers/smtp.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { findAccountByEmail } from './account.repository.ts'

const HOST = 'inscription-existante.entraide.test'
let counter = 0

function signUpForm(email: string) {
  return {
    displayName: 'Quelqu’un',
    email,
    password: 'un autre mot de passe bien long pour essayer',
    commune: 'Bayeux',
    phone: '',
    charter: 'oui',
    privacy: 'oui',
  }
}

describe('sign-up with an address that already has an account', () => {
  let smtp: SmtpReceiver
  let t: TestApp
  let territory: Territory
  before(async () => {
    smtp = await startSmtpReceiver()
    t = await buildTestApp({ SMTP_URL: smtp.url })
    territory = await makeTerritory(t.app.services, { hostnames: [HOST], platformName: 'Entraide Calvados' })
  })
  after(async () => {
    await t.close()
    await smtp.close()
  })
  // Past the hourly sign-up limit of the previous test.
  beforeEach(() => t.clock.advance('61 minutes'))

  /** Signs up, then opens the page the answer leads to, as a browser does. */
  async function signUp(email: string) {
    const c = new Client(t, HOST)
    const answer = await c.post('/inscription', signUpForm(email))
    const next = await c.get(answer.headers.location as string)
    return { answer, next: page(next.body), nextStatus: next.statusCode }
  }

  it('answers as for a new address, and changes nothing of the account', async () => {
    const existing = await makeAccount(t, territory)
    counter += 1
    const fresh = `nouvelle.${counter}@exemple.test`
    const known = await signUp(existing.email.toUpperCase())
    const unknown = await signUp(fresh)

    assert.equal(known.answer.statusCode, 303)
    assert.equal(known.answer.statusCode, unknown.answer.statusCode)
    assert.equal(known.answer.headers.location, unknown.answer.headers.location)
    assert.equal(known.nextStatus, 200)
    assert.equal(known.next.h1(), 'Vérifiez votre boîte mail')
    assert.equal(
      known.next.text('main').replace(existing.email.toUpperCase(), '…'),
      unknown.next.text('main').replace(fresh, '…'),
      'the same page, but for the address typed',
    )
    assert.doesNotMatch(known.next.text('main'), /existe déjà/)

    const stored = await findAccountByEmail(t.db.db, existing.email)
    assert.equal(stored?.id, existing.id)
    assert.equal(stored?.passwordHash, existing.passwordHash, 'the password is unchanged')
  })

  it('mails the owner in French, with a way to sign in and to choose a new password', async () => {
    const existing = await makeAccount(t, territory, { displayName: 'Marie' })
    await signUp(existing.email)
    await t.app.services.worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes(existing.email))
    assert.equal(mail.subject, 'Quelqu’un a voulu créer un compte avec votre adresse')
    assert.match(mail.text, /Bonjour Marie,/)
    assert.match(mail.text, /Vous y avez déjà un compte : aucun autre n’a été créé/)
    const links = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((m) => new URL(m[0]))
    const paths = links.filter((u) => u.host === HOST).map((u) => u.pathname)
    assert.ok(paths.includes('/connexion'), paths.join(' '))
    assert.ok(paths.includes('/mot-de-passe-oublie'), paths.join(' '))
    for (const path of ['/connexion', '/mot-de-passe-oublie'])
      assert.equal((await new Client(t, HOST).get(path)).statusCode, 200, path)
  })

  it('mails an English-speaking owner in English', async () => {
    const existing = await makeAccount(t, territory, { displayName: 'Ann', locale: 'en' })
    await signUp(existing.email)
    await t.app.services.worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes(existing.email))
    assert.equal(mail.subject, 'Someone tried to create an account with your address')
    assert.match(mail.text, /Hello Ann,/)
    assert.match(mail.text, /Choose a new password/)
  })

  it('mails the owner of a new address the verification link, not the notice', async () => {
    counter += 1
    const fresh = `autre.${counter}@exemple.test`
    await signUp(fresh)
    await t.app.services.worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes(fresh))
    assert.equal(mail.subject, 'Confirmez votre adresse électronique')
  })
})
