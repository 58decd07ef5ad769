import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq, isNull } from 'drizzle-orm'
import { Secret, TOTP } from 'otpauth'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { auditLog } from '../../../platform/audit/audit.schema.ts'
import { decrypt, encrypt } from '../../../platform/auth/secrets.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { findAccountById, updateAccount } from '../identity/account.repository.ts'
import { recoveryCodes } from '../identity/account.schema.ts'
import { sessions } from '../sessions/session.schema.ts'
import { newTotpSecret } from './totp.ts'

describe('second factor: enrolment with a QR code, codes at sign-in, recovery codes', () => {
  let t: TestApp
  let territory: Territory
  let host: string
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
    host = territory.hostnames[0]!
  })
  after(() => t.close())

  const codeFor = (secret: string) =>
    TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: t.clock.now().getTime() })

  /** A staff member whose key is already enrolled, signed in with their password only. */
  async function enrolledStaff() {
    const account = await makeAccount(t, territory, { roles: ['administrator'] })
    const secret = newTotpSecret()
    const now = t.clock.now()
    const sealed = encrypt(t.app.services.config.appSecret, secret)
    await updateAccount(t.db.db, account.id, { totpSecret: sealed, totpEnabledAt: now })
    const client = await new Client(t, host).signInDirectly(account, { staff: true })
    return { account, secret, client }
  }

  /** Goes through the enrolment page as a person with an authenticator app would; returns the codes. */
  async function enrol(client: Client) {
    const form = page((await client.get('/compte/securite')).body)
    const key = form.text('.totp-key').replace(/\s/g, '')
    const cle = form.document.querySelector('input[name=cle]')!.getAttribute('value')!
    const res = await client.post('/compte/securite', { cle, code: codeFor(key), retour: '/administration' })
    return { key, res, codes: page(res.body).all('.recovery-codes code') }
  }

  it('sends staff without a second factor to enrolment, and refuses their staff forms', async () => {
    const account = await makeAccount(t, territory, { roles: ['administrator'] })
    const client = await new Client(t, host).signInDirectly(account, { staff: true })
    const res = await client.get('/administration')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/compte/securite?retour=%2Fadministration')
    const post = await client.post('/administration/equipe/inviter', {
      email: 'x@exemple.test',
      role: 'agent',
    })
    assert.equal(post.statusCode, 403)
  })

  it('enrols with a QR code in an image (no inline style), then gives staff powers under a new session id', async () => {
    const account = await makeAccount(t, territory, { roles: ['administrator'] })
    const client = await new Client(t, host).signInDirectly(account, { staff: true })
    const before = client.cookies.session
    const shown = page((await client.get('/compte/securite?retour=%2Fadministration')).body)
    const img = shown.document.querySelector('img[src^="data:image/svg+xml;base64,"]')!
    assert.ok(img.getAttribute('alt'))
    const svg = Buffer.from(img.getAttribute('src')!.split(',')[1]!, 'base64').toString('utf8')
    assert.match(svg, /^<svg/)
    assert.doesNotMatch(svg, /style=|<script/i)
    assert.match(shown.text('.totp-key'), /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/)
    assert.ok(shown.field('Code à 6 chiffres'))

    // A wrong code: the same key stays on the page, so the person need not scan again.
    const key = shown.text('.totp-key').replace(/\s/g, '')
    const cle = shown.document.querySelector('input[name=cle]')!.getAttribute('value')!
    const wrong = await client.post('/compte/securite', { cle, code: '000000' })
    assert.equal(wrong.statusCode, 400)
    const again = page(wrong.body)
    assert.deepEqual(again.errorSummary(), [{ text: again.errorSummary()[0]!.text, href: '#code' }])
    assert.equal(again.text('.totp-key').replace(/\s/g, ''), key)
    assert.equal((await findAccountById(t.db.db, account.id))!.totpEnabledAt, null)

    const done = await client.post('/compte/securite', { cle, code: codeFor(key), retour: '/administration' })
    assert.equal(done.statusCode, 200)
    const codes = page(done.body).all('.recovery-codes code')
    assert.equal(codes.length, 10)
    assert.equal(page(done.body).link('J’ai noté mes codes, continuer'), '/administration')
    assert.notEqual(client.cookies.session, before)

    const stored = (await findAccountById(t.db.db, account.id))!
    assert.ok(stored.totpEnabledAt, 'enabled')
    assert.notEqual(stored.totpSecret, key)
    assert.equal(decrypt(t.app.services.config.appSecret, stored.totpSecret!), key)
    const rows = await t.db.db.select().from(recoveryCodes).where(eq(recoveryCodes.accountId, account.id))
    assert.equal(rows.length, 10)
    for (const code of codes)
      assert.ok(
        rows.every((r) => !r.codeHash.includes(code.replace('-', ''))),
        'hashes',
      )

    assert.equal((await client.get('/administration')).statusCode, 200)
    const stale = await client.request({
      method: 'GET',
      url: '/administration',
      cookies: { session: before! },
    })
    assert.equal(stale.statusCode, 303)
    assert.match(stale.headers.location as string, /^\/connexion\?/)
    const [entry] = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'second-factor.enabled'), eq(auditLog.targetId, account.id)))
    assert.ok(entry, 'audit')

    const enabled = page((await client.get('/compte/securite')).body)
    assert.match(enabled.text('main'), /activée depuis le/)
    assert.match(enabled.text('main'), /encore utilisables : 10/)
  })

  it('asks enrolled staff for their code at sign-in; a right code rotates the session', async () => {
    const { account, secret, client } = await enrolledStaff()
    const res = await client.get('/administration/comptes')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/connexion/second-facteur?retour=%2Fadministration%2Fcomptes')
    const form = page((await client.get(res.headers.location as string)).body)
    assert.equal(form.h1(), 'Vérification en deux étapes')
    assert.ok(form.field('Code de l’application ou code de secours'))

    const before = client.cookies.session
    const ok = await client.post('/connexion/second-facteur', {
      code: codeFor(secret),
      retour: '/administration/comptes',
    })
    assert.equal(ok.statusCode, 303)
    assert.equal(ok.headers.location, '/administration/comptes')
    assert.notEqual(client.cookies.session, before)
    assert.equal((await client.get('/administration/comptes')).statusCode, 200)
    const live = await t.db.db.select().from(sessions).where(eq(sessions.accountId, account.id))
    assert.deepEqual(
      live.map((s) => s.secondFactor),
      [true],
    )

    // The same code a moment later, from another device: refused, it was used once.
    const other = await new Client(t, host).signInDirectly(account, { staff: true })
    const replay = await other.post('/connexion/second-facteur', { code: codeFor(secret) })
    assert.equal(replay.statusCode, 400)
    t.clock.advance('30 s')
    assert.equal((await other.post('/connexion/second-facteur', { code: codeFor(secret) })).statusCode, 303)
  })

  it('never leads away from the site after the second factor', async () => {
    const { secret, client } = await enrolledStaff()
    t.clock.advance('30 s')
    const res = await client.post('/connexion/second-facteur', {
      code: codeFor(secret),
      retour: '//evil.example/x',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/administration')
  })

  it('never leads to another site through a disguised return address, nor fails on one', async () => {
    for (const retour of ['/\t/evil.example', '/%2F/evil.example', '/\r\n']) {
      const { secret, client } = await enrolledStaff()
      t.clock.advance('30 s')
      const asked = await client.get(`/connexion/second-facteur?retour=${encodeURIComponent(retour)}`)
      assert.equal(asked.statusCode, 200, JSON.stringify(retour))
      assert.equal(
        page(asked.body).document.querySelector('input[name="retour"]')?.getAttribute('value'),
        '/',
      )
      const res = await client.post('/connexion/second-facteur', { code: codeFor(secret), retour })
      assert.equal(res.statusCode, 303, JSON.stringify(retour))
      assert.equal(res.headers.location, '/administration', JSON.stringify(retour))
    }
  })

  it('limits wrong codes to five a minute per account, and keeps a trace of each failure', async () => {
    const { account, secret, client } = await enrolledStaff()
    for (let i = 0; i < 5; i++) {
      const res = await client.post('/connexion/second-facteur', { code: '000000' })
      assert.equal(res.statusCode, 400)
      assert.match(page(res.body).errorSummary()[0]!.text, /Ce code ne convient pas/)
    }
    const blocked = await client.post('/connexion/second-facteur', { code: codeFor(secret) })
    assert.equal(blocked.statusCode, 429)
    assert.ok(Number(blocked.headers['retry-after']) > 0)
    // Another device of the same account is held back too: the limit is per account.
    const other = await new Client(t, host).signInDirectly(account, { staff: true })
    assert.equal((await other.post('/connexion/second-facteur', { code: codeFor(secret) })).statusCode, 429)
    const failures = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'login.second-factor.failed'), eq(auditLog.targetId, account.id)))
    assert.equal(failures.length, 5)
    t.clock.advance('61 s')
    assert.equal((await client.post('/connexion/second-facteur', { code: codeFor(secret) })).statusCode, 303)
  })

  it('takes each recovery code once', async () => {
    const account = await makeAccount(t, territory, { roles: ['moderator'] })
    const first = await new Client(t, host).signInDirectly(account, { staff: true })
    const { codes } = await enrol(first)
    const [code, second] = codes as [string, string]

    const laptop = await new Client(t, host).signInDirectly(account, { staff: true })
    const used = await laptop.post('/connexion/second-facteur', {
      code: code.toUpperCase(),
      retour: '/administration',
    })
    assert.equal(used.statusCode, 303)
    assert.equal((await laptop.get('/administration')).statusCode, 200)

    const phone = await new Client(t, host).signInDirectly(account, { staff: true })
    assert.equal((await phone.post('/connexion/second-facteur', { code })).statusCode, 400)
    assert.equal((await phone.post('/connexion/second-facteur', { code: second })).statusCode, 303)
    const unused = await t.db.db
      .select()
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.accountId, account.id), isNull(recoveryCodes.usedAt)))
    assert.equal(unused.length, 8)
    const traces = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'second-factor.recovery-used'), eq(auditLog.targetId, account.id)))
    assert.deepEqual(
      traces.map((e) => e.details.remaining),
      [9, 8],
    )
  })

  it('gives a new sheet of recovery codes for a current code; the old sheet stops working', async () => {
    const account = await makeAccount(t, territory, { roles: ['agent'] })
    const client = await new Client(t, host).signInDirectly(account, { staff: true })
    const { key, codes } = await enrol(client)
    t.clock.advance('30 s')
    const renewed = await client.post('/compte/securite/codes-de-secours', { code: codeFor(key) })
    assert.equal(renewed.statusCode, 200)
    const fresh = page(renewed.body).all('.recovery-codes code')
    assert.equal(fresh.length, 10)
    const other = await new Client(t, host).signInDirectly(account, { staff: true })
    assert.equal((await other.post('/connexion/second-facteur', { code: codes[0]! })).statusCode, 400)
    assert.equal((await other.post('/connexion/second-facteur', { code: fresh[0]! })).statusCode, 303)
  })

  it('refuses every form posted without its CSRF token', async () => {
    const { client } = await enrolledStaff()
    for (const url of [
      '/compte/securite',
      '/compte/securite/codes-de-secours',
      '/connexion/second-facteur',
    ]) {
      const res = await client.post(url, { code: '123456', cle: 'x' }, { withoutCsrf: true })
      assert.equal(res.statusCode, 403, url)
    }
  })
})
