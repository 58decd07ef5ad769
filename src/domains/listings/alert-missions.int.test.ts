import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { makeOrganisation, postMission } from '../../../test/helpers/missions.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { notifyMissionPublished, scheduleAlertJobs } from './alerts.jobs.ts'

const CAEN = '14118'
const LISIEUX = '14366'
const row = (date: string) => ({ date, start: '09:00', end: '12:00', places: '3' })

/** Saved searches of kind « mission », or of no kind, are told of new missions of verified organisations. */
describe('alerts of new missions', () => {
  let t: TestApp
  let calvados: Territory
  let org: Awaited<ReturnType<typeof makeOrganisation>>

  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-03-16T09:00:00Z')
    calvados = await makeTerritory(t.app.services)
    org = await makeOrganisation(t, calvados, { name: 'Épicerie solidaire de Caen' })
  })
  after(() => t.close())

  it('mails an immediate alert of kind « mission » once per new mission, in the mission’s own words', async () => {
    const account = await makeAccount(t, calvados)
    const client = await new Client(t, calvados.hostnames[0]!).signInDirectly(account)
    const created = await client.post('/compte/alertes', {
      words: 'jardinage',
      kind: 'mission',
      commune: 'Caen',
      radiusKm: '10',
      frequency: 'immediate',
    })
    assert.equal(created.statusCode, 303)
    const { mission } = await postMission(t, calvados, org, [row('2026-04-04')], {
      title: 'Jardinage au foyer',
    })
    await postMission(t, calvados, org, [row('2026-04-04')], {
      title: 'Jardinage à Lisieux',
      communeInsee: LISIEUX,
    })
    const author = await makeAccount(t, calvados)
    await makeListing(t, calvados, author, { title: 'Jardinage chez moi' })
    const mails = await outboxMails(t, account.email)
    assert.deepEqual(
      mails.map((m) => m.subject),
      ['Nouvelle mission d’association : Jardinage au foyer'],
    )
    assert.match(
      mails[0]!.text,
      /Jardinage au foyer – Épicerie solidaire de Caen, Caen, prochain créneau le 4 avril 2026/,
    )
    assert.match(mails[0]!.text, new RegExp(`/missions/${mission.id}`))
    // Published again (edited after being held, a retried job): still one mail.
    await notifyMissionPublished(t.app.services, mission.id)
    assert.equal((await outboxMails(t, account.email)).length, 1)
    const list = page((await client.get('/compte/alertes')).body)
    assert.match(list.text('main'), /« jardinage » – à moins de 10 km de Caen/)
  })

  it('lists a new mission once in the daily digest of an alert without a kind, in its own section', async () => {
    const account = await makeAccount(t, calvados)
    const client = await new Client(t, calvados.hostnames[0]!).signInDirectly(account)
    await client.post('/compte/alertes', {
      words: 'tricot',
      commune: 'Caen',
      radiusKm: '10',
      frequency: 'daily',
    })
    await scheduleAlertJobs(t.app.services)
    t.clock.advance('1 minute')
    await postMission(t, calvados, org, [row('2026-04-04')], { title: 'Atelier tricot' })
    const author = await makeAccount(t, calvados)
    await makeListing(t, calvados, author, { title: 'Laine à tricoter', communeInsee: CAEN })
    t.clock.advance('1 day')
    const mails = await outboxMails(t, account.email)
    assert.deepEqual(
      mails.map((m) => m.subject),
      ['2 nouvelles annonces pour votre alerte'],
    )
    const text = mails[0]!.text
    assert.match(text, /Annonces :\s+Laine à tricoter/)
    assert.match(text, /Missions d’associations :\s+Atelier tricot – Épicerie solidaire de Caen, Caen/)
    assert.equal(text.split('Atelier tricot').length - 1, 1, 'the mission once')
    t.clock.advance('1 day')
    assert.equal((await outboxMails(t, account.email)).length, 1, 'nothing new: no mail')
  })

  it('tells the alerts of a mission held for money wording only when moderation publishes it', async () => {
    const account = await makeAccount(t, calvados)
    const client = await new Client(t, calvados.hostnames[0]!).signInDirectly(account)
    await client.post('/compte/alertes', { words: 'soutien', kind: 'mission', frequency: 'immediate' })
    const { mission } = await postMission(t, calvados, org, [row('2026-04-04')], {
      title: 'Soutien scolaire, 10 € la séance',
    })
    assert.equal((await outboxMails(t, account.email)).length, 0, 'held: no alert')
    const moderator = await new Client(t, calvados.hostnames[0]!).signInDirectly(
      await makeAccount(t, calvados, { roles: ['moderator'] }),
      { staff: true, secondFactor: true },
    )
    const published = await moderator.post(`/administration/missions-retenues/${mission.id}/publier`, {})
    assert.equal(published.statusCode, 303)
    assert.deepEqual(
      (await outboxMails(t, account.email)).map((m) => m.subject),
      ['Nouvelle mission d’association : Soutien scolaire, 10 € la séance'],
    )
  })
})
