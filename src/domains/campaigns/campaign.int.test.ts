import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  allCampaigns,
  type CampaignWorld,
  campaignRow,
  campaignWorld,
  pointRows,
} from '../../../test/helpers/campaigns.ts'
import { page } from '../../../test/helpers/html.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import { homeHighlight } from '../territories/index.ts'

const form = (over: Record<string, string> = {}) => ({
  item: 'masks',
  title: 'Masques pour les écoles',
  specification: 'Masque en tissu, deux couches.',
  target: '500',
  unit: 'masques',
  startsOn: '2026-04-01',
  endsOn: '30/04/2026',
  organisationId: '',
  status: 'open',
  ...over,
})

describe('campaigns: staff open them, those who run them manage them, the public sees the open ones', () => {
  let t: TestApp
  let w: CampaignWorld
  before(async () => {
    t = await buildTestApp()
    w = await campaignWorld(t)
  })
  after(() => t.close())

  it('lets staff open a campaign from the administration and lists it with what was made', async () => {
    const staff = await w.staffClient()
    const home = page((await staff.get('/administration')).body)
    assert.equal(home.link('Collectes solidaires'), '/administration/collectes')
    const list = page((await staff.get('/administration/collectes')).body)
    assert.equal(list.h1(), 'Collectes solidaires')
    assert.equal(list.link('Ouvrir une collecte'), '/administration/collectes/nouvelle')
    const blank = page((await staff.get('/administration/collectes/nouvelle')).body)
    assert.equal(blank.document.querySelectorAll('h1').length, 1)
    for (const label of [
      'Objet collecté',
      'Titre',
      'Cahier des charges',
      'Objectif',
      'Unité',
      'Début',
      'Fin',
    ])
      assert.ok(blank.field(label), label)
    assert.ok(blank.all('option').includes('Croix solidaire du Bessin'))
    const res = await staff.post('/administration/collectes/nouvelle', form({ organisationId: w.orgId }))
    assert.equal(res.statusCode, 303)
    const id = /\/collectes\/([0-9a-f-]+)\/gestion/.exec(res.headers.location as string)![1]!
    const row = await campaignRow(t, id)
    assert.equal(row?.status, 'open')
    assert.equal(row?.endsOn, '2026-04-30')
    assert.equal(row?.organisationId, w.orgId)
    const after = page((await staff.get('/administration/collectes')).body)
    assert.ok(after.text('table').includes('Masques pour les écoles'))
    assert.ok(after.text('table').includes('0 masques'))
  })

  it('refuses bad dates, quantities and a delegation outside the verified organisations, in French, writing nothing', async () => {
    const staff = await w.staffClient()
    const before = (await allCampaigns(t)).length
    const cases: [Record<string, string>, string][] = [
      [{ endsOn: '2026-03-31' }, 'La fin doit être le jour du début ou après'],
      [{ startsOn: '31/02/2026' }, 'Indiquez une date valide, par exemple 02/04/2026'],
      [{ target: '0' }, 'La quantité doit être d’au moins 1'],
      [{ target: '-1' }, 'La quantité doit être d’au moins 1'],
      [{ target: '1.5' }, 'Indiquez un nombre entier, sans virgule'],
      [{ target: '1e6' }, 'Indiquez la quantité en chiffres'],
      [{ target: '1000000' }, 'La quantité ne peut pas dépasser 999 999'],
      [
        // Another last digit: an id that names no organisation (a random id may already end in 0).
        { organisationId: w.workshopId.replace(/.$/, (last) => (last === '0' ? '1' : '0')) },
        'Choisissez une organisation vérifiée du territoire',
      ],
      [{ item: 'uranium' }, 'Choisissez l’objet collecté'],
      [{ status: 'closed' }, 'Choisissez l’état de la collecte'],
    ]
    for (const [over, message] of cases) {
      const res = await staff.post('/administration/collectes/nouvelle', form(over))
      assert.equal(res.statusCode, 400, JSON.stringify(over))
      const p = page(res.body)
      assert.ok(
        p.errorSummary().some((e) => e.text === message),
        `${JSON.stringify(over)}: ${JSON.stringify(p.errorSummary())}`,
      )
      for (const e of p.errorSummary()) assert.ok(p.document.getElementById(e.href!.slice(1)), e.href!)
    }
    assert.equal((await allCampaigns(t)).length, before)
  })

  it('keeps the administration to staff: a resident, another territory’s staff and a token get nothing', async () => {
    const resident = await w.client(w.resident)
    assert.equal((await resident.get('/administration/collectes')).statusCode, 403)
    const res = await resident.post('/administration/collectes/nouvelle', form())
    assert.equal(res.statusCode, 403)
    const unconfirmedStaff = await w.client(w.staff)
    assert.notEqual((await unconfirmedStaff.get('/administration/collectes')).statusCode, 200)
  })

  it('answers 404 on every management page to another territory’s staff, a resident and a member; changes nothing', async () => {
    const paths = ['', '/modifier', '/points', '/piece-jointe', '/registre', `/points/${w.pointIds[0]}`]
    const posts: [string, Record<string, string>][] = [
      ['/modifier', form()],
      ['/clore', {}],
      ['/accueil', {}],
      ['/points', { name: 'X', role: 'both', commune: 'Bayeux', address: 'a', hours: 'h' }],
      ['/registre/perte', { lossPointId: w.pointIds[0], lossQuantity: '1', lossReason: 'x' }],
    ]
    const before = await campaignRow(t, w.campaignId)
    const manche = await w.client(w.mancheStaff, { staff: true })
    for (const client of [await w.client(w.resident), await w.client(w.orgMember), manche]) {
      for (const path of paths) {
        const url = `/collectes/${w.campaignId}/gestion${path}`
        assert.equal((await client.get(url)).statusCode, 404, url)
      }
      for (const [path, body] of posts)
        assert.equal(
          (await client.post(`/collectes/${w.campaignId}/gestion${path}`, body)).statusCode,
          404,
          path,
        )
    }
    // Another territory's coordinator, on their own host, does not find this campaign either.
    assert.equal((await manche.get(`/collectes/${w.campaignId}/gestion`)).statusCode, 404)
    assert.deepEqual(await campaignRow(t, w.campaignId), before)
    assert.equal((await pointRows(t, w.campaignId)).length, 3)
  })

  it('refuses every form posted without its CSRF token, changing nothing', async () => {
    const staff = await w.staffClient()
    const before = await campaignRow(t, w.campaignId)
    const count = (await allCampaigns(t)).length
    for (const [url, body] of [
      ['/administration/collectes/nouvelle', form()],
      [`/collectes/${w.campaignId}/gestion/modifier`, form()],
      [`/collectes/${w.campaignId}/gestion/clore`, {}],
      [`/collectes/${w.campaignId}/fabriquer`, { capacity: '5', stock: '0' }],
    ] as const) {
      const res = await staff.post(url, body, { withoutCsrf: true })
      assert.equal(res.statusCode, 403, url)
    }
    assert.deepEqual(await campaignRow(t, w.campaignId), before)
    assert.equal((await allCampaigns(t)).length, count)
  })

  it('lets the delegated organisation’s manager run it, but not change the delegation or feature it', async () => {
    const manager = await w.client(w.orgManager)
    const overview = page((await manager.get(`/collectes/${w.campaignId}/gestion`)).body)
    assert.equal(overview.h1(), 'Gestion : Masques pour les aidants')
    assert.equal(overview.link('Demandes de matériel'), `/collectes/${w.campaignId}/gestion/demandes`)
    assert.equal(overview.link('Répartition'), `/collectes/${w.campaignId}/gestion/repartition`)
    assert.ok(!overview.text().includes('Mettre en avant sur l’accueil'))
    const edit = page((await manager.get(`/collectes/${w.campaignId}/gestion/modifier`)).body)
    assert.equal(edit.field('Organisation qui la mène avec vous'), null)
    assert.equal((await manager.post(`/collectes/${w.campaignId}/gestion/accueil`, {})).statusCode, 404)
    const res = await manager.post(
      `/collectes/${w.campaignId}/gestion/modifier`,
      form({ title: 'Masques pour les aidants du Bessin', organisationId: '' }),
    )
    assert.equal(res.statusCode, 303)
    const row = await campaignRow(t, w.campaignId)
    assert.equal(row?.title, 'Masques pour les aidants du Bessin')
    assert.equal(row?.organisationId, w.orgId)
  })

  it('adds and edits points with the commune field; a bad commune or role is told in French', async () => {
    const staff = await w.staffClient()
    const url = `/collectes/${w.campaignId}/gestion/points`
    const bad = await staff.post(url, {
      name: 'Salle',
      role: 'anywhere',
      commune: '75056',
      address: '',
      hours: 'h',
    })
    assert.equal(bad.statusCode, 400)
    const messages = page(bad.body)
      .errorSummary()
      .map((e) => e.text)
    assert.ok(messages.includes('Choisissez le rôle du point'))
    assert.ok(messages.includes('Indiquez l’adresse du point'))
    assert.ok(messages.includes('Cette commune ne se trouve pas dans le Calvados'), messages.join(' | '))
    const ok = await staff.post(url, {
      name: 'Salle des fêtes',
      role: 'collection',
      commune: 'Falaise (14700)',
      address: '2 place Guillaume',
      hours: 'le samedi, 10 h – 12 h',
    })
    assert.equal(ok.statusCode, 303, ok.body)
    const added = (await pointRows(t, w.campaignId)).find((p) => p.name === 'Salle des fêtes')!
    assert.equal(added.communeInsee, '14258')
    const edit = await staff.post(`${url}/${added.id}`, {
      name: 'Salle des fêtes de Falaise',
      role: 'both',
      commune: '14258',
      address: '2 place Guillaume',
      hours: 'le samedi, 10 h – 12 h',
    })
    assert.equal(edit.statusCode, 303)
    const edited = (await pointRows(t, w.campaignId)).find((p) => p.id === added.id)!
    assert.equal(edited.name, 'Salle des fêtes de Falaise')
    assert.equal(edited.role, 'both')
  })

  it('shows the public an open campaign with its points and progress; a draft is 404 to them', async () => {
    const visitor = await w.client(null)
    const list = page((await visitor.get('/collectes')).body)
    assert.ok(list.link('Masques pour les aidants du Bessin'), list.text())
    const p = page((await visitor.get(`/collectes/${w.campaignId}`)).body)
    assert.equal(p.h1(), 'Masques pour les aidants du Bessin')
    assert.equal(p.link('Je fabrique'), `/collectes/${w.campaignId}/fabriquer`)
    assert.equal(p.link('J’ai besoin de masques'), `/collectes/${w.campaignId}/demander`)
    assert.ok(p.text().includes('Pharmacie de Lisieux'), p.text())
    assert.ok(p.text().includes('0 masques fabriqués sur 500'), p.text())
    assert.ok(p.document.querySelector('progress[aria-labelledby]'))
    const staff = await w.staffClient()
    const draft = await staff.post(
      '/administration/collectes/nouvelle',
      form({ status: 'draft', title: 'Brouillon' }),
    )
    const draftId = /\/collectes\/([0-9a-f-]+)\//.exec(draft.headers.location as string)![1]!
    assert.equal((await visitor.get(`/collectes/${draftId}`)).statusCode, 404)
    assert.equal((await visitor.get(`/collectes/${draftId}/avancement`)).statusCode, 404)
    assert.ok(
      !page((await visitor.get('/collectes')).body)
        .text()
        .includes('Brouillon'),
    )
    assert.equal((await visitor.get('/collectes/pas-un-id')).statusCode, 404)
  })

  it('features an open campaign on the home page (audited) and closing it takes the highlight down', async () => {
    const staff = await w.staffClient()
    const res = await staff.post(`/collectes/${w.campaignId}/gestion/accueil`, {})
    assert.equal(res.statusCode, 303)
    const highlight = await homeHighlight(t.db.db, w.calvados.id)
    assert.equal(highlight?.source, `campaign:${w.campaignId}`)
    assert.equal(highlight?.href, `/collectes/${w.campaignId}`)
    const overview = page((await staff.get(`/collectes/${w.campaignId}/gestion`)).body)
    assert.ok(overview.text().includes('Retirer de l’accueil'))
    const audits = await t.db.db.select().from(auditLog)
    assert.ok(audits.some((a) => a.action === 'campaign.highlighted' && a.targetId === w.campaignId))
    assert.equal((await staff.post(`/collectes/${w.campaignId}/gestion/clore`, {})).statusCode, 303)
    assert.equal((await campaignRow(t, w.campaignId))?.status, 'closed')
    assert.equal(await homeHighlight(t.db.db, w.calvados.id), null)
    assert.equal((await staff.post(`/collectes/${w.campaignId}/gestion/ouvrir`, {})).statusCode, 303)
    assert.equal((await campaignRow(t, w.campaignId))?.status, 'open')
  })
})
