import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../../../../test/helpers/smtp.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { listAccountSessions } from '../sessions/session.repository.ts'
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
    return { answer, next: page(next.body), nextStatus: next.statusCode, nextAnswer: next }
  }

  const sessionCount = async () => {
    const result = (await t.db.db.execute(sql`select count(*)::int as n from sessions`)) as unknown as {
      rows: { n: number }[]
    }
    return result.rows[0]!.n
  }

  /** Everything a visitor can read of an answer, but what is meant to differ at every request. */
  function visible(res: Awaited<ReturnType<Client['post']>>, typed: string) {
    const { date: _date, 'set-cookie': _cookies, ...headers } = res.headers
    return {
      status: res.statusCode,
      headers,
      // The sealed cookie's value is new at every answer, its length and attributes are not.
      cookies: res.cookies.map(({ value, expires: _expires, ...cookie }) => ({
        ...cookie,
        length: value.length,
      })),
      body: res.body.replaceAll(typed, '…'),
    }
  }

  it('answers as for a new address, field by field, and changes nothing of the account', async () => {
    const existing = await makeAccount(t, territory)
    // Of the same length, so that the sealed cookie that carries it is too.
    const fresh = `${'n'.repeat(existing.email.length - '@exemple.test'.length)}@exemple.test`
    assert.equal(fresh.length, existing.email.length)
    const sessionsBefore = await sessionCount()
    const known = await signUp(existing.email.toUpperCase())
    const unknown = await signUp(fresh)

    assert.equal(known.answer.statusCode, 303)
    assert.equal(known.answer.headers.location, '/verification')
    assert.deepEqual(
      known.answer.cookies.map((k) => k.name),
      ['inscription'],
      'no session cookie, and no other',
    )
    assert.deepEqual(visible(known.answer, existing.email.toUpperCase()), visible(unknown.answer, fresh))
    assert.equal(await sessionCount(), sessionsBefore, 'no session was started')
    const created = await findAccountByEmail(t.db.db, fresh)
    assert.equal(created?.emailVerifiedAt, null)
    assert.deepEqual(await listAccountSessions(t.db.db, created!.id), [])

    assert.equal(known.nextStatus, 200)
    assert.equal(known.next.h1(), 'Vérifiez votre boîte mail')
    assert.deepEqual(
      visible(known.nextAnswer, existing.email.toUpperCase()),
      visible(unknown.nextAnswer, fresh),
    )
    assert.doesNotMatch(known.next.text('main'), /existe déjà/)

    const stored = await findAccountByEmail(t.db.db, existing.email)
    assert.equal(stored?.id, existing.id)
    assert.equal(stored?.passwordHash, existing.passwordHash, 'the password is unchanged')
    const audit = await t.app.services.audit.list(territory.id, { limit: 200 })
    const attempt = audit.find((a) => a.action === 'signup.existing' && a.targetId === existing.id)
    assert.equal(attempt?.actorId, null, 'staff see the attempt, made by nobody signed in')
  })

  it('answers alike without any cookie: the CSRF cookie comes the same way, still no session', async () => {
    const existing = await makeAccount(t, territory)
    const fresh = `${'m'.repeat(existing.email.length - '@exemple.test'.length)}@exemple.test`
    const answers = []
    for (const email of [existing.email, fresh]) {
      const c = new Client(t, HOST)
      // A browser's first visit: the form page draws the CSRF cookie, the sign-up uses it.
      delete c.cookies.csrf
      const form = await c.get('/inscription')
      assert.deepEqual(
        form.cookies.map((k) => k.name),
        ['csrf'],
      )
      answers.push(visible(await c.post('/inscription', signUpForm(email)), email))
    }
    assert.deepEqual(answers[0], answers[1])
    assert.deepEqual(
      answers[0]!.cookies.map((k) => k.name),
      ['inscription'],
    )
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
