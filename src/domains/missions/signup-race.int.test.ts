import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  makeOrganisation,
  postMission,
  signupsOfMission,
  slotsOfMission,
} from '../../../test/helpers/missions.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

const row = (date: string, places: string) => ({ date, start: '09:00', end: '12:00', places })

/**
 * The last place of a slot, asked for by many people at the same moment: one conditional update
 * takes it, so exactly one gets it and the others are told it is full.
 */
describe('sign-ups under concurrency: no slot is ever overbooked', () => {
  let t: TestApp
  let calvados: Territory
  let org: Awaited<ReturnType<typeof makeOrganisation>>
  const clients = async (n: number) =>
    Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const account = await makeAccount(t, calvados, { displayName: `Bénévole ${i + 1}` })
        return new Client(t, calvados.hostnames[0]!).signInDirectly(account)
      }),
    )

  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-03-16T09:00:00Z')
    calvados = await makeTerritory(t.app.services)
    org = await makeOrganisation(t, calvados)
  })
  after(() => t.close())

  it('gives the one remaining place to exactly one of 20 people asking at once', async () => {
    const { mission, slots } = await postMission(t, calvados, org, [row('2026-04-04', '3')])
    const first = await clients(2)
    for (const c of first) await c.post(`/missions/${mission.id}/inscription`, { creneau: slots[0]!.id })
    const racers = await clients(20)
    const answers = await Promise.all(
      racers.map((c) => c.post(`/missions/${mission.id}/inscription`, { creneau: slots[0]!.id })),
    )
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [303, ...Array(19).fill(409)])
    for (const a of answers.filter((r) => r.statusCode === 409))
      assert.match(page(a.body).errorSummary()[0]!.text, /^Complet : samedi 4 avril 2026/)
    const [slot] = await slotsOfMission(t, mission.id)
    assert.equal(slot?.taken, 3)
    assert.equal(slot?.places, 3)
    assert.equal((await signupsOfMission(t, mission.id)).length, 3)
  })

  it('keeps every slot within its places when people take overlapping sets of slots at once', async () => {
    const { mission, slots } = await postMission(t, calvados, org, [
      row('2026-04-04', '2'),
      row('2026-04-11', '2'),
      row('2026-04-18', '2'),
    ])
    const racers = await clients(12)
    const choices = racers.map((_, i) => [slots[i % 3]!.id, slots[(i + 1) % 3]!.id])
    const answers = await Promise.all(
      racers.map((c, i) => c.post(`/missions/${mission.id}/inscription`, { creneau: choices[i]! })),
    )
    assert.ok(answers.every((a) => a.statusCode === 303 || a.statusCode === 409))
    const after = await slotsOfMission(t, mission.id)
    const signups = await signupsOfMission(t, mission.id)
    for (const slot of after) {
      assert.ok(slot.taken <= slot.places)
      assert.equal(slot.taken, signups.filter((s) => s.slotId === slot.id).length)
    }
    // All or nothing: each person who got in holds both slots they asked for.
    const winners = answers.filter((a) => a.statusCode === 303).length
    assert.equal(signups.length, winners * 2)
  })
})
