import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { type HelplineWorld, helplineWorld, POINTS, pointForm } from '../../../test/helpers/helpline.ts'
import { page } from '../../../test/helpers/html.ts'
import { insertHelpPoint } from './help-point.repository.ts'
import { HELP_POINTS_MAX } from './help-point.ts'

/** Help points: kept in order by the administrator, listed by commune for everyone. */
describe('help points: added, edited, reordered and removed, listed by commune at once', () => {
  let t: TestApp
  let w: HelplineWorld
  let admin: Client
  const visit = async (url: string) => page((await w.visitor().get(url)).body)
  const names = async () => (await w.points()).map((p) => p.name)
  const idOf = async (name: string) => (await w.points()).find((p) => p.name === name)!.id
  before(async () => {
    t = await buildTestApp()
    w = await helplineWorld(t)
    admin = await w.adminClient()
  })
  after(() => t.close())

  it('adds three places by commune name or label, each said to the administrator and shown to visitors', async () => {
    const empty = page((await admin.get(POINTS)).body)
    assert.equal(empty.h1(), 'Points d’aide')
    assert.match(empty.text('main'), /Aucun point d’aide pour l’instant/)
    assert.equal(empty.link('Ajouter un point d’aide'), `${POINTS}/nouveau`)
    const form = page((await admin.get(`${POINTS}/nouveau`)).body)
    assert.equal(form.h1(), 'Ajouter un point d’aide')
    for (const label of ['Nom du lieu', 'Adresse', 'Commune', 'Horaires d’accueil', 'Téléphone (facultatif)'])
      assert.ok(form.field(label), label)

    for (const body of [
      pointForm,
      {
        kind: 'mairie',
        name: 'Mairie de Falaise',
        address: 'Place Guillaume le Conquérant',
        commune: 'falaise',
        hours: 'le samedi matin',
        phone: '',
      },
      {
        kind: 'france-services',
        name: 'France Services de Vire',
        address: '8 place du Champ de Foire',
        commune: 'Vire Normandie (14500)',
        hours: 'mardi et jeudi',
        phone: '+33 2 61 91 00 11',
      },
    ]) {
      const res = await admin.post(POINTS, body)
      assert.equal(res.statusCode, 303, body.name)
      assert.equal(res.headers.location, `${POINTS}?fait=ajout`)
    }
    const rows = await w.points()
    assert.deepEqual(
      rows.map((p) => [p.name, p.communeInsee, p.phone, p.position]),
      [
        ['CCAS de Bayeux', '14047', '+33261910010', 0],
        ['Mairie de Falaise', '14258', null, 1],
        ['France Services de Vire', '14762', '+33261910011', 2],
      ],
    )
    assert.equal(await w.audits('territory.help-point-changed'), 3)
    const list = page((await admin.get(`${POINTS}?fait=ajout`)).body)
    assert.match(list.text('main'), /Point d’aide ajouté/)
    assert.deepEqual(list.all('.help-points-admin strong'), [
      'CCAS de Bayeux',
      'Mairie de Falaise',
      'France Services de Vire',
    ])

    const need = await visit('/besoin-d-aide')
    assert.ok(need.all('h2').includes('Se faire aider près de chez soi'))
    assert.deepEqual(need.all('main h3'), ['Bayeux', 'Falaise', 'Vire Normandie'])
    const places = need.all('.help-points li p')
    assert.deepEqual(places.slice(0, 4), [
      'CCAS de Bayeux CCAS (centre communal d’action sociale)',
      '19 rue Larcher',
      'Horaires : du lundi au vendredi, de 9 h à 12 h',
      'Téléphone : 02 61 91 00 10',
    ])
    assert.deepEqual(places.slice(4, 7), [
      'Mairie de Falaise Mairie',
      'Place Guillaume le Conquérant',
      'Horaires : le samedi matin',
    ])
    assert.equal(need.link('02 61 91 00 10'), 'tel:+33261910010')
    const home = await visit('/')
    assert.equal(home.link('Se faire aider près de chez soi'), '/besoin-d-aide#points-d-aide')
    assert.ok(need.document.getElementById('points-d-aide'), 'the link lands on the list')
    assert.equal(
      (await visit('/contact')).link('Les lieux où se faire aider près de chez soi'),
      '/besoin-d-aide#points-d-aide',
    )
  })

  it('gives the public places as JSON on the territory API, nothing else', async () => {
    const res = await w.visitor().get('/api/v1/territory/help-points')
    assert.equal(res.statusCode, 200)
    const list = res.json()
    assert.deepEqual(
      list.map((p: { name: string; commune: { name: string }; phone: string | null; kind: string }) => [
        p.name,
        p.kind,
        p.commune.name,
        p.phone,
      ]),
      [
        ['CCAS de Bayeux', 'ccas', 'Bayeux', '+33261910010'],
        ['Mairie de Falaise', 'mairie', 'Falaise', null],
        ['France Services de Vire', 'france-services', 'Vire Normandie', '+33261910011'],
      ],
    )
    assert.deepEqual(Object.keys(list[0]).sort(), [
      'address',
      'commune',
      'hours',
      'id',
      'kind',
      'name',
      'phone',
    ])
    const manche = await t.app.inject({
      url: '/api/v1/territory/help-points',
      headers: { host: w.manche.hostnames[0]! },
    })
    assert.deepEqual(manche.json(), [])
  })

  it('moves a place up and down with buttons, and the pages follow the new order', async () => {
    const vire = await idOf('France Services de Vire')
    const res = await admin.post(`${POINTS}/${vire}/monter`, {})
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${POINTS}?fait=ordre`)
    assert.deepEqual(await names(), ['CCAS de Bayeux', 'France Services de Vire', 'Mairie de Falaise'])
    await admin.post(`${POINTS}/${await idOf('CCAS de Bayeux')}/descendre`, {})
    assert.deepEqual(await names(), ['France Services de Vire', 'CCAS de Bayeux', 'Mairie de Falaise'])
    // At either end nothing moves.
    await admin.post(`${POINTS}/${vire}/monter`, {})
    await admin.post(`${POINTS}/${await idOf('Mairie de Falaise')}/descendre`, {})
    assert.deepEqual(await names(), ['France Services de Vire', 'CCAS de Bayeux', 'Mairie de Falaise'])
    assert.deepEqual(
      (await w.points()).map((p) => p.position),
      [0, 1, 2],
    )
    const list = page((await admin.get(`${POINTS}?fait=ordre`)).body)
    assert.match(list.text('main'), /Ordre des points d’aide enregistré/)
    assert.deepEqual(
      (await w.visitor().get('/api/v1/territory/help-points')).json().map((p: { name: string }) => p.name),
      ['France Services de Vire', 'CCAS de Bayeux', 'Mairie de Falaise'],
    )
  })

  it('edits a place, its form showing what is saved, and asks which commune when a name fits several', async () => {
    const id = await idOf('Mairie de Falaise')
    const form = page((await admin.get(`${POINTS}/${id}`)).body)
    assert.equal(form.h1(), 'Modifier « Mairie de Falaise »')
    assert.equal(form.field('Commune')?.getAttribute('value'), 'Falaise (14700)')
    const ambiguous = await admin.post(`${POINTS}/${id}`, { ...pointForm, name: 'Mairie', commune: 'Saint-' })
    assert.equal(ambiguous.statusCode, 400)
    const choices = page(ambiguous.body)
    assert.match(choices.errorSummary()[0]?.text ?? '', /Plusieurs communes portent ce nom/)
    assert.ok(choices.document.querySelectorAll('input[name="commune"][type="radio"]').length > 1)
    const res = await admin.post(`${POINTS}/${id}`, {
      kind: 'mairie',
      name: 'Mairie de Falaise',
      address: 'Place Guillaume le Conquérant',
      commune: 'Falaise',
      hours: 'du lundi au samedi, de 8 h 30 à 12 h',
      phone: '02 61 91 00 12',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${POINTS}?fait=modification`)
    const row = (await w.points()).find((p) => p.id === id)!
    assert.equal(row.hours, 'du lundi au samedi, de 8 h 30 à 12 h')
    assert.equal(row.phone, '+33261910012')
    const places = (await visit('/besoin-d-aide')).all('.help-points li p')
    assert.ok(places.includes('Horaires : du lundi au samedi, de 8 h 30 à 12 h'))
    assert.ok(places.includes('Téléphone : 02 61 91 00 12'))
  })

  it('says what is missing or wrong, field by field, and writes nothing', async () => {
    const before = await w.points()
    for (const [field, value, message] of [
      ['kind', 'prefecture', /Choisissez le type de lieu/],
      ['name', '   ', /Indiquez le nom du lieu/],
      ['address', '', /Indiquez l’adresse du lieu/],
      ['commune', '', /Indiquez la commune du lieu/],
      ['commune', 'Zzyzx', /Aucune commune de ce territoire/],
      ['commune', '14700', /Plusieurs communes portent ce nom/],
      ['hours', '', /Indiquez les horaires d’accueil/],
      ['phone', '02 31', /Saisissez un numéro de téléphone complet/],
      ['name', 'n'.repeat(101), /Ce texte dépasse 100 caractères/],
    ] as const) {
      const res = await admin.post(POINTS, { ...pointForm, [field]: value })
      assert.equal(res.statusCode, 400, `${field} = ${value.slice(0, 10)}`)
      const p = page(res.body)
      assert.match(
        p
          .errorSummary()
          .map((e) => e.text)
          .join(' '),
        message,
        field,
      )
      assert.equal(p.h1(), 'Ajouter un point d’aide')
    }
    assert.deepEqual(await w.points(), before)
  })

  it('removes a place, which disappears from the pages at once', async () => {
    const id = await idOf('CCAS de Bayeux')
    const res = await admin.post(`${POINTS}/${id}/retirer`, {})
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${POINTS}?fait=retrait`)
    assert.match(page((await admin.get(`${POINTS}?fait=retrait`)).body).text('main'), /Point d’aide retiré/)
    assert.deepEqual(await names(), ['France Services de Vire', 'Mairie de Falaise'])
    assert.doesNotMatch((await visit('/besoin-d-aide')).text('main'), /CCAS de Bayeux/)
    assert.equal((await admin.post(`${POINTS}/${id}/retirer`, {})).statusCode, 404)
  })

  it(`keeps at most ${HELP_POINTS_MAX} places: the next one is refused in words, and the page offers no more`, async () => {
    const db = t.app.services.database.db
    for (let i = (await w.points()).length; i < HELP_POINTS_MAX; i++)
      await insertHelpPoint(
        db,
        w.calvados.id,
        {
          id: t.app.services.ids(),
          kind: 'other',
          name: `Lieu ${i}`,
          address: '1 rue',
          communeInsee: '14118',
          hours: 'le lundi',
          phone: null,
        },
        t.clock.now(),
      )
    const res = await admin.post(POINTS, pointForm)
    assert.equal(res.statusCode, 400)
    assert.match(page(res.body).errorSummary()[0]?.text ?? '', /déjà 50 points d’aide/)
    assert.equal((await w.points()).length, HELP_POINTS_MAX)
    const list = page((await admin.get(POINTS)).body)
    assert.equal(list.link('Ajouter un point d’aide'), undefined)
    assert.match(list.text('main'), /La liste compte 50 points d’aide, le plus possible/)
  })
})
