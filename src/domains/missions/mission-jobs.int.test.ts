import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import {
  makeOrganisation,
  postMission,
  signupsOfMission,
  slotsOfMission,
} from '../../../test/helpers/missions.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { organisationMembers } from '../../../test/helpers/tables.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { remindSlots, sendSignupDigests } from './mission.jobs.ts'

const row = (date: string, start = '09:00', end = '12:00', places = '3') => ({ date, start, end, places })

describe('mission mails: reminders the day before, and managers told each time or in a daily digest', () => {
  let t: TestApp
  let calvados: Territory
  let org: Awaited<ReturnType<typeof makeOrganisation>>
  const host = () => calvados.hostnames[0]!
  const volunteer = async (name: string) => {
    const account = await makeAccount(t, calvados, { displayName: name })
    return { account, client: await new Client(t, host()).signInDirectly(account) }
  }

  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-03-16T09:00:00Z')
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    org = await makeOrganisation(t, calvados)
  })
  after(() => t.close())

  it('reminds each volunteer once, the day before, with the address; not those who withdrew', async () => {
    const { mission, slots } = await postMission(t, calvados, org, [row('2026-03-20'), row('2026-03-27')], {
      address: '3 rue du Port',
      withdrawHours: '0',
    })
    const zoe = await volunteer('Zoé Rappel')
    const paul = await volunteer('Paul Parti')
    for (const v of [zoe, paul])
      await v.client.post(`/missions/${mission.id}/inscription`, { creneau: slots[0]!.id })
    const paulSignup = (await signupsOfMission(t, mission.id)).find((s) => s.accountId === paul.account.id)!
    await paul.client.post(`/mes-missions/${paulSignup.id}/retirer`, {})
    // Two days before: too early.
    t.clock.set('2026-03-18T08:00:00Z')
    assert.equal(await remindSlots(t.app.services), 0)
    // Thursday 19 March, 10:00 in Paris: Friday's slot is within a day.
    t.clock.set('2026-03-19T09:00:00Z')
    assert.equal(await remindSlots(t.app.services), 1)
    assert.equal(await remindSlots(t.app.services), 0)
    const reminders = (await outboxMails(t, zoe.account.email)).filter((m) => m.subject.startsWith('Rappel'))
    assert.equal(reminders.length, 1)
    assert.equal(reminders[0]!.subject, 'Rappel : votre mission de demain')
    assert.match(reminders[0]!.text, /vendredi 20 mars 2026 de 09:00 à 12:00/)
    assert.match(reminders[0]!.text, /Lieu : 3 rue du Port, Caen/)
    assert.equal(
      (await outboxMails(t, paul.account.email)).filter((m) => m.subject.startsWith('Rappel')).length,
      0,
    )
    const [first, second] = await slotsOfMission(t, mission.id)
    assert.ok(first?.remindedAt)
    assert.equal(second?.remindedAt, null)
    t.clock.set('2026-03-16T09:00:00Z')
  })

  it('tells « each time » managers at once, « daily » ones in one digest, and nothing twice', async () => {
    const { mission, slots } = await postMission(t, calvados, org, [row('2026-04-04')], { title: 'Maraude' })
    const daily = await makeAccount(t, calvados, { displayName: 'Denise Digest' })
    await t.db.db.insert(organisationMembers).values({
      organisationId: org.id,
      accountId: daily.id,
      role: 'manager',
      signupNotices: 'daily',
      joinedAt: t.clock.now(),
    })
    // What the first test left untold goes out first.
    await sendSignupDigests(t.app.services)
    const before = (await outboxMails(t, org.manager.email)).length
    const dailyBefore = (await outboxMails(t, daily.email)).length
    const ana = await volunteer('Ana Inscrite')
    await ana.client.post(`/missions/${mission.id}/inscription`, { creneau: slots[0]!.id })
    const now = await outboxMails(t, org.manager.email)
    assert.equal(now.length, before + 1)
    const told = now.filter((m) => m.subject === 'Une inscription à votre mission « Maraude »')
    assert.equal(told.length, 1)
    assert.match(told[0]!.text, /Ana Inscrite s’est inscrit à la mission « Maraude »/)
    assert.equal((await outboxMails(t, daily.email)).length, dailyBefore)
    assert.equal(await sendSignupDigests(t.app.services), 1)
    const digest = (await outboxMails(t, daily.email)).find((m) => /Ana Inscrite/.test(m.text))
    assert.equal(digest?.subject, 'Les inscriptions à vos missions sur Entraide Calvados')
    assert.match(
      digest!.text,
      /Ana Inscrite s’est inscrit à « Maraude », samedi 4 avril 2026 de 09:00 à 12:00/,
    )
    assert.equal(await sendSignupDigests(t.app.services), 0)
    // A withdrawal after the digest is told in the next one.
    const [signup] = (await signupsOfMission(t, mission.id)).filter((s) => s.accountId === ana.account.id)
    t.clock.advance('2 hours')
    await ana.client.post(`/mes-missions/${signup!.id}/retirer`, {})
    t.clock.advance('1 day')
    assert.equal(await sendSignupDigests(t.app.services), 1)
    const digests = await outboxMails(t, daily.email)
    assert.equal(digests.length, dailyBefore + 2)
    assert.ok(digests.some((m) => /Ana Inscrite s’est désisté de « Maraude »/.test(m.text)))
    assert.match(digests.map((m) => m.text).join('\n'), /Ana Inscrite s’est désisté de « Maraude »/)
    await t.db.db
      .update(organisationMembers)
      .set({ signupNotices: 'none' })
      .where(eq(organisationMembers.accountId, org.manager.id))
    const quiet = (await outboxMails(t, org.manager.email)).length
    await (await volunteer('Sans Bruit')).client.post(`/missions/${mission.id}/inscription`, {
      creneau: slots[0]!.id,
    })
    assert.equal((await outboxMails(t, org.manager.email)).length, quiet)
    t.clock.set('2026-03-16T09:00:00Z')
  })
})
