import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { makeOrganisation, postMission } from '../../../test/helpers/missions.ts'
import { reviewItemsOf } from '../../../test/helpers/review.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

const row = { date: '2026-06-06', start: '09:00', end: '12:00', places: '3' }

describe('missions held for money wording wait in the moderation queue', () => {
  let t: TestApp
  let calvados: Territory
  let org: Awaited<ReturnType<typeof makeOrganisation>>
  let moderator: Client
  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-05-04T08:00:00Z')
    calvados = await makeTerritory(t.app.services)
    org = await makeOrganisation(t, calvados)
    moderator = await new Client(t, calvados.hostnames[0]!).signInDirectly(
      await makeAccount(t, calvados, { roles: ['moderator'] }),
      { staff: true, secondFactor: true },
    )
  })
  after(() => t.close())

  it('queues a held mission once, with its title and the manager who posted it', async () => {
    const { mission } = await postMission(t, calvados, org, [row], {
      title: 'Aide aux devoirs, 15 € de l’heure',
      description: 'Payé 15 € de l’heure.',
    })
    assert.equal(mission.status, 'held')
    const items = await reviewItemsOf(t, mission.id)
    assert.equal(items.length, 1)
    assert.equal(items[0]!.subjectKind, 'mission')
    assert.equal(items[0]!.cause, 'money-wording')
    assert.equal(items[0]!.label, 'Aide aux devoirs, 15 € de l’heure')
    assert.equal(items[0]!.accountId, org.manager.id)
    assert.deepEqual([...items[0]!.details].sort(), [...mission.holdReasons].sort())
  })

  it('queues nothing for a published mission', async () => {
    const { mission } = await postMission(t, calvados, org, [row])
    assert.equal(mission.status, 'published')
    assert.deepEqual(await reviewItemsOf(t, mission.id), [])
  })

  it('withdraws the item when a moderator publishes or removes it from the held missions’ page', async () => {
    for (const path of ['publier', 'retirer']) {
      const { mission } = await postMission(t, calvados, org, [row], { description: 'Payé 15 € de l’heure.' })
      const res = await moderator.post(`/administration/missions-retenues/${mission.id}/${path}`, {})
      assert.equal(res.statusCode, 303)
      const items = await reviewItemsOf(t, mission.id)
      assert.equal(items.length, 1)
      assert.equal(items[0]!.status, 'withdrawn', path)
    }
  })
})
