import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, DEFAULT_PASSWORD, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { auditLog } from '../../../platform/audit/audit.schema.ts'
import { verifyPassword } from '../../../platform/auth/passwords.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { findAccountByEmail, findAccountById, rolesIn } from '../identity/account.repository.ts'
import { sessions } from '../sessions/session.schema.ts'
import { DEMO_ADMIN, seedDemoStaff } from './demo-staff.ts'

describe('administration: the territory’s accounts and staff, and nothing of another territory', () => {
  let t: TestApp
  let calvados: Territory
  let manche: Territory
  let admin: Awaited<ReturnType<typeof makeAccount>>
  let client: Client
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    manche = await makeTerritory(t.app.services, { platformName: 'Entraide Manche', departements: ['50'] })
    admin = await makeAccount(t, calvados, { roles: ['administrator'], displayName: 'Alice Admin' })
    client = await new Client(t, calvados.hostnames[0]!).signInDirectly(admin, {
      staff: true,
      secondFactor: true,
    })
  })
  after(() => t.close())

  const resident = (territory: Territory, displayName: string, email?: string) =>
    makeAccount(t, territory, { displayName, ...(email ? { email } : {}) })
  const rows = (html: string) => page(html).all('tbody th[scope=row]')

  it('shows staff their home, with the tools their roles open', async () => {
    const home = page((await client.get('/administration')).body)
    assert.equal(home.h1(), 'Administration')
    assert.equal(home.link('Comptes'), '/administration/comptes')
    assert.equal(home.link('Équipe'), '/administration/equipe')
    assert.equal(home.link('Journal des actions'), '/administration/journal')
    const moderator = await makeAccount(t, calvados, { roles: ['moderator'] })
    const mod = await new Client(t, calvados.hostnames[0]!).signInDirectly(moderator, {
      staff: true,
      secondFactor: true,
    })
    const modHome = page((await mod.get('/administration')).body)
    assert.match(modHome.text('main'), /Modération/)
    assert.equal(modHome.link('Comptes'), undefined)
    assert.equal((await mod.get('/administration/comptes')).statusCode, 403)
    const someone = await resident(calvados, 'Simple Habitant')
    const plain = await new Client(t, calvados.hostnames[0]!).signInDirectly(someone)
    assert.equal((await plain.get('/administration')).statusCode, 403)
  })

  it('lists the territory’s accounts only, in an accessible table', async () => {
    await resident(calvados, 'Hélène Dupont', 'helene.dupont@exemple.test')
    await resident(manche, 'Bob Manche', 'bob@manche.test')
    // Someone from the Manche who holds a role in the Calvados belongs to both lists.
    await makeAccount(t, manche, { displayName: 'Marc Renfort', roles: [] }).then(async (marc) => {
      const { grantRole } = await import('../identity/account.repository.ts')
      await grantRole(t.db.db, {
        accountId: marc.id,
        territoryId: calvados.id,
        role: 'agent',
        grantedBy: null,
        grantedAt: t.clock.now(),
      })
    })
    const res = await client.get('/administration/comptes')
    assert.equal(res.statusCode, 200)
    const list = page(res.body)
    assert.ok(list.text('caption'))
    assert.equal(list.all('thead th[scope=col]').length, 6)
    const names = rows(res.body)
    assert.ok(names.includes('Hélène Dupont'))
    assert.ok(names.includes('Marc Renfort'))
    assert.ok(!names.includes('Bob Manche'))
    assert.match(list.text('tbody'), /helene\.dupont@exemple\.test/)
    assert.match(list.text('tbody'), /Accueil téléphonique/)
    assert.match(list.text('tbody'), /mars 2026/)
  })

  it('searches by name or address, whatever the case and accents; % is just a character', async () => {
    for (const q of ['helene', 'HÉLÈNE', 'dupont@', 'Hele']) {
      const names = rows((await client.get(`/administration/comptes?q=${encodeURIComponent(q)}`)).body)
      assert.deepEqual(names, ['Hélène Dupont'], q)
    }
    assert.deepEqual(rows((await client.get('/administration/comptes?q=bob')).body), [])
    const none = page((await client.get('/administration/comptes?q=%25')).body)
    assert.match(none.text('main'), /Aucun compte ne correspond à « % »/)
  })

  it('pages through accounts 25 at a time', async () => {
    const big = await makeTerritory(t.app.services, { platformName: 'Entraide Orne', departements: ['61'] })
    const boss = await makeAccount(t, big, { roles: ['administrator'] })
    for (let i = 0; i < 30; i++) {
      t.clock.advance('1 s')
      await makeAccount(t, big, { displayName: `Habitant Numéro ${String.fromCharCode(65 + i)}` })
    }
    const orne = await new Client(t, big.hostnames[0]!).signInDirectly(boss, {
      staff: true,
      secondFactor: true,
    })
    const first = page((await orne.get('/administration/comptes')).body)
    assert.equal(first.all('tbody tr').length, 25)
    assert.equal(first.all('tbody th')[0], 'Habitant Numéro ^'.replace('^', String.fromCharCode(65 + 29)))
    const next = first.link('Page suivante')!
    const second = page((await orne.get(next)).body)
    assert.equal(second.all('tbody tr').length, 6)
    assert.equal(second.link('Page suivante'), undefined)
    assert.equal(second.link('Page précédente'), '/administration/comptes')
  })

  it('suspends an account, which ends its sessions at once, and reactivates it', async () => {
    const zoe = await resident(calvados, 'Zoé Martin')
    const zoeBrowser = await new Client(t, calvados.hostnames[0]!).signInDirectly(zoe)
    assert.equal((await zoeBrowser.get('/compte/securite')).statusCode, 200)

    const detail = page((await client.get(`/administration/comptes/${zoe.id}`)).body)
    assert.equal(detail.h1(), 'Zoé Martin')
    const suspended = await client.post(`/administration/comptes/${zoe.id}/suspendre`, {})
    assert.equal(suspended.statusCode, 303)
    assert.equal((await findAccountById(t.db.db, zoe.id))!.status, 'suspended')
    assert.equal((await t.db.db.select().from(sessions).where(eq(sessions.accountId, zoe.id))).length, 0)
    const after = await zoeBrowser.get('/compte/securite')
    assert.equal(after.statusCode, 303)
    assert.match(after.headers.location as string, /^\/connexion\?/)
    assert.match(page((await client.get(`/administration/comptes/${zoe.id}`)).body).text('main'), /Suspendu/)

    assert.equal((await client.post(`/administration/comptes/${zoe.id}/reactiver`, {})).statusCode, 303)
    assert.equal((await findAccountById(t.db.db, zoe.id))!.status, 'active')
    const trail = await t.db.db.select().from(auditLog).where(eq(auditLog.targetId, zoe.id))
    assert.deepEqual(
      trail.map((e) => [e.action, e.actorId]),
      [
        ['account.suspended', admin.id],
        ['account.reactivated', admin.id],
      ],
    )
  })

  it('resets the second factor of someone who lost their phone, which signs them out; never one’s own', async () => {
    const staffer = await makeAccount(t, calvados, {
      roles: ['agent'],
      displayName: 'Agnès Agent',
      totpSecret: 'sealed-secret',
      totpEnabledAt: t.clock.now(),
    })
    const browser = await new Client(t, calvados.hostnames[0]!).signInDirectly(staffer, {
      staff: true,
      secondFactor: true,
    })
    const detail = page((await client.get(`/administration/comptes/${staffer.id}`)).body)
    assert.ok(detail.all('button').includes('Réinitialiser la double authentification'))
    const res = await client.post(`/administration/comptes/${staffer.id}/second-facteur`, {})
    assert.equal(res.statusCode, 303)
    const after = (await findAccountById(t.db.db, staffer.id))!
    assert.equal(after.totpSecret, null)
    assert.equal(after.totpEnabledAt, null)
    assert.equal((await browser.get('/compte')).statusCode, 303, 'their session ended')
    const trail = await t.db.db.select().from(auditLog).where(eq(auditLog.targetId, staffer.id))
    assert.deepEqual(
      trail.map((e) => e.action),
      ['second-factor.reset'],
    )
    const own = await client.post(`/administration/comptes/${admin.id}/second-facteur`, {})
    assert.equal(own.statusCode, 400)
    assert.match(page(own.body).errorSummary()[0]!.text, /votre propre compte/)
    const foreign = await makeAccount(t, manche, { totpSecret: 'x', totpEnabledAt: t.clock.now() })
    assert.equal(
      (await client.post(`/administration/comptes/${foreign.id}/second-facteur`, {})).statusCode,
      404,
    )
    assert.equal((await findAccountById(t.db.db, foreign.id))!.totpSecret, 'x')
  })

  it('does not let an administrator suspend themselves', async () => {
    const res = await client.post(`/administration/comptes/${admin.id}/suspendre`, {})
    assert.equal(res.statusCode, 400)
    assert.match(page(res.body).errorSummary()[0]!.text, /votre propre compte/)
    assert.equal((await findAccountById(t.db.db, admin.id))!.status, 'active')
  })

  it('answers 404 for another territory’s account, and changes nothing', async () => {
    const bob = await resident(manche, 'Bob Autre')
    const bobBrowser = await new Client(t, manche.hostnames[0]!).signInDirectly(bob)
    assert.equal((await client.get(`/administration/comptes/${bob.id}`)).statusCode, 404)
    assert.equal((await client.get('/administration/comptes/pas-un-identifiant')).statusCode, 404)
    assert.equal((await client.post(`/administration/comptes/${bob.id}/suspendre`, {})).statusCode, 404)
    assert.equal((await findAccountById(t.db.db, bob.id))!.status, 'active')
    assert.equal((await bobBrowser.get('/compte/securite')).statusCode, 200)
    // Its roles, granted in its own territory, are not the Calvados administrator's to withdraw.
    const chief = await makeAccount(t, manche, { roles: ['administrator'] })
    const revoke = await client.post('/administration/equipe/retirer', {
      compte: chief.id,
      role: 'administrator',
    })
    assert.equal(revoke.statusCode, 404)
    assert.deepEqual(await rolesIn(t.db.db, chief.id, manche.id), ['administrator'])
    // The Manche's own administrator cannot reach the Calvados either, even with an id from it.
    const mancheAdmin = await new Client(t, manche.hostnames[0]!).signInDirectly(chief, {
      staff: true,
      secondFactor: true,
    })
    assert.equal((await mancheAdmin.get(`/administration/comptes/${admin.id}`)).statusCode, 404)
    assert.ok(!rows((await mancheAdmin.get('/administration/comptes')).body).includes('Alice Admin'))
  })

  it('leaves staff from another territory to their own platform for suspension', async () => {
    const [marc] = rows((await client.get('/administration/comptes?q=renfort')).body)
    assert.equal(marc, 'Marc Renfort')
    const list = page((await client.get('/administration/comptes?q=renfort')).body)
    const href = list.link('Marc Renfort')!
    assert.match(page((await client.get(href)).body).text('main'), /appartient à une autre plateforme/)
    const refused = await client.post(`${href}/suspendre`, {})
    assert.equal(refused.statusCode, 400)
    assert.equal((await findAccountById(t.db.db, href.split('/').at(-1)!))!.status, 'active')
  })

  it('withdraws a role, which ends the person’s sessions, and keeps the last administrator', async () => {
    const mod = await makeAccount(t, calvados, { roles: ['moderator', 'agent'], displayName: 'Maud Modère' })
    const modBrowser = await new Client(t, calvados.hostnames[0]!).signInDirectly(mod, {
      staff: true,
      secondFactor: true,
    })
    assert.equal((await modBrowser.get('/administration')).statusCode, 200)
    const team = page((await client.get('/administration/equipe')).body)
    assert.ok(team.all('tbody th[scope=row]').includes('Maud Modère'))
    const res = await client.post('/administration/equipe/retirer', { compte: mod.id, role: 'moderator' })
    assert.equal(res.statusCode, 303)
    assert.deepEqual(await rolesIn(t.db.db, mod.id, calvados.id), ['agent'])
    const gone = await modBrowser.get('/administration')
    assert.equal(gone.statusCode, 303)
    assert.match(gone.headers.location as string, /^\/connexion\?/)
    const [trace] = await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'role.revoked'))
    assert.deepEqual(
      [trace!.actorId, trace!.targetId, trace!.details],
      [admin.id, mod.id, { role: 'moderator' }],
    )

    const last = await client.post('/administration/equipe/retirer', {
      compte: admin.id,
      role: 'administrator',
    })
    assert.equal(last.statusCode, 400)
    assert.match(page(last.body).errorSummary()[0]!.text, /au moins un administrateur/)
    assert.deepEqual(await rolesIn(t.db.db, admin.id, calvados.id), ['administrator'])
  })

  it('shows the journal in plain words, newest first, page by page, with no address or password in it', async () => {
    const res = await client.get('/administration/journal')
    assert.equal(res.statusCode, 200)
    const journal = page(res.body)
    assert.match(journal.text('tbody'), /Compte suspendu/)
    assert.match(journal.text('tbody'), /Rôle retiré/)
    assert.match(journal.text('tbody'), /Alice Admin/)
    assert.match(journal.text('tbody'), /Zoé Martin/)
    // Entries of the same instant are neither repeated nor skipped across pages.
    for (let i = 0; i < 60; i++)
      await t.app.services.audit.record({
        territoryId: calvados.id,
        actorId: admin.id,
        action: 'login',
        targetId: admin.id,
      })
    const all = await t.db.db.select().from(auditLog).where(eq(auditLog.territoryId, calvados.id))
    const seen: string[] = []
    let url: string | undefined = '/administration/journal'
    while (url) {
      const p = page((await client.get(url)).body)
      seen.push(...p.all('tbody tr'))
      url = p.link('Actions plus anciennes')
    }
    assert.equal(seen.length, all.length)
    assert.equal(
      (
        await new Client(t, calvados.hostnames[0]!)
          .signInDirectly(admin)
          .then((c) => c.get('/administration/journal'))
      ).statusCode,
      303,
    )
    const text = JSON.stringify(await t.db.db.select().from(auditLog))
    assert.doesNotMatch(text, /@/)
    assert.ok(!text.includes(DEFAULT_PASSWORD))
  })

  it('refuses every staff form posted without its CSRF token, or without the second factor', async () => {
    const target = await resident(calvados, 'Cible Protégée')
    const forms: [string, Record<string, string>][] = [
      [`/administration/comptes/${target.id}/suspendre`, {}],
      [`/administration/comptes/${target.id}/reactiver`, {}],
      ['/administration/equipe/inviter', { email: 'x@exemple.test', role: 'agent' }],
      ['/administration/equipe/retirer', { compte: admin.id, role: 'administrator' }],
    ]
    const half = await new Client(t, calvados.hostnames[0]!).signInDirectly(admin, { staff: true })
    for (const [url, form] of forms) {
      assert.equal((await client.post(url, form, { withoutCsrf: true })).statusCode, 403, url)
      assert.equal((await half.post(url, form)).statusCode, 403, url)
    }
    assert.equal((await findAccountById(t.db.db, target.id))!.status, 'active')
  })

  it('seeds the demo administrator, whose second factor waits for her first sign-in', async () => {
    assert.equal(await seedDemoStaff(t.app.services, calvados), true)
    assert.equal(await seedDemoStaff(t.app.services, calvados), false)
    const claire = (await findAccountByEmail(t.db.db, DEMO_ADMIN.email))!
    assert.equal(claire.displayName, 'Claire Admin')
    assert.equal(claire.totpEnabledAt, null)
    assert.ok(await verifyPassword(claire.passwordHash, DEMO_ADMIN.password))
    assert.deepEqual(await rolesIn(t.db.db, claire.id, calvados.id), ['administrator'])
  })
})
