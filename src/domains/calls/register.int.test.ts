import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  auditRows,
  type CallsWorld,
  callsWorld,
  entryRows,
  pairingRows,
  peopleCount,
  personRow,
  registerForm,
  registrationCount,
  registrationRow,
  registrationRows,
} from '../../../test/helpers/calls.ts'
import { page } from '../../../test/helpers/html.ts'
import { callRegistrations } from './calls.schema.ts'
import { endCallsOfPerson } from './index.ts'

describe('the calls register: registering, pausing, withdrawing', () => {
  let t: TestApp
  let w: CallsWorld
  before(async () => {
    t = await buildTestApp()
    w = await callsWorld(t)
  })
  after(() => t.close())

  it('registers oneself with the ticked consent, the own account linked, and no mayor register unless ticked', async () => {
    const form = await w.clients.resident.get('/appels-de-convivialite/inscription')
    assert.equal(form.statusCode, 200)
    const p = page(form.body)
    assert.equal(p.h1(), 'M’inscrire aux appels de convivialité')
    assert.equal(p.field('J’accepte que mon nom')?.hasAttribute('checked'), false, 'mayor opt-in unticked')
    assert.match(p.text('main'), /jamais fusionnée avec le registre de la mairie/)

    const { mayorRegister: _, ...withoutMayor } = registerForm()
    const res = await w.clients.resident.post('/appels-de-convivialite/inscription', withoutMayor)
    assert.equal(res.statusCode, 303)
    const mine = await w.clients.resident.get(res.headers.location as string)
    assert.match(page(mine.body).text('main'), /L’inscription est enregistrée/)
    assert.match(page(mine.body).text('main'), /Simone Lefèvre/)
    assert.match(page(mine.body).text('main'), /Pas de transmission au registre de la mairie/)
    const [row] = (await registrationRows(t, w.territory)).filter(
      (r) => r.registeredBy === w.accounts.resident.id,
    )
    assert.equal(row!.registrantKind, 'self')
    assert.equal(row!.mayorRegisterAt, null)
    assert.equal(row!.mayorRegisterWording, null)
    const person = await personRow(t, row!.personId)
    assert.equal(person.accountId, w.accounts.resident.id)
    assert.equal(person.phone, '+33261911001')
    assert.equal(person.communeInsee, '14118')
    assert.match(person.consentWording, /J’accepte d’être appelé/)
    assert.equal((await auditRows(t, 'calls.registered', row!.id)).length, 1)
  })

  it('refuses a registration without consent, writing nothing, and keeps what was typed', async () => {
    const before = [await peopleCount(t), await registrationCount(t)]
    const res = await w.clients.resident.post(
      '/appels-de-convivialite/inscription',
      registerForm({ consent: '' }),
    )
    assert.equal(res.statusCode, 400)
    const p = page(res.body)
    assert.deepEqual(
      p.errorSummary().map((e) => e.href),
      ['#consent'],
    )
    assert.equal((p.field('Prénom') as HTMLInputElement).getAttribute('value'), 'Simone')
    assert.deepEqual([await peopleCount(t), await registrationCount(t)], before)
  })

  it('records the mayor-register opt-in with its wording and date only when ticked', async () => {
    const res = await w.clients.resident.post(
      '/appels-de-convivialite/inscription-proche',
      registerForm({ firstName: 'Marcel', mayorRegister: 'oui' }),
    )
    assert.equal(res.statusCode, 303)
    const row = (await registrationRows(t, w.territory)).find((r) => r.registrantKind === 'relative')!
    assert.match(row.mayorRegisterWording ?? '', /registre des personnes vulnérables/)
    assert.deepEqual(row.mayorRegisterAt, t.clock.now())
    const person = await personRow(t, row.personId)
    assert.equal(person.accountId, null, 'a relative’s registration is not the relative’s own record')
    assert.match(person.consentWording, /^Déclaration de Rose Résidente : « La personne que j’inscris/)
  })

  it('lets an agent register a person with the consent read, and no one else use that page', async () => {
    const form = await w.clients.agent.get('/administration/appels/inscription')
    assert.equal(form.statusCode, 200)
    const row = await w.registerByAgent({ firstName: 'Yvette', consentWording: 'Lu au téléphone : oui.' })
    assert.equal(row.registrantKind, 'agent')
    assert.equal((await personRow(t, row.personId)).consentWording, 'Lu au téléphone : oui.')
    const empty = await w.clients.agent.post(
      '/administration/appels/inscription',
      registerForm({ consentWording: ' ' }),
    )
    assert.equal(empty.statusCode, 400)
    assert.deepEqual(
      page(empty.body)
        .errorSummary()
        .map((e) => e.href),
      ['#consentWording'],
    )
    const before = await registrationCount(t)
    for (const who of ['resident', 'karim', 'unverified'] as const) {
      assert.equal((await w.clients[who].get('/administration/appels/inscription')).statusCode, 403, who)
      const res = await w.clients[who].post('/administration/appels/inscription', registerForm())
      assert.equal(res.statusCode, 403, who)
    }
    assert.equal(await registrationCount(t), before)
  })

  it('pauses and resumes for the registrant only; another resident is told « not found »', async () => {
    const row = (await registrationRows(t, w.territory)).find((r) => r.registrantKind === 'relative')!
    const stranger = await new Client(t, w.host).signInDirectly(await makeAccount(t, w.territory))
    assert.equal((await stranger.post(`/appels-de-convivialite/${row.id}/pause`, {})).statusCode, 404)
    assert.equal(
      (await w.clients.foreign.post(`/appels-de-convivialite/${row.id}/pause`, {})).statusCode,
      404,
    )
    assert.equal((await registrationRow(t, row.id)).status, 'active')
    const paused = await w.clients.resident.post(`/appels-de-convivialite/${row.id}/pause`, {})
    assert.equal(paused.statusCode, 303)
    assert.equal((await registrationRow(t, row.id)).status, 'paused')
    assert.match(
      page((await w.clients.resident.get(paused.headers.location as string)).body).text('main'),
      /en pause/,
    )
    assert.equal(
      (await w.clients.resident.post(`/appels-de-convivialite/${row.id}/pause`, {})).statusCode,
      409,
    )
    assert.equal(
      (await w.clients.resident.post(`/appels-de-convivialite/${row.id}/reprise`, {})).statusCode,
      303,
    )
    assert.equal((await registrationRow(t, row.id)).status, 'active')
  })

  it('withdraws: out of the register, pairing ended and campaign entries removed, in one transaction', async () => {
    const row = await w.registerByAgent({ firstName: 'Odile' })
    assert.equal((await w.pair(row.id, w.accounts.karim)).statusCode, 303)
    const started = await w.clients.coordinator.post('/administration/appels/campagnes', {
      title: 'Canicule',
      reason: 'canicule',
      commune: '',
    })
    const campaignId = (started.headers.location as string).split('/')[3]!.split('?')[0]!
    assert.ok((await entryRows(t, campaignId)).some((e) => e.registrationId === row.id))
    // The coordinator withdraws it on the person's word (an agent's registration has no registrant online).
    const res = await w.clients.coordinator.post(`/appels-de-convivialite/${row.id}/retrait`, {})
    assert.equal(res.statusCode, 303)
    const after = await registrationRow(t, row.id)
    assert.equal(after.status, 'withdrawn')
    assert.deepEqual(after.withdrawnAt, t.clock.now())
    assert.ok((await pairingRows(t, row.id)).every((p) => p.endedAt !== null))
    assert.equal((await entryRows(t, campaignId)).filter((e) => e.registrationId === row.id).length, 0)
    assert.equal((await auditRows(t, 'calls.withdrawn', row.id)).length, 1)
    // Karim no longer sees her.
    assert.equal((await w.clients.karim.get(`/appels-de-convivialite/personnes/${row.id}`)).statusCode, 404)
  })

  it('ends a person’s calls from the phone line’s hook, in the caller’s transaction, all or nothing', async () => {
    const row = await w.registerByAgent({ firstName: 'Paulette' })
    await w.pair(row.id, w.accounts.lea)
    await assert.rejects(
      t.db.db.transaction(async (tx) => {
        await endCallsOfPerson(tx, { territoryId: w.territory.id, personId: row.personId, at: t.clock.now() })
        throw new Error('the phone line’s transaction fails')
      }),
    )
    assert.equal((await registrationRow(t, row.id)).status, 'active', 'rolled back with the phone line')
    const done = await t.db.db.transaction((tx) =>
      endCallsOfPerson(tx, { territoryId: w.territory.id, personId: row.personId, at: t.clock.now() }),
    )
    assert.deepEqual(done, { withdrawn: 1, pairingsEnded: 1, entriesRemoved: 0 })
    assert.equal((await registrationRow(t, row.id)).status, 'withdrawn')
    const same = await t.db.db.select().from(callRegistrations)
    assert.ok(same.length > 0)
  })

  it('turns a visitor away from every calls page, writing nothing', async () => {
    const visitor = new Client(t, w.host)
    const row = await w.registerByAgent({ firstName: 'Visite' })
    const before = [await peopleCount(t), await registrationCount(t)]
    const id = row.id
    for (const url of [
      '/appels-de-convivialite',
      '/appels-de-convivialite/inscription',
      '/appels-de-convivialite/inscription-proche',
      '/appels-de-convivialite/appelant',
      `/appels-de-convivialite/personnes/${id}`,
      `/appels-de-convivialite/campagnes/${id}`,
      `/appels-de-convivialite/campagnes/${id}/appels/${id}`,
      '/administration/appels',
      '/administration/appels/inscription',
    ]) {
      const res = await visitor.get(url)
      assert.ok([302, 303, 401].includes(res.statusCode), `${url}: ${res.statusCode}`)
      assert.doesNotMatch(res.body, /02 61 91 10 01/)
    }
    for (const url of [
      '/appels-de-convivialite/inscription',
      '/appels-de-convivialite/inscription-proche',
      `/appels-de-convivialite/${id}/retrait`,
      '/appels-de-convivialite/appelant',
      `/appels-de-convivialite/personnes/${id}/appel`,
      `/appels-de-convivialite/campagnes/${id}/suivante`,
      `/appels-de-convivialite/campagnes/${id}/appels/${id}`,
      '/administration/appels/inscription',
      '/administration/appels/appariements',
      `/administration/appels/appariements/${id}/fin`,
      '/administration/appels/campagnes',
      `/administration/appels/campagnes/${id}/arret`,
      `/administration/appels/campagnes/${id}/terminer`,
    ]) {
      const res = await visitor.post(url, { ...registerForm(), outcome: 'ok', reason: 'x', title: 'x' })
      assert.ok([302, 303, 401, 403].includes(res.statusCode), `${url}: ${res.statusCode}`)
      assert.ok(!String(res.headers.location ?? '').startsWith('/appels-de-convivialite?fait'), url)
    }
    assert.deepEqual([await peopleCount(t), await registrationCount(t)], before)
    assert.equal((await registrationRow(t, id)).status, 'active')
  })
})
