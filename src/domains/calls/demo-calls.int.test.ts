import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { isNull } from 'drizzle-orm'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { allPeople } from '../../../test/helpers/calls.ts'
import { seedDemo } from '../../demo.ts'
import { modules } from '../../modules.ts'
import { callCallers, callPairings, callRegistrations } from './calls.schema.ts'

describe('the demonstration’s friendly calls', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('are three people registered with a demonstration consent, Karim and Jeanne as callers, one pair', async () => {
    await seedDemo(t.app.services, modules)
    const registrations = await t.db.db.select().from(callRegistrations)
    assert.equal(registrations.length, 3)
    assert.ok(registrations.every((r) => r.status === 'active' && r.registrantKind === 'agent'))
    const people = await allPeople(t)
    const registered = people.filter((p) => registrations.some((r) => r.personId === p.id))
    assert.deepEqual(registered.map((p) => p.firstName).sort(), ['Marcel', 'Simone', 'Yvette'])
    assert.ok(registered.every((p) => p.consentWording.startsWith('Démonstration')))
    assert.equal((await t.db.db.select().from(callCallers)).length, 2)
    assert.equal((await t.db.db.select().from(callPairings).where(isNull(callPairings.endedAt))).length, 1)
  })
})
