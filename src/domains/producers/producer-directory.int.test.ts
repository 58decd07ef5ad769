import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { type ProducerWorld, producerWorld } from '../../../test/helpers/producers.ts'
import { seedOrganisation } from '../organisations/index.ts'
import { seedProducer } from './index.ts'

const allYear = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
const names = (html: string) => page(html).all('.producer-result h3')

/**
 * The test clock starts on Monday 16 March 2026 at 10 h in Paris. The farm near Bayeux sells eggs
 * at its shop on Mondays 9 h–18 h; the beekeeper in Caen (26 km away) at the market on Saturdays.
 */
describe('the public directory of producers', () => {
  let t: TestApp
  let w: ProducerWorld
  let farm: string
  let apiary: string
  let hidden: string
  before(async () => {
    t = await buildTestApp()
    w = await producerWorld(t, 'annuaire')
    farm = await w.producer('Ferme des Tilleuls', w.calvados, {
      labels: ['ab'],
      products: [
        { family: 'oeufs', name: 'Œufs de plein air', description: '', months: allYear, labels: [] },
        { family: 'legumes', name: 'Poireaux', description: '', months: [10, 11, 12, 1, 2], labels: [] },
      ],
      places: [
        {
          mode: 'farm-shop',
          name: 'La ferme',
          communeInsee: '14047',
          address: '2 chemin des Prés',
          details: '',
          radiusKm: null,
          hours: [
            { weekday: 1, opens: '09:00', closes: '18:00' },
            { weekday: 3, opens: '14:00', closes: '19:00' },
          ],
        },
      ],
    })
    apiary = await w.producer('Rucher du Bocage', w.calvados, {
      products: [
        { family: 'miel', name: 'Miel de fleurs', description: '', months: [5, 6, 7, 8, 9], labels: [] },
      ],
      places: [
        {
          mode: 'market',
          name: 'Marché Saint-Sauveur',
          communeInsee: '14118',
          address: '',
          details: '',
          radiusKm: null,
          hours: [{ weekday: 6, opens: '08:00', closes: '13:00' }],
        },
      ],
    })
    hidden = await w.producer(
      'Ferme en attente',
      w.calvados,
      { products: [{ family: 'oeufs', name: 'Œufs frais', description: '', months: allYear, labels: [] }] },
      'pending',
    )
    await w.producer('Ferme de la Manche', w.manche, {
      products: [
        { family: 'oeufs', name: 'Œufs de la Manche', description: '', months: allYear, labels: [] },
      ],
    })
  })
  after(() => t.close())

  it('finds « Œufs de plein air » by « œufs » and « oeufs », verified producers of this territory only', async () => {
    for (const words of ['œufs', 'oeufs', 'OEUF']) {
      const res = await w.visitor().get(`/producteurs?words=${encodeURIComponent(words)}`)
      assert.equal(res.statusCode, 200)
      assert.deepEqual(names(res.body), ['Ferme des Tilleuls'], words)
    }
    // A page written for an organisation that is not a producer (its kind changed) is not listed.
    const association = await seedOrganisation(t.db.db, {
      territoryId: w.calvados.id,
      name: 'Association des jardins',
      communeInsee: '14047',
      managerId: w.stranger.id,
    })
    await seedProducer(t.db.db, t.app.services.ids, {
      territoryId: w.calvados.id,
      organisationId: association,
      products: [{ family: 'oeufs', name: 'Œufs du jardin', description: '', months: allYear, labels: [] }],
    })
    const all = names((await w.visitor().get('/producteurs')).body)
    assert.deepEqual(all, ['Ferme des Tilleuls', 'Rucher du Bocage'])
    assert.equal((await w.visitor().get(`/producteurs/${hidden}`)).statusCode, 404)
    assert.deepEqual(names((await w.visitor(w.otherHost).get('/producteurs')).body), ['Ferme de la Manche'])
    assert.equal((await w.visitor(w.otherHost).get(`/producteurs/${farm}`)).statusCode, 404)
  })

  it('filters by family and sales mode', async () => {
    assert.deepEqual(names((await w.visitor().get('/producteurs?family=miel')).body), ['Rucher du Bocage'])
    assert.deepEqual(names((await w.visitor().get('/producteurs?mode=farm-shop')).body), [
      'Ferme des Tilleuls',
    ])
    assert.deepEqual(names((await w.visitor().get('/producteurs?family=viande')).body), [])
  })

  it('keeps producers within the radius of a commune, nearest first, with the distance', async () => {
    const near = await w.visitor().get('/producteurs?commune=Port-en-Bessin-Huppain&radiusKm=15')
    assert.deepEqual(names(near.body), ['Ferme des Tilleuls'])
    assert.match(page(near.body).text('.producer-result'), /Bayeux · à 8,5 km/)
    const wide = await w.visitor().get('/producteurs?commune=Caen&radiusKm=30')
    assert.deepEqual(names(wide.body), ['Rucher du Bocage', 'Ferme des Tilleuls'])
    assert.deepEqual(names((await w.visitor().get('/producteurs?commune=Caen&radiusKm=15')).body), [
      'Rucher du Bocage',
    ])
  })

  it('says « ouvert aujourd’hui » from the hours of today in Paris, by the app’s clock', async () => {
    const url = '/producteurs?openToday=oui'
    // Monday 10 h: the farm shop is open until 18 h, the market is on Saturday.
    t.clock.set('2026-03-16T09:00:00Z')
    let res = await w.visitor().get(url)
    assert.deepEqual(names(res.body), ['Ferme des Tilleuls'])
    assert.match(page(res.body).text('.producer-result'), /Ouvert aujourd’hui jusqu’à 18 h/)
    // Monday 18 h 30 in Paris: closed for today.
    t.clock.set('2026-03-16T17:30:00Z')
    assert.deepEqual(names((await w.visitor().get(url)).body), [])
    // Tuesday: nothing; Wednesday 13 h: the farm again, until 19 h.
    t.clock.set('2026-03-17T09:00:00Z')
    assert.deepEqual(names((await w.visitor().get(url)).body), [])
    t.clock.set('2026-03-18T12:00:00Z')
    assert.match(page((await w.visitor().get(url)).body).text('.producer-result'), /jusqu’à 19 h/)
    // Saturday 7 h 30 in Paris (summer time, UTC+2): the market opens at 8 h, so it is open today.
    t.clock.set('2026-04-04T05:30:00Z')
    res = await w.visitor().get(url)
    assert.deepEqual(names(res.body), ['Rucher du Bocage'])
    // Without the box ticked, the list still says who is open today.
    assert.match(
      page((await w.visitor().get('/producteurs')).body).text('main'),
      /Ouvert aujourd’hui jusqu’à 13 h/,
    )
    t.clock.set('2026-03-16T09:00:00Z')
  })

  it('shows a producer’s page: products by family and season, places with today’s hours in words', async () => {
    const res = await w.visitor().get(`/producteurs/${farm}`)
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.h1(), 'Ferme des Tilleuls')
    assert.match(p.text('main'), /Poireaux – disponible de octobre à février/)
    assert.match(p.text('main'), /Œufs de plein air – disponible toute l’année/)
    assert.match(p.text('main'), /Ouvert aujourd’hui jusqu’à 18 h/)
    assert.match(p.text('main'), /lundi : de 9 h à 18 h \(aujourd’hui\)/)
    assert.match(p.text('main'), /contact@example\.org/)
    // Families in the directory's order, each with its products.
    assert.deepEqual(p.all('main h3').slice(0, 2), ['Légumes', 'Œufs'])
  })

  it('refuses wrong search parameters in French, with a 400 and no list', async () => {
    for (const [query, field] of [
      ['family=tabac', 'family'],
      ['mode=amazon', 'mode'],
      ['radiusKm=12', 'radiusKm'],
      ['page=0', 'page'],
      ['openToday=peut-etre', 'openToday'],
      ['commune=50129', 'commune'],
    ] as const) {
      const res = await w.visitor().get(`/producteurs?${query}`)
      assert.equal(res.statusCode, 400, query)
      assert.ok(
        page(res.body)
          .errorSummary()
          .some((e) => e.href === `#${field}`),
        query,
      )
      assert.deepEqual(names(res.body), [])
    }
  })

  it('exports verified producers as open data: CSV with BOM and neutralised cells, JSON, documented columns', async () => {
    const formula = await w.producer('=HYPERLINK("http://evil.example")', w.calvados, {
      products: [{ family: 'pain', name: '+Pain au levain', description: '', months: allYear, labels: [] }],
    })
    const csv = await w.visitor().get('/producteurs/donnees.csv')
    assert.equal(csv.statusCode, 200)
    assert.match(String(csv.headers['content-type']), /text\/csv; charset=utf-8/)
    assert.equal(csv.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf')
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    assert.equal(
      lines[0],
      'id;nom;commune_insee;commune_nom;familles;labels;modes_de_vente;produits;contact_type;contact;mis_a_jour',
    )
    assert.equal(lines.length, 4)
    const farmLine = lines.find((l) => l.startsWith(farm))!
    assert.match(
      farmLine,
      /;Ferme des Tilleuls;14047;Bayeux;legumes \| oeufs;ab;farm-shop;Œufs de plein air \| Poireaux;email;contact@example\.org;/,
    )
    const evil = lines.find((l) => l.startsWith(formula))!
    assert.match(evil, /;"'=HYPERLINK\(""http:\/\/evil\.example""\)";/)
    assert.match(evil, /;'\+Pain au levain;/)
    assert.ok(!csv.body.includes(hidden))
    assert.ok(!csv.body.includes('personne'), 'no member’s address')

    const json = await w.visitor().get('/producteurs/donnees.json')
    const rows = JSON.parse(json.body) as Record<string, unknown>[]
    assert.equal(rows.length, 3)
    const row = rows.find((r) => r.id === farm)!
    assert.deepEqual(row.familles, ['legumes', 'oeufs'])
    assert.deepEqual(row.commune_insee, '14047')
    const doc = page((await w.visitor().get('/producteurs/donnees')).body)
    assert.equal(doc.h1(), 'Données ouvertes des producteurs locaux')
    assert.equal(doc.all('tbody th').length, 11)
    assert.ok(!(await w.visitor(w.otherHost).get('/producteurs/donnees.csv')).body.includes(farm))
  })

  it('lets staff with home:highlight put the directory on the home page and take it down, audited', async () => {
    const visitor = w.visitor()
    assert.doesNotMatch((await visitor.get('/producteurs')).body, /Mettre l’annuaire à la une/)
    const resident = await w.client(w.stranger)
    const denied = await resident.post('/producteurs/a-la-une', {})
    assert.ok([403, 404].includes(denied.statusCode), String(denied.statusCode))
    assert.doesNotMatch(page((await visitor.get('/')).body).text('main'), /Producteurs locaux/)

    const staff = await w.staffClient()
    assert.equal(page((await staff.get('/administration')).body).link('Producteurs locaux'), '/producteurs')
    assert.match((await staff.get('/producteurs')).body, /Mettre l’annuaire à la une/)
    const on = await staff.post('/producteurs/a-la-une', {})
    assert.equal(on.statusCode, 303)
    const home = await visitor.get('/')
    assert.match(page(home.body).text('main'), /Producteurs locaux/)
    assert.ok(page(home.body).document.querySelector('a[href="/producteurs"]'))
    assert.equal(await w.audits('producer.highlighted'), 1)
    assert.equal((await staff.post('/producteurs/a-la-une/retirer', {})).statusCode, 303)
    assert.doesNotMatch(page((await visitor.get('/')).body).text('main'), /Producteurs locaux/)
    assert.equal(await w.audits('producer.highlight-removed'), 1)
  })

  it('puts every place’s pin at its commune’s point, never at the address', async () => {
    const res = await w.visitor().get('/producteurs')
    const items = [...page(res.body).document.querySelectorAll('.producer-result')]
    assert.ok(items.length >= 2)
    assert.ok(!res.body.includes('chemin des Prés'))
    void apiary
  })
})
