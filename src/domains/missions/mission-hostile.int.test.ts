import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { makeCategory } from '../../../test/helpers/listings.ts'
import { makeOrganisation, postMission, rowsForm, signupsOfMission } from '../../../test/helpers/missions.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { missionSlots, missions } from './mission.schema.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
/** Free texts a person may write anything in: stored and shown back as plain text, or refused. */
const FREE_TEXT = new Set(['title', 'description', 'address'])
const row = (date: string) => ({ date, start: '09:00', end: '12:00', places: '3' })

/**
 * Every field and parameter of the mission routes, given each hostile string in turn: a French
 * error and nothing written, or (free texts only) the text kept as plain text; never a 500, never
 * markup on the page.
 */
describe('missions with hostile text in every field', () => {
  let t: TestApp
  let calvados: Territory
  let org: Awaited<ReturnType<typeof makeOrganisation>>
  let categoryId: string
  const count = async () => ({
    missions: await t.db.db.$count(missions),
    slots: await t.db.db.$count(missionSlots),
  })

  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-03-16T09:00:00Z')
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    org = await makeOrganisation(t, calvados)
    categoryId = (await makeCategory(t, calvados)).id
  })
  after(() => t.close())

  it('answers the posting form with an error per field, or keeps free text as text', async () => {
    const once = {
      categoryId,
      title: 'Collecte',
      description: 'Trier les dons.',
      commune: 'Caen (14000)',
      address: '',
      withdrawHours: '24',
      slotsKind: 'once',
      ...rowsForm([row('2026-04-04')]),
    }
    const weekly = {
      ...once,
      slotsKind: 'weekly',
      weekday: '6',
      weeklyStart: '09:00',
      weeklyEnd: '12:00',
      weeklyUntil: '2026-04-11',
      weeklyPlaces: '3',
    }
    const fields: [string, Record<string, string>][] = [
      ...Object.keys(once).map((f) => [f, once] as [string, Record<string, string>]),
      ...['weekday', 'weeklyStart', 'weeklyEnd', 'weeklyUntil', 'weeklyPlaces'].map(
        (f) => [f, weekly] as [string, Record<string, string>],
      ),
    ]
    const path = `/organisations/${org.id}/missions/nouvelle`
    for (const [field, base] of fields) {
      for (const text of HOSTILE) {
        const label = `${field} = ${JSON.stringify(text.slice(0, 30))}`
        const before = await count()
        const res = await org.managerClient.post(path, { ...base, [field]: text })
        assert.ok(res.statusCode === 303 || res.statusCode === 400, `${label}: ${res.statusCode}`)
        assert.doesNotMatch(res.body, /<script>alert|<img src=x/, label)
        if (res.statusCode === 400) {
          assert.deepEqual(await count(), before, `${label}: nothing written`)
          assert.ok(res.body.includes('error-summary') || res.body.includes('Requête'), `${label}: says why`)
        } else {
          assert.ok(
            FREE_TEXT.has(field) || (field === 'withdrawHours' && text.trim() === ''),
            `${label} accepted`,
          )
          const page = await org.managerClient.get(res.headers.location as string)
          assert.equal(page.statusCode, 200, label)
          assert.doesNotMatch(page.body, /<script>alert|<img src=x/, label)
        }
      }
    }
  })

  it('answers the edit form and the new-slot form the same way', async () => {
    const { mission } = await postMission(t, calvados, org, [row('2026-04-04')])
    const edit = {
      categoryId: mission.categoryId,
      title: 'Collecte',
      description: 'Trier les dons.',
      commune: 'Caen (14000)',
      address: '',
      withdrawHours: '24',
    }
    const slot = rowsForm([row('2026-04-18')])
    for (const text of HOSTILE) {
      for (const field of Object.keys(edit)) {
        const label = `edit ${field} = ${JSON.stringify(text.slice(0, 30))}`
        const res = await org.managerClient.post(`/missions/${mission.id}/modifier`, {
          ...edit,
          [field]: text,
        })
        assert.ok(res.statusCode === 303 || res.statusCode === 400, `${label}: ${res.statusCode}`)
        assert.doesNotMatch(res.body, /<script>alert|<img src=x/, label)
        if (res.statusCode === 303)
          assert.ok(
            FREE_TEXT.has(field) || (field === 'withdrawHours' && text.trim() === ''),
            `${label} accepted`,
          )
      }
      for (const field of Object.keys(slot)) {
        const before = await count()
        const res = await org.managerClient.post(`/missions/${mission.id}/creneaux`, {
          ...slot,
          [field]: text,
        })
        const label = `slot ${field} = ${JSON.stringify(text.slice(0, 30))}`
        assert.equal(res.statusCode, 400, label)
        assert.deepEqual(await count(), before, label)
      }
    }
  })

  it('answers sign-ups, withdrawals and addresses with hostile ids by 4xx, writing nothing', async () => {
    const { mission } = await postMission(t, calvados, org, [row('2026-04-04')])
    const volunteer = await new Client(t, calvados.hostnames[0]!).signInDirectly(
      await makeAccount(t, calvados),
    )
    for (const text of HOSTILE) {
      const label = JSON.stringify(text.slice(0, 30))
      const signup = await volunteer.post(`/missions/${mission.id}/inscription`, { creneau: text })
      assert.ok([400, 409].includes(signup.statusCode), `creneau ${label}: ${signup.statusCode}`)
      // A lone surrogate cannot be put in an address: browsers send U+FFFD instead.
      const id = encodeURIComponent(text.replace(/[\ud800-\udfff]/gu, '\ufffd'))
      for (const url of [
        `/missions/${id}`,
        `/missions/${id}/inscrits`,
        `/missions/${mission.id}?fait=${id}`,
      ]) {
        const res = await volunteer.get(url)
        assert.ok(res.statusCode < 500 && res.statusCode !== 302, `${url}: ${res.statusCode}`)
        assert.doesNotMatch(res.body, /<script>alert/)
      }
      const withdraw = await volunteer.post(`/mes-missions/${id}/retirer`, {})
      assert.ok(
        withdraw.statusCode >= 400 && withdraw.statusCode < 500,
        `withdraw ${label}: ${withdraw.statusCode}`,
      )
    }
    const account = await makeAccount(t, calvados)
    const api = {
      host: calvados.hostnames[0]!,
      token: await makeAccessToken(t, calvados, account.id, ['participation:write']),
    }
    for (const text of HOSTILE) {
      const label = JSON.stringify(text.slice(0, 30))
      const res = await callApi(t, api, 'POST', `/api/v1/missions/${mission.id}/signups`, { slotIds: [text] })
      assert.ok([400, 409].includes(res.statusCode), `slotIds ${label}: ${res.statusCode}`)
      const id = encodeURIComponent(text.replace(/[\ud800-\udfff]/gu, '\ufffd'))
      const gone = await callApi(t, api, 'DELETE', `/api/v1/signups/${id}`)
      assert.ok(gone.statusCode >= 400 && gone.statusCode < 500, `DELETE ${label}: ${gone.statusCode}`)
    }
    assert.equal((await signupsOfMission(t, mission.id)).length, 0)
  })

  it('answers the API’s numbers, dates and times given as hostile text in French, writing nothing', async () => {
    const token = {
      host: calvados.hostnames[0]!,
      token: await makeAccessToken(t, calvados, org.manager.id, ['organisations:write']),
    }
    const before = await count()
    const slot = { date: '2026-04-04', start: '09:00', end: '12:00', places: 3 }
    for (const text of HOSTILE) {
      for (const key of ['date', 'start', 'end', 'places'] as const) {
        const res = await callApi(t, token, 'POST', `/api/v1/organisations/${org.id}/missions`, {
          categoryId,
          title: 'Collecte',
          description: 'Trier.',
          communeInsee: '14118',
          slots: [{ ...slot, [key]: text }],
        })
        assert.equal(res.statusCode, 400, `${key} = ${JSON.stringify(text.slice(0, 30))}: ${res.body}`)
        const errors = res.json().errors as { pointer: string; detail: string }[]
        assert.ok(errors.length > 0)
      }
    }
    assert.deepEqual(await count(), before)
  })
})
