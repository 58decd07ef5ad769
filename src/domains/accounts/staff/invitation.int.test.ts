import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { runCli } from '../../../../test/helpers/cli.ts'
import { createTestTarget } from '../../../../test/helpers/db.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { loadConfig } from '../../../config.ts'
import { auditLog } from '../../../platform/audit/audit.schema.ts'
import { openDatabase } from '../../../platform/db/client.ts'
import { devEmails } from '../../../platform/mail/mail.schema.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { findAccountByEmail, rolesIn } from '../identity/account.repository.ts'
import { emailTokens } from '../identity/account.schema.ts'
import { CHARTER_VERSION } from '../identity/signup.service.ts'
import { createAdministrator } from './first-admin.ts'

describe('staff invitations: by email, single use, then the second factor', () => {
  let t: TestApp
  let calvados: Territory
  let host: string
  let admin: Client
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    host = calvados.hostnames[0]!
    const boss = await makeAccount(t, calvados, { roles: ['administrator'], displayName: 'Alice Admin' })
    admin = await new Client(t, host).signInDirectly(boss, { staff: true, secondFactor: true })
  })
  after(() => t.close())

  /** Sends the invitation from the team page and returns the token of the link in the mail received. */
  async function invite(email: string, role: string): Promise<string> {
    const res = await admin.post('/administration/equipe/inviter', { email, role })
    assert.equal(res.statusCode, 303)
    await t.app.services.worker.runDue()
    const [mail] = await t.db.db.select().from(devEmails).where(eq(devEmails.recipient, email))
    assert.ok(mail, `no mail to ${email}`)
    const link = /https?:\/\/\S+\/invitation\?jeton=([\w-]{43})/.exec(mail.text)
    assert.ok(link, mail.text)
    return link[1]!
  }

  it('invites by email, shows the invitation without using it, and creates a verified staff account', async () => {
    const token = await invite('nouvelle.recrue@exemple.test', 'moderator')
    const team = page((await admin.get('/administration/equipe?fait=invitation')).body)
    assert.match(team.text('main'), /L’invitation a été envoyée/)
    assert.match(team.text('main'), /nouvelle\.recrue@exemple\.test/)
    const [mail] = await t.db.db
      .select()
      .from(devEmails)
      .where(eq(devEmails.recipient, 'nouvelle.recrue@exemple.test'))
    assert.match(mail!.subject, /Invitation à rejoindre l’équipe d’Entraide Calvados/)
    assert.match(mail!.text, /Alice Admin vous invite .* rôle : Modération/)

    const visitor = new Client(t, host)
    const url = `/invitation?jeton=${token}`
    for (let i = 0; i < 2; i++) {
      const shown = page((await visitor.get(url)).body)
      assert.equal(shown.h1(), 'Invitation à rejoindre l’équipe')
      assert.ok(shown.field('Votre nom'))
    }
    const empty = await visitor.post(url, { displayName: 'Nina Nouvelle' })
    assert.equal(empty.statusCode, 400)
    const errors = page(empty.body)
    assert.deepEqual(
      errors.errorSummary().map((e) => e.href),
      ['#commune', '#password', '#charter', '#privacy'],
    )
    assert.equal(errors.document.querySelector('#displayName')!.getAttribute('value'), 'Nina Nouvelle')

    const accepted = await visitor.post(url, {
      displayName: 'Nina Nouvelle',
      commune: 'Bayeux',
      password: 'trois pommes vertes sur la table',
      charter: 'oui',
      privacy: 'oui',
    })
    assert.equal(accepted.statusCode, 303)
    assert.equal(accepted.headers.location, '/compte/securite?retour=%2Fadministration')
    const account = (await findAccountByEmail(t.db.db, 'nouvelle.recrue@exemple.test'))!
    assert.ok(account.emailVerifiedAt)
    assert.equal(account.displayName, 'Nina Nouvelle')
    assert.deepEqual(await rolesIn(t.db.db, account.id, calvados.id), ['moderator'])
    // Enrolment first: the administration area waits for the second factor.
    const next = await visitor.get('/administration')
    assert.equal(next.headers.location, '/compte/securite?retour=%2Fadministration')
    assert.equal((await visitor.get('/compte/securite')).statusCode, 200)

    const gone = await new Client(t, host).get(url)
    assert.equal(gone.statusCode, 404)
    assert.equal(page(gone.body).h1(), 'Cette invitation n’est plus valable')
    const actions = await t.db.db.select().from(auditLog).where(eq(auditLog.targetId, account.id))
    assert.deepEqual(actions.map((a) => a.action).sort(), ['role.granted', 'signup'])
    const invited = await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'staff.invited'))
    assert.deepEqual(invited[0]!.details, { role: 'moderator' })
    assert.doesNotMatch(JSON.stringify(await t.db.db.select().from(auditLog)), /@/)
  })

  it('grants the role to the signed-in invited account, under a new session', async () => {
    const agent = await makeAccount(t, calvados, { email: 'deja.inscrit@exemple.test' })
    const token = await invite('Deja.Inscrit@exemple.test', 'agent')
    const url = `/invitation?jeton=${token}`

    const signedOut = new Client(t, host)
    const prompt = page((await signedOut.get(url)).body)
    assert.equal(
      prompt.link('Se connecter pour accepter l’invitation'),
      `/connexion?retour=${encodeURIComponent(url)}`,
    )
    assert.equal((await signedOut.post(url, {})).statusCode, 303)

    const intruder = await new Client(t, host).signInDirectly(await makeAccount(t, calvados))
    assert.equal((await intruder.post(url, {})).statusCode, 403)
    assert.deepEqual(await rolesIn(t.db.db, agent.id, calvados.id), [])

    const browser = await new Client(t, host).signInDirectly(agent)
    const before = browser.cookies.session
    assert.ok(
      page((await browser.get(url)).body)
        .all('button')
        .includes('Accepter l’invitation'),
    )
    const res = await browser.post(url, {})
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/compte/securite?retour=%2Fadministration')
    assert.deepEqual(await rolesIn(t.db.db, agent.id, calvados.id), ['agent'])
    assert.notEqual(browser.cookies.session, before)
    const stale = await browser.request({
      method: 'GET',
      url: '/compte/securite',
      cookies: { session: before! },
    })
    assert.equal(stale.statusCode, 303)
    const [row] = await t.db.db.select().from(emailTokens).where(eq(emailTokens.purpose, 'invite'))
    assert.ok(row)
  })

  it('refuses a link of another platform, an expired one, and a form without its CSRF token', async () => {
    const token = await invite('ailleurs@exemple.test', 'coordinator')
    const manche = await makeTerritory(t.app.services, { departements: ['50'] })
    const elsewhere = new Client(t, manche.hostnames[0]!)
    assert.equal((await elsewhere.get(`/invitation?jeton=${token}`)).statusCode, 404)
    const visitor = new Client(t, host)
    const form = {
      displayName: 'Ailleurs',
      commune: 'Caen',
      password: 'trois pommes vertes sur la table',
      charter: 'oui',
      privacy: 'oui',
    }
    assert.equal(
      (await visitor.post(`/invitation?jeton=${token}`, form, { withoutCsrf: true })).statusCode,
      403,
    )
    t.clock.advance('8 days')
    assert.equal((await visitor.get(`/invitation?jeton=${token}`)).statusCode, 404)
    assert.equal((await visitor.post(`/invitation?jeton=${token}`, form)).statusCode, 404)
    assert.equal(await findAccountByEmail(t.db.db, 'ailleurs@exemple.test'), null)
  })

  it('lets the administrator made by an operator choose a password through the link', async () => {
    const manche = await makeTerritory(t.app.services, {
      departements: ['50'],
      platformName: 'Entraide Manche',
    })
    const { link, created } = await createAdministrator(t.app.services, manche, { email: 'chef@manche.test' })
    assert.ok(created)
    assert.ok(link.startsWith(`https://${manche.hostnames[0]}/invitation?jeton=`))
    const url = link.slice(link.indexOf('/invitation'))
    const visitor = new Client(t, manche.hostnames[0]!)
    const form = page((await visitor.get(url)).body)
    assert.equal(form.field('Votre nom'), null)
    assert.ok(form.field('Choisissez un mot de passe'))
    const res = await visitor.post(url, {
      password: 'trois pommes vertes sur la table',
      charter: 'oui',
      privacy: 'oui',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/compte/securite?retour=%2Fadministration')
    const account = (await findAccountByEmail(t.db.db, 'chef@manche.test'))!
    assert.ok(account.passwordHash && account.emailVerifiedAt)
    assert.equal(account.charterVersion, CHARTER_VERSION)
    assert.deepEqual(await rolesIn(t.db.db, account.id, manche.id), ['administrator'])
    const granted = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'role.granted'), eq(auditLog.targetId, account.id)))
    assert.equal(granted.length, 1)
  })

  it('checks the invitation form and keeps what was typed', async () => {
    const boss = await makeAccount(t, calvados, { roles: ['administrator'] })
    const fresh = await new Client(t, host).signInDirectly(boss, { staff: true, secondFactor: true })
    const res = await fresh.post('/administration/equipe/inviter', { email: 'pas-une-adresse' })
    assert.equal(res.statusCode, 400)
    const p = page(res.body)
    assert.deepEqual(
      p.errorSummary().map((e) => e.href),
      ['#email', '#role'],
    )
    assert.equal(p.document.querySelector('#email')!.getAttribute('value'), 'pas-une-adresse')
    const tokens = await t.db.db
      .select()
      .from(emailTokens)
      .where(and(eq(emailTokens.purpose, 'invite'), eq(emailTokens.email, 'pas-une-adresse')))
    assert.equal(tokens.length, 0)
  })
})

describe('entraide create-admin', () => {
  let target: Awaited<ReturnType<typeof createTestTarget>>
  before(async () => {
    target = await createTestTarget()
  })
  after(() => target.drop())

  const cli = (...args: string[]) => runCli(target, ...args)

  it('makes the first administrator of a territory, mails and prints the invitation link', async () => {
    const added = await cli(
      'territory',
      'add',
      '--departement',
      '14',
      '--name',
      'Entraide Calvados',
      '--host',
      'entraide.calvados.test',
    )
    assert.equal(added.status, 0, added.stderr)
    const unknown = await cli('create-admin', '--territory', '99', '--email', 'chef@calvados.test')
    assert.equal(unknown.status, 1)
    assert.match(unknown.stderr, /Territoire inconnu : 99/)
    const bad = await cli('create-admin', '--territory', '14', '--email', 'pas-une-adresse')
    assert.equal(bad.status, 1)

    const run = await cli(
      'create-admin',
      '--territory',
      '14',
      '--email',
      'chef@calvados.test',
      '--name',
      'Claire Martin',
    )
    assert.equal(run.status, 0, run.stderr)
    assert.match(run.stdout, /Compte créé/)
    const link = /https:\/\/entraide\.calvados\.test\/invitation\?jeton=([\w-]{43})/.exec(run.stdout)
    assert.ok(link, run.stdout)
    const again = await cli('create-admin', '--territory', '14', '--email', 'chef@calvados.test')
    assert.match(again.stdout, /Compte existant/)

    const database = await openDatabase(loadConfig({ NODE_ENV: 'test', ...target.env }).database)
    try {
      const account = (await findAccountByEmail(database.db, 'chef@calvados.test'))!
      assert.equal(account.displayName, 'Claire Martin')
      assert.equal(account.passwordHash, null)
      assert.deepEqual(await rolesIn(database.db, account.id, account.territoryId), ['administrator'])
      const mails = await database.db
        .select()
        .from(devEmails)
        .where(eq(devEmails.recipient, 'chef@calvados.test'))
      assert.equal(mails.length, 2)
      assert.ok(mails.some((m) => m.text.includes(link[1]!)))
    } finally {
      await database.close()
    }
  })
})
