import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { isVerifiedVolunteer } from './volunteer.repository.ts'
import { volunteerVerifications } from './volunteer.schema.ts'

type Account = Awaited<ReturnType<typeof makeAccount>>
const PATH = '/administration/benevoles-verifies'

describe('verified volunteers: coordinators verify and withdraw, in their territory only', () => {
  let t: TestApp
  let calvados: Territory
  let manche: Territory
  let coordinator: Account
  let coord: Client
  const host = () => calvados.hostnames[0]!
  const staff = (account: Account) =>
    new Client(t, host()).signInDirectly(account, { staff: true, secondFactor: true })
  const verified = (account: { id: string }, territory = calvados) =>
    isVerifiedVolunteer(t.db.db, territory.id, account.id, t.clock.now())
  const rowsOf = (accountId: string) =>
    t.db.db.select().from(volunteerVerifications).where(eq(volunteerVerifications.accountId, accountId))

  before(async () => {
    t = await buildTestApp()
    // 16 March 2026, 10:00 in Paris.
    t.clock.set('2026-03-16T09:00:00Z')
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    manche = await makeTerritory(t.app.services, { platformName: 'Entraide Manche', departements: ['50'] })
    coordinator = await makeAccount(t, calvados, {
      roles: ['coordinator'],
      displayName: 'Claire Coordinatrice',
    })
    coord = await staff(coordinator)
  })
  after(() => t.close())

  it('is a coordinator’s and administrator’s page, not a resident’s or a moderator’s', async () => {
    const resident = await new Client(t, host()).signInDirectly(await makeAccount(t, calvados))
    assert.equal((await resident.get(PATH)).statusCode, 403)
    const moderator = await staff(await makeAccount(t, calvados, { roles: ['moderator'] }))
    assert.equal((await moderator.get(PATH)).statusCode, 403)
    const home = page((await coord.get('/administration')).body)
    assert.equal(home.link('Bénévoles vérifiés'), PATH)
    assert.equal(home.link('Demandes sans réponse'), '/administration/demandes-sans-reponse')
    const res = await coord.get(PATH)
    assert.equal(res.statusCode, 200)
    const form = page(res.body)
    assert.equal(form.h1(), 'Bénévoles vérifiés')
    assert.match(form.text('main'), /Personne n’est vérifié pour le moment/)
    assert.ok(form.field('Adresse électronique de la personne'))
    assert.ok(form.field('Vérification valable jusqu’au'))
    assert.match(form.text('main'), /N’écrivez jamais le numéro d’un document/)
  })

  it('verifies a person by address for a year by default, lists them, and audits it', async () => {
    const nina = await makeAccount(t, calvados, { displayName: 'Nina Nounou', email: 'nina@exemple.test' })
    assert.equal(await verified(nina), false)
    const res = await coord.post(PATH, {
      email: 'Nina@Exemple.test',
      until: '',
      note: 'Pièce d’identité vue, deux références appelées',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${PATH}?fait=verifie`)
    assert.equal(await verified(nina), true)
    const [row] = await rowsOf(nina.id)
    assert.equal(row?.verifiedBy, coordinator.id)
    assert.equal(row?.territoryId, calvados.id)
    // Valid through 16 March 2027 in Paris: it ends at midnight that night (23:00 UTC in winter).
    assert.equal(row?.expiresAt.toISOString(), '2027-03-16T23:00:00.000Z')
    const list = page((await coord.get(res.headers.location as string)).body)
    assert.match(list.text('.success'), /La vérification est enregistrée/)
    assert.deepEqual(list.all('tbody th[scope=row]'), ['Nina Nounou'])
    const cells = list.all('tbody td')
    assert.deepEqual(cells.slice(0, 5), [
      'nina@exemple.test',
      'Claire Coordinatrice',
      '16 mars 2026',
      '16 mars 2027',
      'Pièce d’identité vue, deux références appelées',
    ])
    const [entry] = await t.db.db.select().from(auditLog).where(eq(auditLog.targetId, nina.id))
    assert.equal(entry?.action, 'volunteer.verified')
    assert.equal(entry?.actorId, coordinator.id)
    assert.deepEqual(entry?.details, { until: '2027-03-16' })
    assert.doesNotMatch(JSON.stringify(entry), /identité/)
  })

  it('refuses unknown addresses, other territories’ accounts and bad dates, storing nothing', async () => {
    const outside = await makeAccount(t, manche, { email: 'marin@manche.test' })
    const cases: [Record<string, string>, string, string][] = [
      [{ email: '' }, '#email', 'Indiquez l’adresse électronique de la personne'],
      [
        { email: 'personne@nulle-part.test' },
        '#email',
        'Aucun compte sur Entraide Calvados n’a cette adresse électronique',
      ],
      [
        { email: 'marin@manche.test' },
        '#email',
        'Aucun compte sur Entraide Calvados n’a cette adresse électronique',
      ],
      [
        { email: 'marin@manche.test', until: '31/02/2027' },
        '#until',
        'Indiquez une date réelle, par exemple 16/03/2027',
      ],
      [
        { email: 'marin@manche.test', until: '2026-03-16' },
        '#until',
        'La date de fin doit être après aujourd’hui',
      ],
      [{ email: 'marin@manche.test', until: '2029-03-17' }, '#until', 'Une vérification vaut 3 ans au plus'],
      [{ email: 'marin@manche.test', note: 'x'.repeat(501) }, '#note', 'Écrivez 500 caractères au plus'],
    ]
    for (const [form, href, text] of cases) {
      const res = await coord.post(PATH, { until: '', note: '', ...form })
      assert.equal(res.statusCode, 400, JSON.stringify(form))
      const errors = page(res.body).errorSummary()
      assert.ok(
        errors.some((e) => e.href === href && e.text === text),
        `${JSON.stringify(form)}: ${JSON.stringify(errors)}`,
      )
    }
    const kept = page(
      (await coord.post(PATH, { email: 'inconnu@exemple.test', until: '2027-01-05', note: 'vu' })).body,
    )
    assert.equal(kept.document.querySelector('#email')?.getAttribute('value'), 'inconnu@exemple.test')
    assert.equal(kept.document.querySelector('#until')?.getAttribute('value'), '2027-01-05')
    assert.equal((await rowsOf(outside.id)).length, 0)
    // Three years to the day is the longest allowed.
    const ok = await coord.post(PATH, { email: 'marin@manche.test', until: '2029-03-16', note: '' })
    assert.equal(ok.statusCode, 400, 'still not an account of this territory')
    const local = await makeAccount(t, calvados, { email: 'long@exemple.test' })
    assert.equal(
      (await coord.post(PATH, { email: 'long@exemple.test', until: '2029-03-16', note: '' })).statusCode,
      303,
    )
    assert.equal((await rowsOf(local.id))[0]?.expiresAt.toISOString(), '2029-03-16T23:00:00.000Z')
  })

  it('stops holding once expired, and a new verification replaces the current one', async () => {
    const paul = await makeAccount(t, calvados, { email: 'paul@exemple.test' })
    const first = await coord.post(PATH, { email: 'paul@exemple.test', until: '20/03/2026', note: '' })
    assert.equal(first.statusCode, 303)
    assert.equal(await verified(paul), true)
    t.clock.set('2026-03-20T21:00:00Z') // 22:00 in Paris on the last day
    assert.equal(await verified(paul), true)
    t.clock.set('2026-03-20T23:00:01Z') // just past midnight in Paris
    assert.equal(await verified(paul), false)
    // Four days later the staff session has long ended: sign in again.
    coord = await staff(coordinator)
    assert.ok(
      !page((await coord.get(PATH)).body)
        .text('tbody')
        .includes('paul@exemple.test'),
    )

    await coord.post(PATH, { email: 'paul@exemple.test', until: '2026-06-01', note: '' })
    await coord.post(PATH, { email: 'paul@exemple.test', until: '2026-09-01', note: '' })
    assert.equal(await verified(paul), true)
    const rows = await rowsOf(paul.id)
    assert.equal(rows.length, 3)
    assert.equal(rows.filter((r) => r.revokedAt === null).length, 2, 'the expired one and the newest')
    const listed = page((await coord.get(PATH)).body)
      .all('tbody td')
      .filter((c) => c === 'paul@exemple.test')
    assert.equal(listed.length, 1)
  })

  it('withdraws a verification with who and when, audited; another territory’s id is not found', async () => {
    const zoe = await makeAccount(t, calvados, { email: 'zoe@exemple.test', displayName: 'Zoé Visite' })
    await coord.post(PATH, { email: 'zoe@exemple.test', until: '', note: '' })
    const [row] = await rowsOf(zoe.id)
    const list = page((await coord.get(PATH)).body)
    const form = list.document.querySelector(`form[action="${PATH}/${row!.id}/retirer"]`)
    assert.match(form?.textContent ?? '', /Retirer\s+Zoé Visite/)

    const resident = await new Client(t, host()).signInDirectly(await makeAccount(t, calvados))
    assert.equal((await resident.post(`${PATH}/${row!.id}/retirer`, {})).statusCode, 403)
    assert.equal((await coord.post(`${PATH}/${row!.id}/retirer`, {}, { withoutCsrf: true })).statusCode, 403)
    assert.equal(await verified(zoe), true)

    const res = await coord.post(`${PATH}/${row!.id}/retirer`, {})
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${PATH}?fait=retire`)
    assert.equal(await verified(zoe), false)
    const [ended] = await rowsOf(zoe.id)
    assert.equal(ended?.revokedBy, coordinator.id)
    assert.equal(ended?.revokedAt?.getTime(), t.clock.now().getTime())
    const actions = (await t.db.db.select().from(auditLog).where(eq(auditLog.targetId, zoe.id))).map(
      (a) => a.action,
    )
    assert.deepEqual(actions.sort(), ['volunteer.revoked', 'volunteer.verified'])
    assert.equal((await coord.post(`${PATH}/${row!.id}/retirer`, {})).statusCode, 404)

    // A verification in the Manche, seen from the Calvados: not found, and still holding.
    const marin = await makeAccount(t, manche)
    const mancheId = t.app.services.ids()
    await t.db.db.insert(volunteerVerifications).values({
      id: mancheId,
      territoryId: manche.id,
      accountId: marin.id,
      verifiedBy: null,
      verifiedAt: t.clock.now(),
      expiresAt: new Date(t.clock.now().getTime() + 86_400_000 * 30),
    })
    assert.equal((await coord.post(`${PATH}/${mancheId}/retirer`, {})).statusCode, 404)
    assert.equal(await verified(marin, manche), true)
    assert.equal(await verified(marin, calvados), false)
  })
})
