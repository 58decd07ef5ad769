import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { makeCategory } from '../../../test/helpers/listings.ts'
import {
  makeOrganisation,
  postMission,
  signupsOfMission,
  slotsOfMission,
} from '../../../test/helpers/missions.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

const row = (date: string, places = '3') => ({ date, start: '09:00', end: '12:00', places })

describe('missions API: the same rules as the pages, with token scopes', () => {
  let t: TestApp
  let calvados: Territory
  let org: Awaited<ReturnType<typeof makeOrganisation>>
  let categoryId: string
  const as = async (accountId: string, scopes: string[]) => ({
    host: calvados.hostnames[0]!,
    token: await makeAccessToken(t, calvados, accountId, scopes),
  })
  const body = (overrides: object = {}) => ({
    categoryId,
    title: 'Collecte de jouets',
    description: 'Trier les jouets reçus.',
    communeInsee: '14118',
    address: '5 place Saint-Sauveur',
    withdrawHoursBefore: 12,
    slots: [{ date: '2026-04-04', start: '14:00', end: '17:00', places: 2 }],
    ...overrides,
  })

  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-03-16T09:00:00Z')
    calvados = await makeTerritory(t.app.services)
    org = await makeOrganisation(t, calvados)
    categoryId = (await makeCategory(t, calvados)).id
  })
  after(() => t.close())

  it('posts a mission with organisations:write, and refuses other scopes and other people', async () => {
    const path = `/api/v1/organisations/${org.id}/missions`
    const readOnly = await as(org.manager.id, ['organisations:read'])
    assert.equal((await callApi(t, readOnly, 'POST', path, body())).statusCode, 403)
    const stranger = await as((await makeAccount(t, calvados)).id, ['organisations:write'])
    assert.equal((await callApi(t, stranger, 'POST', path, body())).statusCode, 404)
    const member = await as(org.member.id, ['organisations:write'])
    assert.equal((await callApi(t, member, 'POST', path, body())).statusCode, 404)
    const writer = await as(org.manager.id, ['organisations:write'])
    const res = await callApi(t, writer, 'POST', path, body())
    assert.equal(res.statusCode, 201, res.body)
    const mission = res.json()
    assert.equal(mission.status, 'published')
    assert.equal(mission.address, '5 place Saint-Sauveur')
    assert.deepEqual(
      mission.slots.map((s: { startsAt: string; placesLeft: number }) => [s.startsAt, s.placesLeft]),
      [['2026-04-04T12:00:00.000Z', 2]],
    )
    const weekly = await callApi(
      t,
      writer,
      'POST',
      path,
      body({
        slots: undefined,
        weekly: { weekday: 6, start: '09:00', end: '12:00', until: '2026-04-04', places: 3 },
      }),
    )
    assert.equal(weekly.statusCode, 201)
    assert.equal(weekly.json().slots.length, 3)
  })

  it('answers bad input with French messages at the API’s own field names', async () => {
    const writer = await as(org.manager.id, ['organisations:write'])
    const res = await callApi(
      t,
      writer,
      'POST',
      `/api/v1/organisations/${org.id}/missions`,
      body({ title: '', slots: [{ date: '2026-03-01', start: '10:00', end: '09:00', places: 0 }] }),
    )
    assert.equal(res.statusCode, 400)
    assert.deepEqual(res.json().errors, [
      { pointer: '/title', detail: 'Indiquez un titre' },
      { pointer: '/slots/0/end', detail: 'L’heure de fin doit être après l’heure de début, le même jour' },
      { pointer: '/slots/0/places', detail: 'Indiquez un nombre entier de places, de 1 à 10000' },
    ])
  })

  it('reads a mission publicly, without its address; signs up and withdraws with participation:write', async () => {
    const { mission, slots } = await postMission(
      t,
      calvados,
      org,
      [row('2026-04-04', '1'), row('2026-04-11')],
      {
        address: '1 rue Cachée',
      },
    )
    const public_ = await t.app.inject({
      url: `/api/v1/missions/${mission.id}`,
      headers: { host: calvados.hostnames[0]! },
    })
    assert.equal(public_.statusCode, 200)
    assert.equal(public_.json().address, null)
    assert.deepEqual(
      public_.json().slots.map((s: { placesLeft: number }) => s.placesLeft),
      [1, 3],
    )
    const volunteer = await makeAccount(t, calvados)
    const reader = await as(volunteer.id, ['organisations:read'])
    const path = `/api/v1/missions/${mission.id}/signups`
    const ids = slots.map((s) => s.id)
    assert.equal((await callApi(t, reader, 'POST', path, { slotIds: ids })).statusCode, 403)
    const joiner = await as(volunteer.id, ['participation:write', 'organisations:read'])
    const res = await callApi(t, joiner, 'POST', path, { slotIds: ids })
    assert.equal(res.statusCode, 201, res.body)
    assert.equal(res.json().length, 2)
    assert.equal(
      (await callApi(t, joiner, 'GET', `/api/v1/missions/${mission.id}`)).json().address,
      '1 rue Cachée',
    )
    const other = await as((await makeAccount(t, calvados)).id, ['participation:write'])
    const full = await callApi(t, other, 'POST', path, { slotIds: ids })
    assert.equal(full.statusCode, 409)
    assert.match(full.json().detail, /^Complet : samedi 4 avril 2026 de 09:00 à 12:00\./)
    const mine = await callApi(t, joiner, 'GET', '/api/v1/me/signups')
    assert.deepEqual(
      mine.json().map((s: { slotId: string; status: string }) => [s.slotId, s.status]),
      [
        [slots[0]!.id, 'signed-up'],
        [slots[1]!.id, 'signed-up'],
      ],
    )
    const signupId = mine.json()[1].id
    assert.equal((await callApi(t, other, 'DELETE', `/api/v1/signups/${signupId}`)).statusCode, 404)
    assert.equal((await callApi(t, joiner, 'DELETE', `/api/v1/signups/${signupId}`)).statusCode, 204)
    assert.equal((await callApi(t, joiner, 'DELETE', `/api/v1/signups/${signupId}`)).statusCode, 409)
    assert.deepEqual(
      (await slotsOfMission(t, mission.id)).map((s) => s.taken),
      [1, 0],
    )
  })

  it('lists a mission’s sign-ups for its organisation only, names and never contacts', async () => {
    const { mission, slots } = await postMission(t, calvados, org, [row('2026-04-04')])
    const volunteer = await makeAccount(t, calvados, { displayName: 'Inès', phone: '+33612345678' })
    const joiner = await as(volunteer.id, ['participation:write'])
    await callApi(t, joiner, 'POST', `/api/v1/missions/${mission.id}/signups`, { slotIds: [slots[0]!.id] })
    const path = `/api/v1/missions/${mission.id}/signups`
    assert.equal(
      (await callApi(t, await as(volunteer.id, ['organisations:read']), 'GET', path)).statusCode,
      404,
    )
    const other = await makeOrganisation(t, calvados, { name: 'Autre' })
    assert.equal(
      (await callApi(t, await as(other.manager.id, ['organisations:read']), 'GET', path)).statusCode,
      404,
    )
    const res = await callApi(t, await as(org.member.id, ['organisations:read']), 'GET', path)
    assert.equal(res.statusCode, 200)
    assert.deepEqual(
      res.json().map((s: { displayName: string }) => s.displayName),
      ['Inès'],
    )
    assert.doesNotMatch(res.body, /33612345678|@exemple\.test/)
    assert.equal((await signupsOfMission(t, mission.id)).length, 1)
  })
})
