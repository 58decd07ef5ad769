import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { seedOrganisation } from './organisation-seed.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
const BAYEUX = '14047'
const CAEN = '14118'
const HEROUVILLE = '14327'
const LISIEUX = '14366'

/** What a visitor reads in the list: the organisations' names, in order. */
const names = (html: string) => page(html).all('.results h3')
const count = (html: string) => page(html).text('output.results-count')

describe('the directory of organisations, as a visitor reads it', () => {
  let t: TestApp
  let calvados: Territory
  let visitor: Client

  before(async () => {
    t = await buildTestApp({ MAP_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png' })
    calvados = await makeTerritory(t.app.services, { hostnames: ['annuaire.entraide.test'] })
    const manche = await makeTerritory(t.app.services, {
      departements: ['50'],
      hostnames: ['manche.entraide.test'],
    })
    const manager = await makeAccount(t, calvados)
    const db = t.db.db
    const org = (
      name: string,
      communeInsee: string,
      more: Partial<Parameters<typeof seedOrganisation>[1]> = {},
    ) =>
      seedOrganisation(db, { territoryId: calvados.id, name, communeInsee, managerId: manager.id, ...more })
    await org('Épicerie solidaire du Bessin', BAYEUX, {
      description: 'Une épicerie où les familles font leurs courses à petit prix.',
    })
    await org('Banque alimentaire de Caen', CAEN, {
      kind: 'aid-structure',
      aidType: 'food-bank',
      description: 'Colis et repas pour les familles.',
    })
    await org('CCAS d’Hérouville', HEROUVILLE, {
      kind: 'aid-structure',
      aidType: 'ccas',
      description: 'Le centre communal d’action sociale.',
    })
    await org('Atelier couture de Lisieux', LISIEUX, {
      kind: 'workshop',
      description: 'Nous cousons des masques et des blouses.',
    })
    await org('Ferme des Prés', BAYEUX, { kind: 'producer', description: 'Légumes de saison.' })
    await org('Association en attente', CAEN, {
      status: 'pending',
      description: 'Pas encore vérifiée : épicerie.',
    })
    await org('Association suspendue', CAEN, { status: 'suspended', description: 'Suspendue : épicerie.' })
    await org('Association refusée', CAEN, { status: 'refused', description: 'Refusée : épicerie.' })
    const other = await makeAccount(t, manche)
    await seedOrganisation(db, {
      territoryId: manche.id,
      name: 'Épicerie de la Manche',
      communeInsee: '50129',
      managerId: other.id,
      description: 'Une épicerie d’un autre territoire.',
    })
    visitor = new Client(t, 'annuaire.entraide.test')
  })
  after(() => t.close())

  it('lists the verified organisations of the territory by name, and never the others', async () => {
    const res = await visitor.get('/organisations')
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.h1(), 'Annuaire des organisations')
    assert.equal(p.document.querySelectorAll('h1').length, 1)
    assert.deepEqual(names(res.body), [
      'Atelier couture de Lisieux',
      'Banque alimentaire de Caen',
      'CCAS d’Hérouville',
      'Épicerie solidaire du Bessin',
      'Ferme des Prés',
    ])
    assert.equal(count(res.body), '5 organisations trouvées.')
    for (const hidden of ['attente', 'suspendue', 'refusée', 'Manche'])
      assert.ok(!res.body.includes(hidden), hidden)
    // Each entry: its kind, commune, summary and the verified badge, no logo without one.
    const first = p.text('.results li')
    assert.match(first, /Vérifiée · Atelier · Lisieux/)
    assert.match(first, /Nous cousons des masques/)
    assert.equal(p.document.querySelector('.results img'), null)
    // Every field has its label.
    for (const label of [
      'Mots',
      'Type d’organisation',
      'Type de structure d’aide',
      'Autour de la commune',
      'Distance',
    ])
      assert.ok(p.field(label), label)
  })

  it('finds words whatever their accents and endings', async () => {
    assert.deepEqual(names((await visitor.get('/organisations?words=epiceries')).body), [
      'Épicerie solidaire du Bessin',
    ])
    assert.deepEqual(names((await visitor.get('/organisations?words=MASQUE')).body), [
      'Atelier couture de Lisieux',
    ])
  })

  it('filters by kind and by type of aid structure', async () => {
    assert.deepEqual(names((await visitor.get('/organisations?kind=aid-structure')).body), [
      'Banque alimentaire de Caen',
      'CCAS d’Hérouville',
    ])
    const banks = await visitor.get('/organisations?kind=&aidType=food-bank')
    assert.deepEqual(names(banks.body), ['Banque alimentaire de Caen'])
    assert.match(page(banks.body).text('.results li'), /Structure d’aide \(Banque alimentaire\)/)
    assert.deepEqual(names((await visitor.get('/organisations?kind=producer')).body), ['Ferme des Prés'])
  })

  it('finds the organisations around a commune, nearest first, with their distance', async () => {
    const near = await visitor.get('/organisations?commune=Caen&radiusKm=5')
    assert.deepEqual(names(near.body), ['Banque alimentaire de Caen', 'CCAS d’Hérouville'])
    assert.match(page(near.body).all('.result-meta')[0]!, /à 0 km/)
    const wide = await visitor.get(`/organisations?commune=${CAEN}&radiusKm=50`)
    assert.deepEqual(names(wide.body).slice(0, 2), ['Banque alimentaire de Caen', 'CCAS d’Hérouville'])
    assert.equal(names(wide.body).length, 5)
    // Words and a circle together.
    assert.deepEqual(
      names((await visitor.get('/organisations?words=épicerie&commune=Caen&radiusKm=5')).body),
      [],
    )
  })

  it('says in words when nothing matches, and what to try', async () => {
    const res = await visitor.get('/organisations?words=trombone')
    assert.equal(res.statusCode, 200)
    assert.equal(count(res.body), 'Aucune organisation trouvée.')
    assert.match(page(res.body).text('main') || res.body, /Essayez moins de mots/)
  })

  it('shows the map of the results when the map is configured, and the list without it', async () => {
    const p = page((await visitor.get('/organisations')).body)
    const map = p.document.querySelector('#carte')
    assert.equal(map?.getAttribute('data-tiles'), 'https://tiles.example/{z}/{x}/{y}.png')
    assert.equal(p.document.querySelectorAll('.results [data-lat][data-lon]').length, 5)
  })

  it('refuses bad parameters with the form and a clear message, never a 500', async () => {
    const cases: [string, string, string][] = [
      ['kind=ferme', 'kind', 'Choisissez un type d’organisation dans la liste.'],
      ['aidType=banque', 'aidType', 'Choisissez un type de structure d’aide dans la liste.'],
      [
        'kind=producer&aidType=ccas',
        'aidType',
        'Un type de structure d’aide ne va qu’avec le type « Structure d’aide » : changez l’un ou l’autre.',
      ],
      ['commune=Caen&radiusKm=7', 'radiusKm', 'Choisissez une distance parmi 5, 10, 20, 50 km.'],
      ['commune=Caen&radiusKm=-5', 'radiusKm', 'Choisissez une distance parmi 5, 10, 20, 50 km.'],
      [
        'commune=Zzzzville',
        'commune',
        'Cette commune n’est pas dans le territoire : vérifiez son nom ou son code postal, ou laissez le champ vide.',
      ],
      ['page=0', 'page', 'Cette page de résultats n’existe pas : revenez à la première.'],
      ['page=99999', 'page', 'Cette page de résultats n’existe pas : revenez à la première.'],
      [`words=${'a'.repeat(201)}`, 'words', 'Écrivez 200 caractères au plus.'],
    ]
    for (const [query, field, message] of cases) {
      const res = await visitor.get(`/organisations?${query}`)
      assert.equal(res.statusCode, 400, query)
      const p = page(res.body)
      assert.deepEqual(p.errorSummary(), [{ text: message, href: `#${field}` }], query)
      assert.equal(p.document.querySelectorAll('.results li').length, 0)
      assert.equal(p.h1(), 'Annuaire des organisations')
    }
  })

  it('answers every hostile text in every parameter with a page, never a 500', async () => {
    for (const field of ['words', 'kind', 'aidType', 'commune', 'radiusKm', 'page', 'autre']) {
      for (const text of HOSTILE) {
        const res = await visitor.get(`/organisations?${new URLSearchParams({ [field]: text })}`)
        const label = `${field} = ${JSON.stringify(text.slice(0, 30))}`
        assert.ok(res.statusCode === 200 || res.statusCode === 400, `${label}: ${res.statusCode}`)
        assert.match(String(res.headers['content-type']), /^text\/html/, label)
        assert.ok(!res.body.includes('<script>alert'), label)
        assert.ok(!res.body.includes('<img src=x'), label)
        assert.equal(res.headers.location, undefined, label)
      }
    }
  })
})

describe('the directory in pages of 20', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
    const territory = await makeTerritory(t.app.services, { hostnames: ['pages.entraide.test'] })
    const manager = await makeAccount(t, territory)
    for (let i = 1; i <= 23; i++) {
      await seedOrganisation(t.db.db, {
        territoryId: territory.id,
        name: `Association ${String(i).padStart(2, '0')}`,
        communeInsee: CAEN,
        managerId: manager.id,
      })
    }
  })
  after(() => t.close())

  it('shows 20, then the 3 others on the next page, each once, with no map when none is configured', async () => {
    const visitor = new Client(t, 'pages.entraide.test')
    const first = await visitor.get('/organisations')
    assert.equal(names(first.body).length, 20)
    assert.equal(count(first.body), '23 organisations trouvées. Page 1 sur 2.')
    assert.equal(page(first.body).document.querySelector('#carte'), null)
    const next = page(first.body).link('Page suivante')
    assert.equal(next, '/organisations?page=2')
    const second = await visitor.get(next!)
    assert.deepEqual(names(second.body), ['Association 21', 'Association 22', 'Association 23'])
    assert.equal(page(second.body).link('Page précédente'), '/organisations')
    // Past the end: the count still said, and nothing listed.
    const beyond = await visitor.get('/organisations?page=3')
    assert.equal(beyond.statusCode, 200)
    assert.equal(names(beyond.body).length, 0)
    assert.match(count(beyond.body), /^23 organisations trouvées/)
  })
})
