import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory } from '../../../test/helpers/listings.ts'
import {
  makeOrganisation,
  missionRow,
  postMission,
  rowsForm,
  slotsOfMission,
} from '../../../test/helpers/missions.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { missions } from './mission.schema.ts'

const row = (date: string, start = '09:00', end = '12:00', places = '3') => ({ date, start, end, places })

describe('missions: an organisation’s managers post, edit, add and cancel slots, close', () => {
  let t: TestApp
  let calvados: Territory
  let org: Awaited<ReturnType<typeof makeOrganisation>>
  let categoryId: string
  const host = () => calvados.hostnames[0]!
  const newPath = () => `/organisations/${org.id}/missions/nouvelle`
  const form = (overrides: Record<string, string> = {}) => ({
    categoryId,
    title: 'Distribution de colis alimentaires',
    description: 'Préparer les colis et les remettre aux familles.',
    commune: 'Caen (14000)',
    address: '12 rue des Lilas',
    withdrawHours: '24',
    slotsKind: 'once',
    ...rowsForm([row('2026-04-04'), row('2026-04-11', '14:00', '17:00', '2')]),
    ...overrides,
  })
  const missionCount = async () => (await t.db.db.select().from(missions)).length

  before(async () => {
    t = await buildTestApp()
    // Monday 16 March 2026, 10:00 in Paris.
    t.clock.set('2026-03-16T09:00:00Z')
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    org = await makeOrganisation(t, calvados)
    categoryId = (await makeCategory(t, calvados)).id
  })
  after(() => t.close())

  it('posts a mission with two one-off slots, published, with its slots in Paris time, and audits it', async () => {
    const blank = page((await org.managerClient.get(newPath())).body)
    assert.equal(blank.h1(), 'Publier une mission pour des bénévoles')
    assert.ok(blank.field('Bénévole vérifié exigé'))
    const res = await org.managerClient.post(newPath(), form())
    assert.equal(res.statusCode, 303, res.body)
    const id = /\/missions\/([\w-]+)\?fait=publiee/.exec(res.headers.location as string)![1]!
    const mission = await missionRow(t, id)
    assert.equal(mission?.status, 'published')
    assert.equal(mission?.organisationId, org.id)
    assert.equal(mission?.address, '12 rue des Lilas')
    const slots = await slotsOfMission(t, id)
    assert.deepEqual(
      slots.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString(), s.places, s.taken]),
      [
        ['2026-04-04T07:00:00.000Z', '2026-04-04T10:00:00.000Z', 3, 0],
        ['2026-04-11T12:00:00.000Z', '2026-04-11T15:00:00.000Z', 2, 0],
      ],
    )
    const shown = page((await org.managerClient.get(res.headers.location as string)).body)
    assert.match(shown.text('.success'), /La mission est publiée/)
    assert.deepEqual(shown.all('label.choice'), [
      'samedi 4 avril 2026 de 09:00 à 12:00 – 3 places sur 3 restantes',
      'samedi 11 avril 2026 de 14:00 à 17:00 – 2 places sur 2 restantes',
    ])
    const [entry] = await t.db.db.select().from(auditLog).where(eq(auditLog.targetId, id))
    assert.equal(entry?.action, 'mission.posted')
    assert.deepEqual(entry?.details, { organisation: org.id, status: 'published' })
  })

  it('makes weekly slots « every Saturday 9–12 until 11 April », across the change to summer time', async () => {
    const weekly = form({
      slotsKind: 'weekly',
      weekday: '6',
      weeklyStart: '9h',
      weeklyEnd: '12h',
      weeklyUntil: '11/04/2026',
      weeklyPlaces: '4',
    })
    const res = await org.managerClient.post(newPath(), weekly)
    assert.equal(res.statusCode, 303, res.body)
    const id = /\/missions\/([\w-]+)/.exec(res.headers.location as string)![1]!
    const slots = await slotsOfMission(t, id)
    assert.deepEqual(
      slots.map((s) => s.startsAt.toISOString()),
      [
        '2026-03-21T08:00:00.000Z',
        '2026-03-28T08:00:00.000Z',
        '2026-04-04T07:00:00.000Z',
        '2026-04-11T07:00:00.000Z',
      ],
    )
    assert.deepEqual((await missionRow(t, id))?.recurrence, {
      weekday: 6,
      start: '09:00',
      end: '12:00',
      until: '2026-04-11',
    })
  })

  it('says what is wrong with each field, in French, and writes nothing', async () => {
    const before = await missionCount()
    const cases: [Record<string, string>, string, string][] = [
      [{ title: '' }, '#title', 'Indiquez un titre'],
      [{ categoryId: 'inconnue' }, '#categoryId', 'Choisissez une catégorie dans la liste'],
      [{ commune: 'Marseille' }, '#commune', 'Indiquez une commune du Calvados'],
      [{ 'date-1': '2026-03-15' }, '#date-1', 'Cette date est passée : indiquez une date à venir'],
      [{ 'end-2': '13:00' }, '#end-2', 'L’heure de fin doit être après l’heure de début, le même jour'],
      [{ 'places-1': '0' }, '#places-1', 'Indiquez un nombre entier de places, de 1 à 10000'],
      [{ 'places-1': '-2' }, '#places-1', 'Indiquez un nombre entier de places, de 1 à 10000'],
      [{ 'places-2': '10001' }, '#places-2', 'Indiquez un nombre entier de places, de 1 à 10000'],
      [{ withdrawHours: 'demain' }, '#withdrawHours', 'Indiquez un nombre entier d’heures, de 0 à 720'],
      [{ slotsKind: '' }, '#slotsKind', 'Choisissez des dates ponctuelles ou un créneau chaque semaine'],
      [
        {
          slotsKind: 'weekly',
          weekday: '6',
          weeklyStart: '09:00',
          weeklyEnd: '12:00',
          weeklyUntil: '2027-12-31',
          weeklyPlaces: '3',
        },
        '#weeklyUntil',
        'Pas plus de 60 créneaux à la fois : choisissez une date de fin plus proche',
      ],
    ]
    for (const [changes, href, text] of cases) {
      const res = await org.managerClient.post(newPath(), form(changes))
      assert.equal(res.statusCode, 400, JSON.stringify(changes))
      const errors = page(res.body).errorSummary()
      assert.ok(
        errors.some((e) => e.href === href && e.text === text),
        `${JSON.stringify(changes)}: ${JSON.stringify(errors)}`,
      )
    }
    const kept = page((await org.managerClient.post(newPath(), form({ title: '', 'places-1': '7' }))).body)
    assert.equal(kept.document.querySelector('#places-1')?.getAttribute('value'), '7')
    assert.equal(await missionCount(), before)
  })

  it('holds a mission that speaks of money, with a message that moderation will read it', async () => {
    const res = await org.managerClient.post(newPath(), form({ title: 'Aide aux devoirs, 15 € de l’heure' }))
    assert.equal(res.statusCode, 303)
    assert.match(res.headers.location as string, /\?fait=moderation$/)
    const id = /\/missions\/([\w-]+)/.exec(res.headers.location as string)![1]!
    assert.equal((await missionRow(t, id))?.status, 'held')
    const shown = page((await org.managerClient.get(res.headers.location as string)).body)
    assert.match(shown.text('.success'), /attend la relecture de l’équipe de modération/)
    // Nobody outside the organisation sees it.
    const stranger = await new Client(t, host()).signInDirectly(await makeAccount(t, calvados))
    assert.equal((await stranger.get(`/missions/${id}`)).statusCode, 404)
    assert.equal((await new Client(t, host()).get(`/missions/${id}`)).statusCode, 404)
    // Moderators read it, then publish it; a resident may not.
    const held = '/administration/missions-retenues'
    assert.equal((await stranger.post(`${held}/${id}/publier`, {})).statusCode, 403)
    const moderator = await new Client(t, host()).signInDirectly(
      await makeAccount(t, calvados, { roles: ['moderator'] }),
      { staff: true, secondFactor: true },
    )
    const list = page((await moderator.get(held)).body)
    assert.equal(list.h1(), 'Missions retenues')
    assert.deepEqual(list.all('main h2'), ['Aide aux devoirs, 15 € de l’heure'])
    const published = await moderator.post(`${held}/${id}/publier`, {})
    assert.equal(published.headers.location, `${held}?fait=publiee_moderation`)
    assert.equal((await missionRow(t, id))?.status, 'published')
    assert.equal((await moderator.post(`${held}/${id}/publier`, {})).statusCode, 404)
    assert.equal((await stranger.get(`/missions/${id}`)).statusCode, 200)
  })

  it('forces « verified volunteer » when the category asks it', async () => {
    const childcare = await makeCategory(t, calvados, { needsVerifiedVolunteer: true })
    const res = await org.managerClient.post(newPath(), form({ categoryId: childcare.id }))
    const id = /\/missions\/([\w-]+)/.exec(res.headers.location as string)![1]!
    assert.equal((await missionRow(t, id))?.needsVerifiedVolunteer, true)
  })

  it('lets only managers of a verified organisation post: others get 404 or a clear refusal', async () => {
    const before = await missionCount()
    const other = await makeOrganisation(t, calvados, { name: 'Autre association' })
    assert.equal((await other.managerClient.get(newPath())).statusCode, 404)
    assert.equal((await other.managerClient.post(newPath(), form())).statusCode, 404)
    assert.equal((await org.memberClient.post(newPath(), form())).statusCode, 404)
    const stranger = await new Client(t, host()).signInDirectly(await makeAccount(t, calvados))
    assert.equal((await stranger.post(newPath(), form())).statusCode, 404)
    const pending = await makeOrganisation(t, calvados, { status: 'pending', name: 'En attente' })
    const refused = await pending.managerClient.post(`/organisations/${pending.id}/missions/nouvelle`, form())
    assert.equal(refused.statusCode, 403)
    assert.match(page(refused.body).text('main'), /une fois vérifiée par l’équipe de la plateforme/)
    // Another territory's manager, on their own host, does not find this organisation.
    const manche = await makeTerritory(t.app.services, {
      platformName: 'Entraide Manche',
      departements: ['50'],
    })
    const outside = await makeOrganisation(t, manche)
    const res = await new Client(t, manche.hostnames[0]!)
      .signInDirectly(outside.manager)
      .then((c) => c.post(newPath(), form()))
    assert.equal(res.statusCode, 404)
    assert.equal(await missionCount(), before)
  })

  it('edits, adds and cancels a slot (telling its volunteers), closes; others change nothing', async () => {
    const { mission, slots } = await postMission(t, calvados, org, [row('2026-04-04'), row('2026-04-18')])
    const volunteer = await makeAccount(t, calvados, { displayName: 'Zoé Bénévole' })
    const zoe = await new Client(t, host()).signInDirectly(volunteer)
    assert.equal(
      (await zoe.post(`/missions/${mission.id}/inscription`, { creneau: slots[0]!.id })).statusCode,
      303,
    )
    const other = await makeOrganisation(t, calvados, { name: 'Troisième association' })
    const attempts = [
      [`/missions/${mission.id}/modifier`, { ...form(), categoryId: mission.categoryId, title: 'Piraté' }],
      [`/missions/${mission.id}/creneaux`, rowsForm([row('2026-05-02')])],
      [`/missions/${mission.id}/creneaux/${slots[0]!.id}/annuler`, {}],
      [`/missions/${mission.id}/cloturer`, {}],
    ] as const
    const manche = await makeTerritory(t.app.services, {
      platformName: 'Entraide Manche',
      departements: ['50'],
    })
    const outside = await makeOrganisation(t, manche, { name: 'Association de la Manche' })
    const elsewhere = await new Client(t, manche.hostnames[0]!).signInDirectly(outside.manager)
    for (const client of [other.managerClient, org.memberClient, zoe, elsewhere]) {
      for (const [path, body] of attempts) assert.equal((await client.post(path, body)).statusCode, 404, path)
    }
    assert.equal((await missionRow(t, mission.id))?.title, mission.title)
    assert.equal((await slotsOfMission(t, mission.id)).length, 2)
    assert.ok((await slotsOfMission(t, mission.id)).every((s) => s.cancelledAt === null))

    const edit = await org.managerClient.post(`/missions/${mission.id}/modifier`, {
      ...form({ title: 'Distribution du samedi', categoryId: mission.categoryId }),
    })
    assert.equal(edit.statusCode, 303, edit.body)
    assert.equal((await missionRow(t, mission.id))?.title, 'Distribution du samedi')
    const added = await org.managerClient.post(
      `/missions/${mission.id}/creneaux`,
      rowsForm([row('2026-05-02')]),
    )
    assert.equal(added.statusCode, 303)
    const past = await org.managerClient.post(
      `/missions/${mission.id}/creneaux`,
      rowsForm([row('2026-03-01')]),
    )
    assert.equal(past.statusCode, 400)
    assert.deepEqual(page(past.body).errorSummary(), [
      { href: '#date-1', text: 'Cette date est passée : indiquez une date à venir' },
    ])
    assert.equal((await slotsOfMission(t, mission.id)).length, 3)
    const cancel = await org.managerClient.post(
      `/missions/${mission.id}/creneaux/${slots[0]!.id}/annuler`,
      {},
    )
    assert.equal(cancel.statusCode, 303)
    const [mail] = await outboxMails(t, volunteer.email)
    assert.equal(mail?.subject, 'Un créneau de mission est annulé')
    assert.match(mail!.text, /samedi 4 avril 2026 de 09:00 à 12:00/)
    const closed = await org.managerClient.post(`/missions/${mission.id}/cloturer`, {})
    assert.equal(closed.statusCode, 303)
    const row2 = await missionRow(t, mission.id)
    assert.equal(row2?.status, 'closed')
    const shown = page((await zoe.get(`/missions/${mission.id}`)).body)
    assert.match(shown.text('main'), /Cette mission est clôturée/)
    assert.equal(shown.document.querySelector('input[name=creneau]'), null)
    const actions = (await t.db.db.select().from(auditLog).where(eq(auditLog.targetId, mission.id))).map(
      (e) => e.action,
    )
    assert.deepEqual(actions.sort(), [
      'mission.closed',
      'mission.edited',
      'mission.posted',
      'mission.slot-cancelled',
    ])
  })
})
