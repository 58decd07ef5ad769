import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { runCli } from '../../../test/helpers/cli.ts'
import { createTestTarget } from '../../../test/helpers/db.ts'
import { loadConfig } from '../../config.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import { openDatabase } from '../../platform/db/client.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'
import { seedAccount } from '../accounts/index.ts'
import { isVerifiedVolunteer } from './volunteer.repository.ts'
import { volunteerVerifications } from './volunteer.schema.ts'

describe('entraide volunteer verify | revoke', () => {
  let target: Awaited<ReturnType<typeof createTestTarget>>
  before(async () => {
    target = await createTestTarget()
  })
  after(() => target.drop())

  const cli = (...args: string[]) => runCli(target, ...args)
  /** The database the commands wrote to, opened between two commands (PGlite has one user at a time). */
  async function withDatabase<T>(run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) {
    const database = await openDatabase(loadConfig({ NODE_ENV: 'test', ...target.env }).database)
    try {
      return await run(database.db)
    } finally {
      await database.close()
    }
  }

  it('verifies a resident until a date, refuses what it cannot do, then withdraws it', async () => {
    const added = await cli(
      'territory',
      'add',
      '--departement',
      '14',
      '--name',
      'Entraide Calvados',
      '--host',
      'c.test',
    )
    assert.equal(added.status, 0, added.stderr)
    const now = new Date()
    const { territoryId, accountId } = await withDatabase(async (db) => {
      const [territory] = await db.select().from(territories)
      const id = crypto.randomUUID()
      await seedAccount(db, {
        id,
        territoryId: territory!.id,
        email: 'nina@exemple.test',
        emailVerifiedAt: now,
        displayName: 'Nina Nounou',
        communeInsee: '14118',
        charterVersion: '1',
        charterAcceptedAt: now,
        privacyVersion: '1',
        privacyAcceptedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      return { territoryId: territory!.id, accountId: id }
    })

    const usage = await cli('volunteer', 'verify', '--territory', '14')
    assert.equal(usage.status, 2)
    const unknownTerritory = await cli(
      'volunteer',
      'verify',
      '--territory',
      '99',
      '--email',
      'nina@exemple.test',
    )
    assert.equal(unknownTerritory.status, 1)
    assert.match(unknownTerritory.stderr, /Territoire inconnu : 99/)
    const unknown = await cli('volunteer', 'verify', '--territory', '14', '--email', 'personne@exemple.test')
    assert.equal(unknown.status, 1)
    assert.match(unknown.stderr, /Aucun compte sur Entraide Calvados n’a cette adresse électronique/)
    const past = await cli(
      'volunteer',
      'verify',
      '--territory',
      '14',
      '--email',
      'nina@exemple.test',
      '--until',
      '2020-01-01',
    )
    assert.equal(past.status, 1)
    assert.match(past.stderr, /La date de fin doit être après aujourd’hui/)

    const until = new Date(now.getTime() + 200 * 86_400_000).toISOString().slice(0, 10)
    const run = await cli(
      'volunteer',
      'verify',
      '--territory',
      '14',
      '--email',
      'NINA@exemple.test',
      '--until',
      until,
    )
    assert.equal(run.status, 0, run.stderr)
    assert.equal(
      run.stdout.trim(),
      `Bénévole vérifié sur Entraide Calvados : Nina Nounou, jusqu'au ${until} inclus.`,
    )
    await withDatabase(async (db) => {
      assert.equal(await isVerifiedVolunteer(db, territoryId, accountId, new Date()), true)
      const [row] = await db.select().from(volunteerVerifications)
      assert.equal(row?.verifiedBy, null)
      assert.equal(row?.accountId, accountId)
      const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'volunteer.verified'))
      assert.deepEqual(entry?.details, { until, via: 'command-line' })
      assert.equal(entry?.actorId, null)
    })

    const revoke = await cli('volunteer', 'revoke', '--territory', '14', '--email', 'nina@exemple.test')
    assert.equal(revoke.status, 0, revoke.stderr)
    assert.match(revoke.stdout, /Vérification retirée/)
    await withDatabase(async (db) => {
      assert.equal(await isVerifiedVolunteer(db, territoryId, accountId, new Date()), false)
      const [row] = await db.select().from(volunteerVerifications)
      assert.ok(row?.revokedAt)
      assert.equal(row?.revokedBy, null)
    })
    const again = await cli('volunteer', 'revoke', '--territory', '14', '--email', 'nina@exemple.test')
    assert.equal(again.status, 0)
    assert.match(again.stdout, /Aucune vérification en cours/)
  })
})
