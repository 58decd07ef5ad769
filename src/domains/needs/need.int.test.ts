import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory } from '../../../test/helpers/listings.ts'
import {
  allNeeds,
  dropPointRows,
  type NeedsWorld,
  needForm,
  needRow,
  needsWorld,
  postNeed,
} from '../../../test/helpers/needs.ts'

describe('needs: an organisation posts and manages what it lacks', () => {
  let t: TestApp
  let w: NeedsWorld
  before(async () => {
    t = await buildTestApp()
    w = await needsWorld(t)
  })
  after(() => t.close())

  it('offers a labelled form to the manager of a verified organisation, and publishes the need', async () => {
    const client = await w.client(w.manager)
    const form = page((await client.get(`/organisations/${w.orgId}/besoins/nouveau`)).body)
    assert.equal(form.h1(), 'Publier un besoin de matériel')
    for (const label of [
      'Ce qui manque',
      'Description',
      'Quantité demandée',
      'Unité',
      'Date limite',
      'Nom du lieu',
      'Horaires',
    ])
      assert.ok(form.field(label), `field ${label}`)
    const category = await makeCategory(t, w.calvados)
    const res = await client.post(
      `/organisations/${w.orgId}/besoins/nouveau`,
      needForm({
        categoryId: category.id,
        deadline: '2099-06-30',
        drop2Name: 'Mairie de Caen',
        drop2Commune: '14000',
        drop2Address: 'Esplanade Jean-Marie Louvel',
        drop2Hours: 'le samedi, 10 h – 12 h',
      }),
    )
    assert.equal(res.statusCode, 303)
    const shown = page((await client.get(res.headers.location as string)).body)
    assert.equal(shown.h1(), 'Repas pour la distribution du samedi')
    assert.match(shown.text('main'), /Le besoin est publié/)
    assert.match(shown.text('main'), /0 reçus, 0 promis sur 100 repas/)
    assert.match(shown.text('main'), /Mairie de Caen, Esplanade Jean-Marie Louvel, Caen/)
    assert.match(shown.text('main'), /Date limite : 30 juin 2099/)
    const id = /\/besoins\/([0-9a-f-]+)/.exec(res.headers.location as string)![1]!
    const row = await needRow(t, id)
    assert.equal(row?.status, 'open')
    assert.equal(row?.createdBy, w.manager.id)
    assert.deepEqual((await dropPointRows(t, id)).map((d) => d.communeInsee).sort(), ['14047', '14118'])
  })

  it('holds a need that speaks of money, and tells its organisation that moderation will read it', async () => {
    const id = await postNeed(w, { description: 'Des repas à 5 € pièce, paiement par chèque.' })
    assert.equal((await needRow(t, id))?.status, 'held')
    const own = page((await (await w.client(w.member)).get(`/besoins/${id}?fait=retenu`)).body)
    assert.match(own.text('main'), /Besoin en attente de relecture/)
    assert.match(own.text('main'), /Un modérateur va la relire/)
    assert.equal((await (await w.client(w.stranger)).get(`/besoins/${id}`)).statusCode, 404)
    assert.equal((await (await w.client(null)).get(`/besoins/${id}`)).statusCode, 404)
  })

  it('says what is wrong with each quantity, and writes nothing', async () => {
    const client = await w.client(w.manager)
    const before = (await allNeeds(t)).length
    const cases: [string, string][] = [
      ['', 'Indiquez la quantité'],
      ['0', 'La quantité doit être d’au moins 1'],
      ['-5', 'La quantité doit être d’au moins 1'],
      ['1000001', 'La quantité ne peut pas dépasser 1 000 000'],
      ['12,5', 'Indiquez un nombre entier, sans virgule'],
      ['douze', 'Indiquez la quantité en chiffres, par exemple 100'],
      ['1e309', 'Indiquez la quantité en chiffres, par exemple 100'],
    ]
    for (const [quantity, message] of cases) {
      const res = await client.post(`/organisations/${w.orgId}/besoins/nouveau`, needForm({ quantity }))
      assert.equal(res.statusCode, 400, quantity)
      assert.deepEqual(page(res.body).errorSummary(), [{ text: message, href: '#quantity' }], quantity)
      assert.equal(
        (page(res.body).field('Quantité demandée') as HTMLInputElement | null)?.getAttribute('value'),
        quantity,
      )
    }
    const ok = await client.post(
      `/organisations/${w.orgId}/besoins/nouveau`,
      needForm({ quantity: '1 000 000' }),
    )
    assert.equal(ok.statusCode, 303)
    assert.equal((await allNeeds(t)).length, before + 1)
  })

  it('refuses a deadline in the past, a missing drop point and an unknown commune, each in words', async () => {
    const client = await w.client(w.manager)
    const before = (await allNeeds(t)).length
    const res = await client.post(
      `/organisations/${w.orgId}/besoins/nouveau`,
      needForm({
        deadline: '2001-01-01',
        unit: '',
        drop1Name: '',
        drop1Commune: 'Marseille',
        drop2Name: 'Sans adresse',
      }),
    )
    assert.equal(res.statusCode, 400)
    assert.deepEqual(
      page(res.body)
        .errorSummary()
        .map((e) => e.text),
      [
        'Indiquez l’unité, par exemple « repas »',
        'La date limite ne peut pas être passée',
        'Indiquez le nom du lieu',
        'Indiquez une commune du Calvados : vérifiez l’orthographe ou essayez le code postal',
        'Indiquez la commune du point de dépôt',
        'Indiquez l’adresse du point de dépôt',
        'Indiquez les horaires d’ouverture',
      ],
    )
    assert.equal((await allNeeds(t)).length, before)
  })

  it('tells the manager of an organisation not yet verified why they cannot post', async () => {
    const client = await w.client(w.otherManager)
    const res = await client.get(`/organisations/${w.pendingOrgId}/besoins/nouveau`)
    assert.equal(res.statusCode, 403)
    assert.match(page(res.body).text('main'), /doit être vérifiée/)
    const before = (await allNeeds(t)).length
    assert.equal(
      (await client.post(`/organisations/${w.pendingOrgId}/besoins/nouveau`, needForm())).statusCode,
      403,
    )
    assert.equal((await allNeeds(t)).length, before)
  })

  it('answers 404 to a member, another organisation’s manager, a stranger and another territory, writing nothing', async () => {
    const id = await postNeed(w)
    const before = await needRow(t, id)
    const points = await dropPointRows(t, id)
    for (const who of [w.member, w.otherManager, w.stranger]) {
      const client = await w.client(who)
      assert.equal((await client.get(`/organisations/${w.orgId}/besoins/nouveau`)).statusCode, 404)
      assert.equal(
        (await client.post(`/organisations/${w.orgId}/besoins/nouveau`, needForm())).statusCode,
        404,
      )
      assert.equal((await client.get(`/besoins/${id}/modifier`)).statusCode, 404)
      assert.equal(
        (await client.post(`/besoins/${id}/modifier`, needForm({ quantity: '5' }))).statusCode,
        404,
      )
      assert.equal((await client.post(`/besoins/${id}/clore`, {})).statusCode, 404)
      const drop = { drop1Name: 'X', drop1Commune: 'Caen', drop1Address: 'x', drop1Hours: 'x' }
      assert.equal((await client.post(`/besoins/${id}/points-de-depot`, drop)).statusCode, 404)
      assert.equal(
        (await client.post(`/besoins/${id}/points-de-depot/${points[0]!.id}/retirer`, {})).statusCode,
        404,
      )
    }
    // Another territory's organisation is not found here, and this territory's need not there.
    const own = await w.client(w.manager)
    assert.equal((await own.get(`/organisations/${w.mancheOrgId}/besoins/nouveau`)).statusCode, 404)
    const manche = await new Client(t, w.manche.hostnames[0]!).signInDirectly(w.mancheManager)
    assert.equal((await manche.get(`/besoins/${id}`)).statusCode, 404)
    assert.equal((await manche.post(`/besoins/${id}/modifier`, needForm())).statusCode, 404)
    assert.deepEqual(await needRow(t, id), before)
    assert.equal((await dropPointRows(t, id)).length, 1)
  })

  it('lets the manager edit, add and remove drop points (keeping one), and close', async () => {
    const id = await postNeed(w)
    const client = await w.client(w.manager)
    const edit = page((await client.get(`/besoins/${id}/modifier`)).body)
    assert.equal(edit.h1(), 'Modifier le besoin')
    const saved = await client.post(
      `/besoins/${id}/modifier`,
      needForm({ quantity: '150', unit: 'repas chauds' }),
    )
    assert.equal(saved.statusCode, 303)
    assert.equal((await needRow(t, id))?.quantity, 150)
    const added = await client.post(`/besoins/${id}/points-de-depot`, {
      drop1Name: 'Salle paroissiale',
      drop1Commune: 'Caen',
      drop1Address: '1 place Saint-Pierre',
      drop1Hours: 'le mercredi, 14 h – 17 h',
    })
    assert.equal(added.headers.location, `/besoins/${id}/modifier?fait=point_ajoute`)
    const points = await dropPointRows(t, id)
    assert.equal(points.length, 2)
    const removed = await client.post(`/besoins/${id}/points-de-depot/${points[0]!.id}/retirer`, {})
    assert.equal(removed.headers.location, `/besoins/${id}/modifier?fait=point_retire`)
    const last = (await dropPointRows(t, id))[0]!
    const refused = await client.post(`/besoins/${id}/points-de-depot/${last.id}/retirer`, {})
    assert.equal(refused.headers.location, `/besoins/${id}/modifier?fait=dernier_point`)
    assert.match(
      page((await client.get(refused.headers.location as string)).body).text('main'),
      /Gardez au moins un point de dépôt/,
    )
    assert.equal((await dropPointRows(t, id)).length, 1)
    const closed = await client.post(`/besoins/${id}/clore`, {})
    assert.equal(closed.statusCode, 303)
    assert.equal((await needRow(t, id))?.status, 'closed')
    assert.match(
      page((await client.get(`/besoins/${id}`)).body).text('main'),
      /Ce besoin ne reçoit plus de promesses/,
    )
  })

  it('lets a moderator publish or remove a held need, each decision in the journal', async () => {
    const kept = await postNeed(w, { description: 'Participation aux frais : 2 € le repas.' })
    const dropped = await postNeed(w, { description: 'Repas à vendre, 3 € pièce.' })
    const moderator = await makeAccount(t, w.calvados, { roles: ['moderator'] })
    const staff = await new Client(t, w.host).signInDirectly(moderator, { staff: true, secondFactor: true })
    const list = page((await staff.get('/administration/besoins-retenus')).body)
    assert.equal(list.h1(), 'Besoins de matériel retenus')
    assert.ok(list.all('h2').includes('Repas pour la distribution du samedi'))
    const stranger = await w.client(w.stranger)
    assert.equal((await stranger.get('/administration/besoins-retenus')).statusCode, 403)
    assert.equal((await stranger.post(`/administration/besoins-retenus/${kept}/publier`, {})).statusCode, 403)
    assert.equal((await needRow(t, kept))?.status, 'held')
    const published = await staff.post(`/administration/besoins-retenus/${kept}/publier`, {})
    assert.equal(published.headers.location, '/administration/besoins-retenus?fait=publie_moderation')
    assert.equal((await needRow(t, kept))?.status, 'open')
    assert.equal((await staff.post(`/administration/besoins-retenus/${dropped}/retirer`, {})).statusCode, 303)
    assert.equal((await needRow(t, dropped))?.status, 'removed')
    assert.equal((await stranger.get(`/besoins/${dropped}`)).statusCode, 404)
    assert.equal((await (await w.client(w.manager)).get(`/besoins/${dropped}`)).statusCode, 404)
    const journal = await t.app.services.audit.list(w.calvados.id)
    assert.deepEqual(
      journal
        .filter((e) => e.action.startsWith('need.'))
        .map((e) => [e.action, e.targetId])
        .sort(),
      [
        ['need.published', kept],
        ['need.rejected', dropped],
      ],
    )
  })
})
