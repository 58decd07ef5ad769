import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { managedOrganisation, membershipsOf, organisationIn, roleIn } from './membership.repository.ts'
import { organisations } from './organisation.schema.ts'
import { seedOrganisation } from './organisation-seed.ts'

describe('membership: who manages an organisation, within its territory only', () => {
  let t: TestApp
  let calvados: Territory
  let manche: Territory
  let orgId: string
  let manager: { id: string }
  let member: { id: string }
  let stranger: { id: string }

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    manche = await makeTerritory(t.app.services, { platformName: 'Entraide Manche', departements: ['50'] })
    manager = await makeAccount(t, calvados)
    member = await makeAccount(t, calvados)
    stranger = await makeAccount(t, calvados)
    orgId = await seedOrganisation(t.db.db, {
      territoryId: calvados.id,
      name: 'Banque alimentaire du Bessin',
      kind: 'aid-structure',
      aidType: 'food-bank',
      communeInsee: '14047',
      managerId: manager.id,
      memberIds: [member.id],
    })
  })
  after(() => t.close())

  it('knows each person’s role, and none for a stranger', async () => {
    assert.equal(await roleIn(t.db.db, orgId, manager.id), 'manager')
    assert.equal(await roleIn(t.db.db, orgId, member.id), 'member')
    assert.equal(await roleIn(t.db.db, orgId, stranger.id), null)
  })

  it('gives the organisation to its manager only, and never in another territory', async () => {
    assert.equal(
      (await managedOrganisation(t.db.db, calvados.id, orgId, manager.id))?.name,
      'Banque alimentaire du Bessin',
    )
    assert.equal(await managedOrganisation(t.db.db, calvados.id, orgId, member.id), null)
    assert.equal(await managedOrganisation(t.db.db, manche.id, orgId, manager.id), null)
    assert.equal(await organisationIn(t.db.db, manche.id, orgId), null)
    assert.equal((await organisationIn(t.db.db, calvados.id, orgId))?.status, 'verified')
  })

  it('lists a person’s organisations in the territory with their role', async () => {
    const mine = await membershipsOf(t.db.db, calvados.id, member.id)
    assert.deepEqual(
      mine.map((o) => [o.name, o.role]),
      [['Banque alimentaire du Bessin', 'member']],
    )
    assert.deepEqual(await membershipsOf(t.db.db, manche.id, member.id), [])
  })

  it('refuses, in the database, an aid structure without its type', async () => {
    await assert.rejects(
      t.db.db.update(organisations).set({ aidType: null }).where(eq(organisations.id, orgId)),
    )
    assert.equal((await organisationIn(t.db.db, calvados.id, orgId))?.kind, 'aid-structure')
  })
})
