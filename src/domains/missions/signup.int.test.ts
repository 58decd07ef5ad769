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
  verifyVolunteer,
} from '../../../test/helpers/missions.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

const row = (date: string, start = '09:00', end = '12:00', places = '3') => ({ date, start, end, places })

describe('sign-ups: volunteers sign up to slots, withdraw until the deadline; the organisation sees who comes', () => {
  let t: TestApp
  let calvados: Territory
  let org: Awaited<ReturnType<typeof makeOrganisation>>
  const host = () => calvados.hostnames[0]!
  const volunteer = async (name: string, overrides = {}) => {
    const account = await makeAccount(t, calvados, { displayName: name, ...overrides })
    return { account, client: await new Client(t, host()).signInDirectly(account) }
  }

  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-03-16T09:00:00Z')
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    org = await makeOrganisation(t, calvados)
  })
  after(() => t.close())

  it('shows the mission to all, the address only to those signed up and to the organisation', async () => {
    const { mission, slots } = await postMission(t, calvados, org, [row('2026-04-04')], {
      address: '3 rue du Port',
    })
    const visitor = page((await new Client(t, host()).get(`/missions/${mission.id}`)).body)
    assert.equal(visitor.h1(), 'Distribution de colis')
    assert.equal(visitor.link('Les Restos du Cœur de Caen'), `/organisations/${org.id}`)
    assert.match(visitor.text('main'), /Caen/)
    assert.doesNotMatch(visitor.text('main'), /3 rue du Port/)
    assert.equal(
      visitor.link('Connectez-vous pour vous inscrire'),
      `/connexion?retour=${encodeURIComponent(`/missions/${mission.id}`)}`,
    )
    assert.deepEqual(visitor.all('main li'), [
      'samedi 4 avril 2026 de 09:00 à 12:00 – 3 places sur 3 restantes',
    ])
    const zoe = await volunteer('Zoé')
    assert.doesNotMatch(
      page((await zoe.client.get(`/missions/${mission.id}`)).body).text('main'),
      /3 rue du Port/,
    )
    const res = await zoe.client.post(`/missions/${mission.id}/inscription`, { creneau: slots[0]!.id })
    assert.equal(res.headers.location, `/missions/${mission.id}?fait=inscrit`)
    const after = page((await zoe.client.get(res.headers.location as string)).body)
    assert.match(after.text('.success'), /Vous êtes inscrit/)
    assert.match(after.text('main'), /3 rue du Port/)
    assert.deepEqual(after.all('label.choice'), [
      'samedi 4 avril 2026 de 09:00 à 12:00 – 2 places sur 3 restantes',
    ])
    assert.match(
      page((await org.memberClient.get(`/missions/${mission.id}`)).body).text('main'),
      /3 rue du Port/,
    )
  })

  it('refuses an account whose address is not confirmed, with a clear message, and writes nothing', async () => {
    const { mission, slots } = await postMission(t, calvados, org, [row('2026-04-04')])
    const newcomer = await volunteer('Nouveau', { emailVerifiedAt: null })
    const shown = page((await newcomer.client.get(`/missions/${mission.id}`)).body)
    assert.match(shown.text('main'), /Confirmez d’abord votre adresse électronique/)
    const res = await newcomer.client.post(`/missions/${mission.id}/inscription`, { creneau: slots[0]!.id })
    assert.equal(res.statusCode, 403)
    assert.equal((await signupsOfMission(t, mission.id)).length, 0)
  })

  it('takes only verified volunteers when the mission asks it', async () => {
    const { mission, slots } = await postMission(t, calvados, org, [row('2026-04-04')], {
      needsVerifiedVolunteer: true,
    })
    const lea = await volunteer('Léa')
    const res = await lea.client.post(`/missions/${mission.id}/inscription`, { creneau: slots[0]!.id })
    assert.equal(res.statusCode, 409)
    assert.match(page(res.body).errorSummary()[0]!.text, /réservée aux bénévoles vérifiés/)
    assert.equal((await signupsOfMission(t, mission.id)).length, 0)
    await verifyVolunteer(t, calvados, lea.account.id)
    const ok = await lea.client.post(`/missions/${mission.id}/inscription`, { creneau: slots[0]!.id })
    assert.equal(ok.statusCode, 303)
  })

  it('signs up to several slots at once, all or nothing, naming the full ones', async () => {
    const { mission, slots } = await postMission(t, calvados, org, [
      row('2026-04-04', '09:00', '12:00', '1'),
      row('2026-04-11', '09:00', '12:00', '2'),
    ])
    const [a, b] = [await volunteer('Alice'), await volunteer('Bruno')]
    const both = slots.map((s) => s.id)
    assert.equal(
      (await a.client.post(`/missions/${mission.id}/inscription`, { creneau: both })).statusCode,
      303,
    )
    assert.deepEqual(
      (await slotsOfMission(t, mission.id)).map((s) => s.taken),
      [1, 1],
    )
    const res = await b.client.post(`/missions/${mission.id}/inscription`, { creneau: both })
    assert.equal(res.statusCode, 409)
    const shown = page(res.body)
    assert.equal(
      shown.errorSummary()[0]?.text,
      'Complet : samedi 4 avril 2026 de 09:00 à 12:00. Aucune inscription n’a été enregistrée ; choisissez parmi les créneaux restants.',
    )
    assert.deepEqual(shown.all('label.choice'), [
      'samedi 4 avril 2026 de 09:00 à 12:00 – Complet',
      'samedi 11 avril 2026 de 09:00 à 12:00 – 1 place sur 2 restante',
    ])
    assert.equal(
      shown.document.querySelector(`input[value="${slots[0]!.id}"]`)?.hasAttribute('disabled'),
      true,
    )
    // Nothing kept of Bruno's attempt: the second slot's place was given back with the transaction.
    assert.deepEqual(
      (await slotsOfMission(t, mission.id)).map((s) => s.taken),
      [1, 1],
    )
    assert.equal(
      (await signupsOfMission(t, mission.id)).filter((s) => s.accountId === b.account.id).length,
      0,
    )
    const again = await a.client.post(`/missions/${mission.id}/inscription`, { creneau: slots[1]!.id })
    assert.match(page(again.body).errorSummary()[0]!.text, /^Vous êtes déjà inscrit à : samedi 11 avril/)
    const none = await b.client.post(`/missions/${mission.id}/inscription`, {})
    assert.equal(page(none.body).errorSummary()[0]?.text, 'Choisissez au moins un créneau')
    const unknown = await b.client.post(`/missions/${mission.id}/inscription`, { creneau: 'x' })
    assert.match(page(unknown.body).errorSummary()[0]!.text, /Ce créneau n’existe pas/)
  })

  it('lets a volunteer withdraw until the deadline, then says to contact the organisation', async () => {
    const { mission, slots } = await postMission(t, calvados, org, [row('2026-03-18'), row('2026-04-04')], {
      withdrawHours: '48',
    })
    const zoe = await volunteer('Zoé Retrait')
    await zoe.client.post(`/missions/${mission.id}/inscription`, { creneau: slots.map((s) => s.id) })
    const mine = page((await zoe.client.get('/mes-missions')).body)
    assert.deepEqual(mine.all('main h2'), ['Distribution de colis', 'Distribution de colis'])
    assert.deepEqual(mine.all('main li > p:first-of-type'), [
      'mercredi 18 mars 2026 de 09:00 à 12:00',
      'samedi 4 avril 2026 de 09:00 à 12:00',
    ])
    const signups = await signupsOfMission(t, mission.id)
    const soon = signups.find((s) => s.slotId === slots[0]!.id)!
    const later = signups.find((s) => s.slotId === slots[1]!.id)!
    // Wednesday 9:00 is less than 48 hours away.
    const late = await zoe.client.post(`/mes-missions/${soon.id}/retirer`, {})
    assert.equal(late.statusCode, 409)
    assert.match(
      page(late.body).text('main'),
      /jusqu’à 48 heures avant le créneau. Prévenez directement l’organisation/,
    )
    const ok = await zoe.client.post(`/mes-missions/${later.id}/retirer`, {})
    assert.equal(ok.headers.location, '/mes-missions?fait=retire')
    assert.deepEqual(
      (await slotsOfMission(t, mission.id)).map((s) => s.taken),
      [1, 0],
    )
    // Someone else's sign-up is not found; a second withdrawal changes nothing.
    const other = await volunteer('Autre')
    assert.equal((await other.client.post(`/mes-missions/${soon.id}/retirer`, {})).statusCode, 404)
    assert.equal((await zoe.client.post(`/mes-missions/${later.id}/retirer`, {})).statusCode, 409)
    assert.deepEqual(
      (await slotsOfMission(t, mission.id)).map((s) => s.taken),
      [1, 0],
    )
    const [mail] = await outboxMails(t, org.manager.email)
    assert.equal(mail?.subject, 'Un désistement à votre mission « Distribution de colis »')
    assert.match(mail!.text, /Zoé Retrait s’est désisté/)
  })

  it('shows who is coming to the organisation only, exports CSV with formulas neutralised', async () => {
    const { mission, slots } = await postMission(t, calvados, org, [row('2026-04-04')])
    const hostile = await volunteer('=HYPERLINK("http://evil.example")')
    const plain = await volunteer('Paul; "le grand"')
    for (const v of [hostile, plain])
      await v.client.post(`/missions/${mission.id}/inscription`, { creneau: slots[0]!.id })
    const other = await makeOrganisation(t, calvados, { name: 'Voisins' })
    for (const client of [other.managerClient, hostile.client, new Client(t, host())]) {
      const res = await client.get(`/missions/${mission.id}/inscrits`)
      assert.ok([404, 303].includes(res.statusCode), `${res.statusCode}`)
      assert.ok([404, 303].includes((await client.get(`/missions/${mission.id}/inscrits.csv`)).statusCode))
    }
    const roster = page((await org.memberClient.get(`/missions/${mission.id}/inscrits`)).body)
    assert.deepEqual(roster.all('tbody th[scope=row]'), [
      '=HYPERLINK("http://evil.example")',
      'Paul; "le grand"',
    ])
    assert.doesNotMatch(roster.text('main'), /@exemple\.test/)
    const csv = await org.memberClient.get(`/missions/${mission.id}/inscrits.csv`)
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8')
    assert.match(String(csv.headers['content-disposition']), /^attachment; filename="inscrits-/)
    assert.equal(
      csv.body,
      '\uFEFFCréneau;Annulé;Nom;Statut\r\n' +
        `samedi 4 avril 2026 de 09:00 à 12:00;;"'=HYPERLINK(""http://evil.example"")";Inscrit\r\n` +
        'samedi 4 avril 2026 de 09:00 à 12:00;;"Paul; ""le grand""";Inscrit\r\n',
    )
  })

  it('after the slot: attendance by managers, and « Remercier » mails once', async () => {
    const { mission, slots } = await postMission(t, calvados, org, [row('2026-03-17')])
    const zoe = await volunteer('Zoé Présente')
    await zoe.client.post(`/missions/${mission.id}/inscription`, { creneau: slots[0]!.id })
    const [signup] = await signupsOfMission(t, mission.id)
    const base = `/missions/${mission.id}/inscrits/${signup!.id}`
    const early = await org.managerClient.post(`${base}/present`, {})
    assert.equal(early.statusCode, 400)
    assert.match(page(early.body).text('.error-summary'), /après la fin du créneau/)
    t.clock.set('2026-03-17T12:00:00Z')
    assert.equal((await org.memberClient.post(`${base}/present`, {})).statusCode, 404)
    assert.equal((await org.managerClient.post(`${base}/present`, {})).statusCode, 303)
    assert.equal((await org.managerClient.post(`${base}/remercier`, {})).statusCode, 303)
    assert.equal((await org.managerClient.post(`${base}/remercier`, {})).statusCode, 303)
    const thanks = (await outboxMails(t, zoe.account.email)).filter(
      (m) => m.subject === 'Merci de votre aide',
    )
    assert.equal(thanks.length, 1)
    assert.match(thanks[0]!.text, /Les Restos du Cœur de Caen vous remercie/)
    const roster = page((await org.managerClient.get(`/missions/${mission.id}/inscrits`)).body)
    assert.deepEqual(roster.all('tbody td:first-of-type'), ['Présent – remercié'])
    t.clock.set('2026-03-16T09:00:00Z')
  })
})
