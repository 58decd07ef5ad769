import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { failCommitsWriting } from '../../../../test/helpers/commit-failure.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { firstLink, outboxMails } from '../../../../test/helpers/outbox.ts'
import { auditLog } from '../../../platform/audit/audit.schema.ts'
import { verifyPassword } from '../../../platform/auth/passwords.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { findAccountById, rolesIn } from '../identity/account.repository.ts'

const NEW_PASSWORD = 'un nouveau jardin partagé derrière la mairie'

/**
 * Sessions ended by a change (a new password, a suspension, a withdrawn role, a second factor
 * reset) and the change's audit entry are written in the change's transaction. Here that
 * transaction fails as it commits, once the sessions are deleted: the change is not made, every
 * device stays signed in and the journal says nothing. Then it commits, and all are there.
 */
describe('session endings and audit entries stand or fall with the change that causes them', () => {
  let t: TestApp
  let territory: Territory
  let admin: Awaited<ReturnType<typeof makeAccount>>
  let staff: Client
  const host = () => territory.hostnames[0]!
  const signedIn = async (c: Client) => (await c.get('/compte/mot-de-passe')).statusCode === 200
  const trail = async (targetId: string) =>
    (await t.db.db.select().from(auditLog).where(eq(auditLog.targetId, targetId))).map((e) => e.action)

  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
    admin = await makeAccount(t, territory, { roles: ['administrator'] })
    staff = await new Client(t, host()).signInDirectly(admin, { staff: true, secondFactor: true })
  })
  after(() => t.close())

  /** Runs `change` while the commits writing to `table` fail; it must answer with an error. */
  async function failing(table: string, change: () => Promise<{ statusCode: number }>) {
    const lift = await failCommitsWriting(t.db, table)
    try {
      assert.equal((await change()).statusCode, 500)
    } finally {
      await lift()
    }
  }

  it('changing one’s password with « sign out the other devices »', async () => {
    const account = await makeAccount(t, territory)
    const other = await new Client(t, host()).signInDirectly(account)
    const c = await new Client(t, host()).signInDirectly(account)
    const form = { currentPassword: account.password, newPassword: NEW_PASSWORD, endOtherSessions: 'oui' }

    await failing('sessions', () => c.post('/compte/mot-de-passe', form))
    assert.equal(await signedIn(other), true, 'the other device is still signed in')
    assert.equal(
      await verifyPassword((await findAccountById(t.db.db, account.id))!.passwordHash, account.password),
      true,
    )
    assert.deepEqual(await trail(account.id), [])

    assert.equal((await c.post('/compte/mot-de-passe', form)).statusCode, 200)
    assert.equal(await signedIn(other), false)
    assert.equal(await signedIn(c), true)
    assert.deepEqual(await trail(account.id), ['password.changed'])
  })

  it('resetting a forgotten password', async () => {
    const account = await makeAccount(t, territory)
    const device = await new Client(t, host()).signInDirectly(account)
    await new Client(t, host()).post('/mot-de-passe-oublie', { email: account.email })
    const { jeton } = firstLink((await outboxMails(t, account.email))[0]!.text)
    const reset = () => new Client(t, host()).post('/mot-de-passe/nouveau', { jeton, password: NEW_PASSWORD })

    await failing('sessions', reset)
    assert.equal(await signedIn(device), true)
    assert.equal(
      await verifyPassword((await findAccountById(t.db.db, account.id))!.passwordHash, account.password),
      true,
    )
    assert.deepEqual(await trail(account.id), [])

    assert.equal((await reset()).statusCode, 200)
    assert.equal(await signedIn(device), false)
    assert.deepEqual(await trail(account.id), ['password.reset'])
  })

  it('suspending an account', async () => {
    const account = await makeAccount(t, territory)
    const device = await new Client(t, host()).signInDirectly(account)
    const suspend = () => staff.post(`/administration/comptes/${account.id}/suspendre`, {})

    await failing('sessions', () => suspend())
    assert.equal(await signedIn(device), true)
    assert.equal((await findAccountById(t.db.db, account.id))!.status, 'active')
    assert.deepEqual(await trail(account.id), [])

    assert.equal((await suspend()).statusCode, 303)
    assert.equal(await signedIn(device), false)
    assert.deepEqual(await trail(account.id), ['account.suspended'])
  })

  it('resetting someone’s second factor', async () => {
    const account = await makeAccount(t, territory, {
      roles: ['agent'],
      totpSecret: 'sealed-secret',
      totpEnabledAt: t.clock.now(),
    })
    const device = await new Client(t, host()).signInDirectly(account, { staff: true, secondFactor: true })
    const reset = () => staff.post(`/administration/comptes/${account.id}/second-facteur`, {})

    await failing('sessions', () => reset())
    assert.equal(await signedIn(device), true)
    assert.equal((await findAccountById(t.db.db, account.id))!.totpSecret, 'sealed-secret')
    assert.deepEqual(await trail(account.id), [])

    assert.equal((await reset()).statusCode, 303)
    assert.equal(await signedIn(device), false)
    assert.deepEqual(await trail(account.id), ['second-factor.reset'])
  })

  it('withdrawing a role', async () => {
    const account = await makeAccount(t, territory, { roles: ['moderator', 'agent'] })
    const device = await new Client(t, host()).signInDirectly(account, { staff: true, secondFactor: true })
    const withdraw = () =>
      staff.post('/administration/equipe/retirer', { compte: account.id, role: 'moderator' })

    await failing('sessions', () => withdraw())
    assert.equal(await signedIn(device), true)
    assert.deepEqual((await rolesIn(t.db.db, account.id, territory.id)).sort(), ['agent', 'moderator'])
    assert.deepEqual(await trail(account.id), [])

    assert.equal((await withdraw()).statusCode, 303)
    assert.equal(await signedIn(device), false)
    const entries = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, account.id), eq(auditLog.action, 'role.revoked')))
    assert.deepEqual(
      entries.map((e) => e.details),
      [{ role: 'moderator' }],
    )
  })
})
