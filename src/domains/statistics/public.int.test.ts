import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  seedMonthlyRollups,
  seedTemptingBilan,
  BILAN_TITLES as TITLES,
} from '../../../test/helpers/bilan-public.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  type Descriptor,
  descriptorProblems,
  parseCsv,
  tableProblems,
} from '../../../test/helpers/table-schema.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { LICENCE_URL } from './open-data.ts'
import { decisionsMade, REDECIDE_AFTER_MS } from './publication.service.ts'
import { statProgress } from './statistics.schema.ts'

const CAEN = '14118'
const FALAISE = '14258'
const HONFLEUR = '14333'
const COUNT_COLUMNS = ['demandes_et_propositions', 'avec_reponse', 'aide_apportee', 'benevoles_actifs']

describe('the public bilan and the open data', () => {
  let t: TestApp
  let calvados: Territory
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ url, headers: { host: calvados.hostnames[0]!, ...headers } })

  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-12-07T10:00:00Z')
    calvados = await makeTerritory(t.app.services)
    await seedTemptingBilan(t, calvados)
  })
  after(() => t.close())

  it('tells the bilan in sentences, with its date and its method, and names no one', async () => {
    const res = await get('/bilan')
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.all('h1').length, 1)
    assert.equal(p.h1(), 'Bilan de l’entraide')
    const text = p.text('main')
    assert.match(text, /de septembre 2026 à novembre 2026/)
    assert.match(text, /Chiffres arrêtés au 30 novembre 2026\./)
    assert.deepEqual(p.all('.bilan-headline li'), [
      '95 demandes et propositions d’aide publiées',
      '67 ont reçu une réponse',
      '52 ont abouti : l’aide a été apportée',
      '20 bénévoles actifs',
    ])
    assert.match(text, /tout nombre de 1 à 4 est remplacé par « < 5 »/)
    // The charts draw only what the tables publish, month by month.
    const marks = p.all('figure svg title')
    assert.ok(marks.includes('Publiées, septembre 2026 : 20'), marks.join(' | '))
    for (const mark of marks) {
      const value = mark.match(/ : ([\d\s]+)$/)?.[1]?.replace(/\s/g, '')
      if (value !== undefined) assert.ok(value === '0' || Number(value) >= 5, mark)
    }
    // nor does any number written in a chart, the map's legend of symbol sizes included
    for (const label of p.all('figure svg text').filter((l) => /^[\d\s]+$/.test(l)))
      assert.ok(label === '0' || Number(label.replace(/\s/g, '')) >= 5, `« ${label} » written in a chart`)
    assert.equal(p.link('Données ouvertes du bilan'), `http://${calvados.hostnames[0]}/donnees-ouvertes`)
    for (const secret of [...TITLES, 'Quintaverde', 'rue des Lilas', 'Honfleur'])
      assert.ok(!res.body.includes(secret), `${secret} shown`)
    assert.ok(
      p.all('td').every((cell) => cell === '< 5' || /^(0|[5-9]|\d{2,}|\d{1,3}(\s\d{3})+)$/.test(cell)),
    )
    assert.ok(p.all('td').includes('< 5'))
    assert.equal(p.link('Bilan de l’entraide'), '/bilan', 'the footer links to it')
    assert.equal(res.headers['cache-control'], 'public, no-cache')
    assert.equal(res.headers['set-cookie'], undefined)
  })

  it('serves the monthly table as CSV and JSON that validate against their published schema', async () => {
    const schemaRes = await get('/donnees-ouvertes/bilan-mensuel.schema.json')
    const schema = schemaRes.json() as Descriptor
    assert.deepEqual(descriptorProblems(schema), [])
    assert.deepEqual(schema.primaryKey, ['mois', 'code_commune', 'categorie'])
    assert.deepEqual(schema.missingValues, ['< 5'])

    const csvRes = await get('/donnees-ouvertes/bilan-mensuel.csv')
    assert.match(String(csvRes.headers['content-type']), /^text\/csv; charset=utf-8/)
    assert.ok(!csvRes.body.startsWith('\uFEFF'))
    const csv = parseCsv(csvRes.body)
    assert.deepEqual(tableProblems(schema, { csv }), [])
    const jsonRes = await get('/donnees-ouvertes/bilan-mensuel.json')
    const json = jsonRes.json() as Record<string, unknown>[]
    assert.deepEqual(tableProblems(schema, { json }), [])
    assert.equal(json.length, csv.length - 1)

    assert.deepEqual([...new Set(json.map((r) => r.mois))].sort(), ['2026-09', '2026-10', '2026-11'])
    assert.ok(json.some((r) => r.code_commune === 'inconnue' && r.commune === 'Commune inconnue'))
    const falaise = json.find((r) => r.code_commune === FALAISE)!
    assert.deepEqual(falaise, {
      mois: '2026-10',
      code_commune: FALAISE,
      commune: 'Falaise',
      categorie: 'courses',
      categorie_libelle: 'Courses',
      demandes_et_propositions: falaise.demandes_et_propositions,
      avec_reponse: falaise.avec_reponse,
      aide_apportee: falaise.aide_apportee,
      benevoles_actifs: '< 5',
    })
    for (const r of json)
      for (const c of COUNT_COLUMNS) {
        const value = r[c]
        assert.ok(
          value === '< 5' || value === 0 || (typeof value === 'number' && value >= 5),
          `${c}: ${value}`,
        )
      }
    for (const body of [csvRes.body, jsonRes.body])
      for (const secret of [...TITLES, 'Quintaverde', 'Honfleur', HONFLEUR]) assert.ok(!body.includes(secret))
  })

  it('lets any site read the files, for an hour, checked by ETag, without a cookie', async () => {
    for (const url of [
      '/donnees-ouvertes/bilan-mensuel.csv',
      '/donnees-ouvertes/bilan-mensuel.json',
      '/donnees-ouvertes/bilan-mensuel.schema.json',
      '/donnees-ouvertes/catalogue.jsonld',
    ]) {
      const res = await get(url)
      assert.equal(res.statusCode, 200, url)
      assert.equal(res.headers['cache-control'], 'public, max-age=3600', url)
      assert.equal(res.headers['access-control-allow-origin'], '*', url)
      assert.equal(res.headers['set-cookie'], undefined, url)
      const etag = String(res.headers.etag)
      assert.equal((await get(url, { 'if-none-match': etag })).statusCode, 304, url)
    }
  })

  it('describes the dataset in DCAT with absolute addresses', async () => {
    const res = await get('/donnees-ouvertes/catalogue.jsonld')
    assert.match(String(res.headers['content-type']), /^application\/ld\+json/)
    const catalogue = res.json()
    const origin = `http://${calvados.hostnames[0]}`
    assert.equal(catalogue['@type'], 'dcat:Catalog')
    assert.ok(catalogue['@context'].dcat && catalogue['@context'].dct)
    const [dataset] = catalogue['dcat:dataset']
    assert.equal(dataset['@type'], 'dcat:Dataset')
    for (const key of ['dct:title', 'dct:description', 'dcat:keyword', 'dct:spatial', 'dct:identifier'])
      assert.ok(dataset[key], key)
    assert.equal(dataset['dct:publisher']['foaf:name'], calvados.officialName)
    assert.equal(dataset['dct:license']['@id'], LICENCE_URL)
    assert.match(dataset['dct:accrualPeriodicity']['@id'], /MONTHLY$/)
    assert.equal(dataset['dct:temporal']['dcat:startDate']['@value'], '2026-09-01')
    assert.equal(dataset['dct:temporal']['dcat:endDate']['@value'], '2026-11-30')
    assert.equal(dataset['dct:modified']['@value'], '2026-11-30')
    const distributions = dataset['dcat:distribution'] as Record<string, { '@id': string }>[]
    assert.deepEqual(
      distributions.map((d) => d['dcat:downloadURL']!['@id']),
      ['bilan-mensuel.csv', 'bilan-mensuel.json', 'bilan-mensuel.schema.json'].map(
        (f) => `${origin}/donnees-ouvertes/${f}`,
      ),
    )
    for (const d of distributions) {
      assert.ok(d['dcat:accessURL']!['@id'].startsWith(`${origin}/`))
      assert.match(d['dcat:mediaType']!['@id'], /^https:\/\/www\.iana\.org\/assignments\/media-types\//)
      assert.ok(/^https?:\/\//.test(d['dct:conformsTo']!['@id']))
    }
    // Every address the catalogue gives answers.
    for (const d of distributions)
      assert.equal((await get(new URL(d['dcat:downloadURL']!['@id']).pathname)).statusCode, 200)
  })

  it('lists the files, the licence and the method on one page', async () => {
    const p = page((await get('/donnees-ouvertes')).body)
    assert.equal(p.all('h1').length, 1)
    assert.equal(p.h1(), 'Données ouvertes')
    assert.equal(
      p.link('Bilan mensuel (CSV, séparateur virgule, UTF-8)'),
      `http://${calvados.hostnames[0]}/donnees-ouvertes/bilan-mensuel.csv`,
    )
    assert.equal(
      p.link('Schéma des données (Table Schema)'),
      `http://${calvados.hostnames[0]}/donnees-ouvertes/bilan-mensuel.schema.json`,
    )
    assert.equal(
      p.link('Catalogue (DCAT, JSON-LD)'),
      `http://${calvados.hostnames[0]}/donnees-ouvertes/catalogue.jsonld`,
    )
    assert.equal(p.link('Licence Ouverte 2.0 (Etalab)'), LICENCE_URL)
    assert.match(p.text('main'), /de septembre 2026 à novembre 2026/)
  })

  it('says when nothing is published yet', async () => {
    const fresh = await makeTerritory(t.app.services)
    await seedMonthlyRollups(t.db.db, fresh.id, [
      { month: '2026-12', commune: CAEN, category: '?', asks: 40 },
    ])
    const res = await t.app.inject({ url: '/bilan', headers: { host: fresh.hostnames[0]! } })
    const p = page(res.body)
    assert.match(p.text('main'), /Le premier bilan paraîtra au début du mois prochain/)
    assert.ok(!p.text('main').includes('40'))
    const json = await t.app.inject({
      url: '/donnees-ouvertes/bilan-mensuel.json',
      headers: { host: fresh.hostnames[0]! },
    })
    assert.deepEqual(json.json(), [])
    // Once the month is over, it is published.
    t.clock.set('2027-01-02T10:00:00Z')
    const january = page((await t.app.inject({ url: '/bilan', headers: { host: fresh.hostnames[0]! } })).body)
    assert.ok(january.all('.bilan-headline li').includes('40 demandes et propositions d’aide publiées'))
    t.clock.set('2026-12-07T10:00:00Z')
  })

  it('reads the rollups again once the rollup job has folded more events', async () => {
    const host = { host: calvados.hostnames[0]! }
    const before = page((await t.app.inject({ url: '/bilan', headers: host })).body).all('.bilan-headline li')
    await seedMonthlyRollups(t.db.db, calvados.id, [
      { month: '2026-11', commune: CAEN, category: '?', asks: 10 },
    ])
    await t.db.db
      .insert(statProgress)
      .values({ name: 'rollup', lastEventId: 99 })
      .onConflictDoUpdate({ target: statProgress.name, set: { lastEventId: 99 } })
    const unchanged = page((await t.app.inject({ url: '/bilan', headers: host })).body).all(
      '.bilan-headline li',
    )
    assert.equal(unchanged[0], before[0], 'decided again at most every ten minutes')
    t.clock.set(new Date(t.clock.now().getTime() + REDECIDE_AFTER_MS + 1000))
    const meanwhile = page((await t.app.inject({ url: '/bilan', headers: host })).body).all(
      '.bilan-headline li',
    )
    assert.equal(meanwhile[0], before[0], 'the previous decision is served while the new one is made')
    await decisionsMade()
    const after = page((await t.app.inject({ url: '/bilan', headers: host })).body).all('.bilan-headline li')
    assert.equal(before[0], '95 demandes et propositions d’aide publiées')
    assert.equal(after[0], '105 demandes et propositions d’aide publiées')
    t.clock.set('2026-12-07T10:00:00Z')
  })
})
