import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  auditOf,
  type DemandWorld,
  demandWorld,
  postRequest,
  requestForm,
  requestRow,
  requestRows,
} from '../../../test/helpers/demand.ts'
import { page } from '../../../test/helpers/html.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'

describe('requests for material: asking, one’s own list, and staff’s side', () => {
  let t: TestApp
  let w: DemandWorld
  before(async () => {
    t = await buildTestApp()
    w = await demandWorld(t)
  })
  after(() => t.close())

  it('offers the distribution points only, explains the priorities, and takes a request', async () => {
    const client = await w.client(w.carer)
    const form = page((await client.get(`/collectes/${w.campaignId}/demander`)).body)
    assert.equal(form.document.querySelectorAll('h1').length, 1)
    const main = form.text('main')
    assert.match(main, /Mairie de Bayeux – 19 rue Laitière – mardi et jeudi, 14 h – 18 h/)
    assert.match(main, /CCAS de Caen/)
    assert.doesNotMatch(main, /Atelier de Lisieux/)
    assert.match(main, /des personnes qui soignent ou aident des malades chaque jour/)
    const res = await client.post(
      `/collectes/${w.campaignId}/demander`,
      requestForm(w, { quantity: '1 200', priority: 'front-line', note: 'Pour le cabinet infirmier' }),
    )
    assert.equal(res.headers.location, '/mes-demandes-de-materiel?fait=demande')
    const mine = page((await client.get(res.headers.location as string)).body).text('main')
    assert.match(mine, /Votre demande est enregistrée/)
    assert.match(mine, /1\s200 masques – Première ligne/)
    assert.match(mine, /En attente/)
    const account = page((await client.get('/compte')).body)
    assert.equal(account.link('Mes demandes de matériel'), '/mes-demandes-de-materiel')
    const [row] = (await requestRows(t, w.campaignId)).filter((r) => r.accountId === w.carer.id)
    assert.equal(row?.communeInsee, '14047')
    assert.equal(row?.requestedPriority, 'front-line')
  })

  it('refuses bad quantities and a collection-only point with French messages, writing nothing', async () => {
    const before = (await requestRows(t, w.campaignId)).length
    const client = await w.client(w.neighbour)
    const cases: [Record<string, string>, string, string][] = [
      [{ quantity: '0' }, 'La quantité doit être d’au moins 1', '#quantity'],
      [{ quantity: '-1' }, 'La quantité doit être d’au moins 1', '#quantity'],
      [{ quantity: '1.5' }, 'La quantité doit être un nombre entier', '#quantity'],
      [{ quantity: '1000000' }, 'La quantité doit être inférieure à 1 000 000', '#quantity'],
      [{ quantity: 'dix' }, 'La quantité doit être un nombre entier, en chiffres', '#quantity'],
      [{ pointId: w.lisieux }, 'Choisissez un point de distribution de la collecte', '#pointId'],
      [{ priority: 'urgent' }, 'Choisissez pour qui est le matériel', '#priority'],
      [{ commune: 'Zzyzx' }, 'Indiquez une commune du Calvados', '#commune'],
      [
        { organisationId: w.ehpadId, requesterKind: 'ehpad' },
        'Choisissez une organisation dont vous êtes membre',
        '#organisationId',
      ],
    ]
    for (const [overrides, text, href] of cases) {
      const res = await client.post(`/collectes/${w.campaignId}/demander`, requestForm(w, overrides))
      assert.equal(res.statusCode, 400, JSON.stringify(overrides))
      assert.deepEqual(
        page(res.body)
          .errorSummary()
          .map((e) => [e.text.replace(/\u202f/g, ' '), e.href]),
        [[text, href]],
        JSON.stringify(overrides),
      )
    }
    assert.equal((await requestRows(t, w.campaignId)).length, before)
  })

  it('asks in the name of one’s organisation, and not as a private person', async () => {
    const client = await w.client(w.elder)
    const asPerson = await client.post(
      `/collectes/${w.campaignId}/demander`,
      requestForm(w, { organisationId: w.ehpadId }),
    )
    assert.equal(asPerson.statusCode, 400)
    const id = await postRequest(t, w, w.elder, {
      organisationId: w.ehpadId,
      requesterKind: 'ehpad',
      priority: 'vulnerable',
    })
    assert.equal((await requestRow(t, id)).organisationId, w.ehpadId)
  })

  it('sends a visitor to sign in, refuses an unconfirmed account, and hides other territories’ campaigns', async () => {
    const visitor = await (await w.client(null)).get(`/collectes/${w.campaignId}/demander`)
    assert.equal(visitor.statusCode, 303)
    const unverified = await (await w.client(w.unverified)).post(
      `/collectes/${w.campaignId}/demander`,
      requestForm(w),
    )
    assert.equal(unverified.statusCode, 403)
    const manche = await w.staff(w.mancheStaff)
    assert.equal((await manche.get(`/collectes/${w.campaignId}/demander`)).statusCode, 404)
  })

  it('shows a requester only his own requests; cancelling another’s is not found', async () => {
    const mine = await postRequest(t, w, w.neighbour)
    const other = await w.client(w.carer)
    assert.doesNotMatch(
      page((await other.get('/mes-demandes-de-materiel')).body).text('main'),
      /Annuler la demande.*Nina/,
    )
    assert.equal((await other.post(`/mes-demandes-de-materiel/${mine}/annuler`, {})).statusCode, 404)
    assert.equal((await requestRow(t, mine)).status, 'open')
    const owner = await w.client(w.neighbour)
    const res = await owner.post(`/mes-demandes-de-materiel/${mine}/annuler`, {})
    assert.equal(res.headers.location, '/mes-demandes-de-materiel?fait=annulee')
    assert.equal((await requestRow(t, mine)).status, 'cancelled')
    assert.equal((await owner.post(`/mes-demandes-de-materiel/${mine}/annuler`, {})).statusCode, 409)
  })

  it('lists requests for staff by priority then age, and filters them', async () => {
    const staff = await w.staff()
    const list = page((await staff.get(`/collectes/${w.campaignId}/gestion/demandes`)).body)
    const headings = [...list.document.querySelectorAll('section.supply-request h3')].map(
      (h) => h.textContent,
    )
    const first = headings.findIndex((h) => h?.startsWith('Inès Infirmière'))
    const elder = headings.findIndex((h) => h?.startsWith('Albert Aîné'))
    assert.ok(first >= 0 && first < elder, headings.join(' | '))
    assert.match(list.text('main'), /Stock et demande par point/)
    const filtered = page(
      (await staff.get(`/collectes/${w.campaignId}/gestion/demandes?statut=cancelled`)).body,
    )
    const names = [...filtered.document.querySelectorAll('section.supply-request h3')].map(
      (h) => h.textContent,
    )
    assert.ok(names.length > 0 && names.every((n) => n?.startsWith('Nina Voisine')), names.join(' | '))
  })

  it('raises a priority with a reason kept in the journal, and refuses a request telling its author', async () => {
    const id = await postRequest(t, w, w.neighbour, { quantity: '4' })
    const staff = await w.staff()
    const base = `/collectes/${w.campaignId}/gestion/demandes/${id}`
    const noReason = await staff.post(`${base}/priorite`, { priority: 'vulnerable', reason: '' })
    assert.equal(noReason.statusCode, 400)
    assert.deepEqual(page(noReason.body).errorSummary(), [{ text: 'Indiquez la raison', href: '#reason' }])
    assert.equal((await requestRow(t, id)).priority, 'general')
    const raised = await staff.post(`${base}/priorite`, {
      priority: 'vulnerable',
      reason: 'Personne sous oxygène',
    })
    assert.equal(raised.statusCode, 303)
    const row = await requestRow(t, id)
    assert.deepEqual([row.priority, row.requestedPriority], ['vulnerable', 'general'])
    const [trace] = await auditOf(t, id)
    assert.deepEqual(trace?.details, { from: 'general', to: 'vulnerable', reason: 'Personne sous oxygène' })
    assert.equal(trace?.actorId, w.coordinator.id)

    const noRefusal = await staff.post(`${base}/refus`, { refuseReason: ' ' })
    assert.deepEqual(page(noRefusal.body).errorSummary(), [
      { text: 'Indiquez la raison', href: '#refuseReason' },
    ])
    const refused = await staff.post(`${base}/refus`, { refuseReason: 'Hors du périmètre de la collecte' })
    assert.equal(refused.statusCode, 303)
    assert.equal((await requestRow(t, id)).status, 'refused')
    const [mail] = await outboxMails(t, w.neighbour.email)
    assert.match(mail!.text, /n’a pas été retenue : Hors du périmètre de la collecte/)
    const mine = page((await (await w.client(w.neighbour)).get('/mes-demandes-de-materiel')).body)
    assert.match(mine.text('main'), /Non retenue\. Raison donnée : Hors du périmètre de la collecte/)
  })

  it('gives another territory’s staff and residents the same 404 on staff pages', async () => {
    for (const client of [await w.staff(w.mancheStaff), await w.client(w.carer)]) {
      assert.equal((await client.get(`/collectes/${w.campaignId}/gestion/demandes`)).statusCode, 404)
      assert.equal((await client.get(`/collectes/${w.campaignId}/gestion/repartition`)).statusCode, 404)
      assert.equal(
        (await client.post(`/collectes/${w.campaignId}/gestion/repartition/proposer`, {})).statusCode,
        404,
      )
    }
    const delegate = await w.client(w.delegate)
    assert.equal((await delegate.get(`/collectes/${w.campaignId}/gestion/demandes`)).statusCode, 200)
  })
})
