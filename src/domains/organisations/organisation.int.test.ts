import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { h } from 'preact'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { organisationForm, organisationWorld } from '../../../test/helpers/organisations.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import { organisations } from './organisation.schema.ts'
import { seedOrganisation } from './organisation-seed.ts'
import { organisationsModule } from './organisations.module.ts'

const _HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)

describe('organisations: creation, editing and the public page', () => {
  let t: TestApp
  let w: Awaited<ReturnType<typeof organisationWorld>>
  before(async () => {
    // The module as the app's assembly would give it two sections, served under /essai.
    const withSections = organisationsModule({
      sections: [
        () =>
          async ({ organisation }) =>
            h('section', null, h('h2', null, `Missions de ${organisation.name}`)),
        () =>
          async ({ organisation }) =>
            h('section', null, h('h2', null, `Besoins de ${organisation.name}`)),
        () => async () => null,
      ],
    })
    t = await buildTestApp({}, (app) => {
      app.register(withSections.routes[0]!, { ...app.services, prefix: '/essai' } as never)
    })
    w = await organisationWorld(t, 'organisations')
  })
  after(() => t.close())

  it('creates a pending organisation whose creator is its first manager, and shows it to him only', async () => {
    const { account, client } = await w.signedIn()
    const empty = page((await client.get('/organisations/nouvelle')).body)
    assert.equal(empty.h1(), 'Inscrire une organisation')
    assert.ok(empty.field('Nom de l’organisation'))
    const res = await client.post('/organisations/nouvelle', organisationForm())
    assert.equal(res.statusCode, 303)
    const id = /\/organisations\/([\w-]+)\?fait=creee/.exec(res.headers.location as string)![1]!
    assert.equal((await w.row(id)).status, 'pending')
    assert.deepEqual(await w.members(id), [`${account.id}:manager`])
    const shown = page((await client.get(`/organisations/${id}`)).body)
    assert.equal(shown.h1(), 'Les Restos du cœur de Bayeux')
    assert.match(shown.text(), /En attente de vérification/)
    assert.equal(shown.link('Modifier l’organisation'), `/organisations/${id}/modifier`)
    assert.equal(shown.link('Changer le logo'), `/organisations/${id}/logo/modifier`)
    // the app's own assembly hands the missions' section in; it speaks to the manager
    assert.match(shown.text(), /Aucune mission ouverte pour le moment/)
    const { client: stranger } = await w.signedIn()
    assert.equal((await stranger.get(`/organisations/${id}`)).statusCode, 404)
    assert.equal((await w.visitor().get(`/organisations/${id}`)).statusCode, 404)
    const audit = await t.db.db.select().from(auditLog).where(eq(auditLog.targetId, id))
    assert.deepEqual(
      audit.map((a) => a.action),
      ['organisation.created'],
    )
  })

  it('reads an overseas phone as such and shows the number as people read it, the form too', async () => {
    const { client } = await w.signedIn()
    const res = await client.post(
      '/organisations/nouvelle',
      organisationForm({ registration: '', contactKind: 'phone', contactValue: '05 90 12 34 56' }),
    )
    assert.equal(res.statusCode, 303)
    const id = /\/organisations\/([\w-]+)\?fait=creee/.exec(res.headers.location as string)![1]!
    assert.equal((await w.row(id)).contactValue, '+590590123456')
    const shown = page((await client.get(`/organisations/${id}`)).body)
    assert.equal(shown.link('0590 12 34 56'), 'tel:+590590123456')
    const form = page((await client.get(`/organisations/${id}/modifier`)).body)
    assert.equal(form.field('Contact public')?.getAttribute('value'), '0590 12 34 56')
  })

  it('refuses an unconfirmed address, bad numbers and a duplicate, in French, writing nothing', async () => {
    const { client: unverified } = await w.signedIn(w.calvados, { emailVerifiedAt: null })
    assert.equal(
      (await unverified.post('/organisations/nouvelle', organisationForm({ registration: '' }))).statusCode,
      403,
    )
    const { client } = await w.signedIn()
    const before = (await t.db.db.select().from(organisations)).length
    const cases: [string, string][] = [
      ['1234', 'Le numéro SIRET doit compter 14 chiffres'],
      ['552 100 554 00014', 'clé de contrôle'],
      ['W12', 'W suivi de 9 chiffres'],
      ['W141234567', 'déjà ce numéro'],
    ]
    for (const [registration, message] of cases) {
      const res = await client.post('/organisations/nouvelle', organisationForm({ registration }))
      assert.equal(res.statusCode, 400, registration)
      const summary = page(res.body).errorSummary()
      assert.ok(
        summary.some((e) => e.text.includes(message) && e.href === '#registration'),
        registration,
      )
    }
    const bad = await client.post(
      '/organisations/nouvelle',
      organisationForm({ registration: '', contactKind: 'website', contactValue: 'javascript:alert(1)' }),
    )
    assert.equal(bad.statusCode, 400)
    assert.equal((await t.db.db.select().from(organisations)).length, before)
  })

  it('lets managers only edit; others get 404 and nothing changes', async () => {
    const { account, client } = await w.signedIn()
    const { account: member, client: memberClient } = await w.signedIn()
    const id = await seedOrganisation(t.db.db, {
      territoryId: w.calvados.id,
      name: 'Atelier couture',
      kind: 'workshop',
      communeInsee: '14047',
      managerId: account.id,
      memberIds: [member.id],
    })
    const edit = page((await client.get(`/organisations/${id}/modifier`)).body)
    assert.equal(edit.h1(), 'Modifier Atelier couture')
    assert.equal((await memberClient.get(`/organisations/${id}/modifier`)).statusCode, 404)
    assert.equal(
      (await memberClient.post(`/organisations/${id}/modifier`, organisationForm({ registration: '' })))
        .statusCode,
      404,
    )
    const { client: mancheClient } = await w.signedIn(w.manche)
    assert.equal((await mancheClient.get(`/organisations/${id}`)).statusCode, 404)
    assert.equal((await w.row(id)).name, 'Atelier couture')
    const saved = await client.post(
      `/organisations/${id}/modifier`,
      organisationForm({ name: 'Atelier couture de Bayeux', kind: 'workshop', registration: '' }),
    )
    assert.equal(saved.statusCode, 303)
    assert.equal((await w.row(id)).name, 'Atelier couture de Bayeux')
  })

  it('renders the sections handed in, in order, after the page’s own', async () => {
    const { account } = await w.signedIn()
    const id = await seedOrganisation(t.db.db, {
      territoryId: w.calvados.id,
      name: 'Jardin partagé',
      communeInsee: '14047',
      managerId: account.id,
    })
    const res = await w.visitor().get(`/essai/organisations/${id}`)
    assert.equal(res.statusCode, 200)
    const shown = page(res.body)
    assert.deepEqual(shown.all('h2').slice(-2), ['Missions de Jardin partagé', 'Besoins de Jardin partagé'])
    assert.equal(shown.text('.results li'), 'Commune : Bayeux')
  })
})
