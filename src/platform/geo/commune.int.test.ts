import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import type { Territory } from '../tenancy/territory.ts'
import { countCommunes, distanceKm, findCommune, searchCommunes } from './commune.repository.ts'
import { parseCommuneQuery } from './commune.ts'
import { CommuneIndex, shippedCommuneIndex } from './commune-index.ts'
import { readCommunesFile } from './communes.dataset.ts'
import { haversineKm } from './distance.ts'
import { wordSimilarity } from './trigram.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)

let t: TestApp
let calvados: Territory
let normandieOuest: Territory

// One app for the four groups below, opened and closed around them: hooks outside any describe
// would belong to the whole process when several files run in one (scripts/test.mjs).
describe('communes', () => {
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services, { departements: ['14'] })
    normandieOuest = await makeTerritory(t.app.services, { departements: ['14', '50'] })
  })
  after(() => t.close())

  async function get(territory: Territory, url: string) {
    return t.app.inject({ method: 'GET', url, headers: { host: territory.hostnames[0]! } })
  }

  async function search(territory: Territory, q: string, limit?: number) {
    const res = await get(
      territory,
      `/api/v1/communes?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`,
    )
    return { status: res.statusCode, body: res.json() }
  }

  const names = (body: { communes: { name: string }[] }) => body.communes.map((c) => c.name)

  describe('GET /api/v1/communes', () => {
    it('finds a commune whatever the case, accents and hyphens', async () => {
      const { status, body } = await search(normandieOuest, 'sainte mere eglise')
      assert.equal(status, 200)
      assert.equal(body.communes[0].insee, '50523')
      assert.equal(body.communes[0].name, 'Sainte-Mère-Église')
      assert.equal(body.communes[0].label, 'Sainte-Mère-Église (50480)')
    })

    it('finds a commune by postal code, and the town people mean first by name', async () => {
      const byCode = await search(calvados, '14000')
      assert.deepEqual(
        byCode.body.communes.map((c: { insee: string }) => c.insee),
        ['14118'],
      )
      assert.equal(names((await search(calvados, 'caen')).body)[0], 'Caen')
      assert.ok(names((await search(calvados, 'Hérouville')).body).includes('Hérouville-Saint-Clair'))
    })

    it('forgives misspellings', async () => {
      assert.equal(names((await search(calvados, 'lisieu')).body)[0], 'Lisieux')
      assert.ok(names((await search(calvados, 'lisieus')).body).includes('Lisieux'))
    })

    it("keeps to the territory's départements", async () => {
      assert.ok(!names((await search(calvados, 'sainte mere eglise')).body).includes('Sainte-Mère-Église'))
      assert.equal((await get(calvados, '/api/v1/communes/50523')).statusCode, 404)
      const there = await get(normandieOuest, '/api/v1/communes/50523')
      assert.equal(there.statusCode, 200)
      assert.equal(there.json().name, 'Sainte-Mère-Église')
    })

    it('honours the limit', async () => {
      assert.equal((await search(calvados, 'saint', 3)).body.communes.length, 3)
      assert.equal((await search(calvados, 'saint', 51)).status, 400)
    })

    it('answers bad input with 400 or an empty list, never 500', async () => {
      const huge = await search(calvados, 'a'.repeat(1024 * 1024))
      assert.ok([400, 413, 414].includes(huge.status), String(huge.status))
      const long = await search(calvados, 'a'.repeat(101))
      assert.equal(long.status, 400)
      assert.match(long.body.errors[0].detail, /au plus 100 caractères/)
      const injection = await search(calvados, "'; DROP TABLE communes; --")
      assert.equal(injection.status, 200)
      assert.ok(Array.isArray(injection.body.communes))
      assert.ok((await findCommune(t.db.db, '14118')) !== null, 'the communes table is still there')
      for (const q of ['🙂🏠', '   ', '?!…', '']) {
        const res = await search(calvados, q)
        assert.equal(res.status, 200, q)
        assert.deepEqual(res.body.communes, [], q)
      }
    })
  })

  describe('former communes', () => {
    it("finds today's commune by a former name and says so in its label", async () => {
      const { status, body } = await search(calvados, 'Condé-sur-Noireau')
      assert.equal(status, 200)
      assert.equal(body.communes[0].insee, '14174')
      assert.equal(body.communes[0].name, 'Condé-en-Normandie')
      assert.equal(body.communes[0].formerName, 'Condé-sur-Noireau')
      assert.equal(
        body.communes[0].label,
        'Condé-en-Normandie (14110) — ancienne commune de Condé-sur-Noireau',
      )
      const dives = await search(calvados, 'st pierre sur dives')
      assert.equal(
        dives.body.communes[0].label,
        'Saint-Pierre-en-Auge (14140) — ancienne commune de Saint-Pierre-sur-Dives',
      )
      const english = await t.app.inject({
        method: 'GET',
        url: `/api/v1/communes?q=${encodeURIComponent('conde sur noireau')}`,
        headers: { host: calvados.hostnames[0]!, 'accept-language': 'en' },
      })
      assert.equal(
        english.json().communes[0].label,
        'Condé-en-Normandie (14110) — formerly Condé-sur-Noireau',
      )
    })

    it('forgives a misspelt former name, and leaves current names and postal codes as they were', async () => {
      assert.equal((await search(calvados, 'conde sur noirau')).body.communes[0].insee, '14174')
      const current = await search(calvados, 'Condé-sur-Ifs')
      assert.equal(current.body.communes[0].insee, '14173')
      assert.equal(current.body.communes[0].formerName, undefined)
      assert.equal(current.body.communes[0].label, 'Condé-sur-Ifs (14270)')
      const byPostal = (await search(calvados, '14110')).body.communes
      assert.ok(
        byPostal.some((c: { insee: string; formerName?: string }) => c.insee === '14174' && !c.formerName),
      )
      assert.equal((await get(calvados, '/api/v1/communes/14174')).json().formerName, undefined)
    })

    it("does not find another département's former commune", async () => {
      // Tessy-sur-Vire is now part of Tessy-Bocage, in the Manche.
      const here = await search(calvados, 'Tessy-sur-Vire')
      assert.ok(!here.body.communes.some((c: { insee: string }) => c.insee === '50592'))
      assert.equal((await search(normandieOuest, 'Tessy-sur-Vire')).body.communes[0].insee, '50592')
      assert.equal((await t.app.services.communes.resolve(calvados, 'Tessy-sur-Vire')).kind, 'none')
    })

    it('answers every hostile query with a list or a clear 400, never a 500', async () => {
      for (const text of HOSTILE) {
        // As a browser sends it: URLSearchParams writes an unpaired surrogate as U+FFFD.
        const query = new URLSearchParams({ q: text })
        const res = await get(calvados, `/api/v1/communes?${query}`)
        const [status, body] = [res.statusCode, res.json()]
        const label = JSON.stringify(text.slice(0, 30))
        assert.ok(status === 200 || status === 400, `${label}: ${status}`)
        if (status === 400)
          assert.match(body.errors[0].detail, /caractères|valeur non valide|caractère invisible/, label)
        else assert.ok(Array.isArray(body.communes), label)
        const html = await get(calvados, `/communes?${query}`)
        assert.ok(html.statusCode === 200 || html.statusCode === 400, `page ${label}: ${html.statusCode}`)
        assert.ok(!html.body.includes('<script>alert'), label)
        if (html.statusCode === 400) assert.ok(page(html.body).errorSummary().length > 0, label)
      }
    })

    it('lists the former commune on the page without JavaScript', async () => {
      const p = page((await get(calvados, `/communes?q=${encodeURIComponent('Condé sur Noireau')}`)).body)
      assert.equal(p.all('.results h3')[0], 'Condé-en-Normandie')
      assert.match(p.text('.results li'), /Ancienne commune : Condé-sur-Noireau/)
    })
  })

  describe('GET /api/v1/communes/:insee and distance', () => {
    it('answers 404 problem JSON for an unknown code and 400 for a malformed one', async () => {
      const unknown = await get(calvados, '/api/v1/communes/14999')
      assert.equal(unknown.statusCode, 404)
      assert.match(unknown.headers['content-type'] as string, /application\/problem\+json/)
      assert.match(unknown.json().detail, /n’existe pas/)
      assert.equal((await get(calvados, `/api/v1/communes/${"'%20OR%201=1"}`)).statusCode, 400)
    })

    it('gives the distance between two communes, the same in SQL and in code', async () => {
      const res = await get(calvados, '/api/v1/communes/14118/distance/14366')
      assert.equal(res.statusCode, 200)
      assert.ok(Math.abs(res.json().km - 45) <= 5, String(res.json().km))
      const sqlKm = (await distanceKm(t.db.db, '14118', '14366'))!
      const [caen, lisieux] = [await findCommune(t.db.db, '14118'), await findCommune(t.db.db, '14366')]
      assert.ok(Math.abs(sqlKm - haversineKm(caen!, lisieux!)) / sqlKm < 0.005)
      const far = (await distanceKm(t.db.db, '75056', '13055'))!
      const code = haversineKm((await findCommune(t.db.db, '75056'))!, (await findCommune(t.db.db, '13055'))!)
      assert.ok(Math.abs(far - code) / far < 0.005, `${far} vs ${code}`)
      assert.equal((await get(calvados, '/api/v1/communes/14118/distance/50523')).statusCode, 404)
    })

    it('answers from memory exactly what the database answers', async () => {
      assert.equal((await shippedCommuneIndex()).size, await countCommunes(t.db.db))
      // The table holds current names only: former ones are the index's own addition, tested apart.
      const current = (await readCommunesFile()).map(({ formerNames: _, ...commune }) => commune)
      const index = new CommuneIndex(current)
      const queries = [
        'caen',
        'lisieu',
        'lisieus',
        'st',
        'sainte mere',
        'bayeu',
        'herouvile',
        'mont',
        'sur mer',
        'vire normandie',
        'le',
        'x',
        'aaa',
        '14',
        '141',
        '1440',
        '50480',
        'pont l eveque',
        'ouistreham',
        'cherbour',
      ]
      for (const text of queries) {
        const query = parseCommuneQuery(text)
        if (query.kind === 'empty') continue
        const departements = ['14', '50']
        const fromDb = await searchCommunes(t.db.db, { query, departements, limit: 50 })
        assert.deepEqual(
          index.search(query, departements, 50).map((c) => c.insee),
          fromDb.map((c) => c.insee),
          text,
        )
      }
    })

    it("computes pg_trgm's word similarity as the database does", async () => {
      const pairs: [string, string][] = [
        ['lisieu', 'lisieux'],
        ['herouvile', 'herouville saint clair'],
        ['sur mer', 'saint aubin sur mer'],
        ['mont', 'le mont saint michel'],
        ['abc', 'xyz'],
        ['caen caen', 'caen'],
        ['ee', 'eeee eeee'],
      ]
      for (const [a, b] of pairs) {
        const result = (await t.db.db.execute(
          sql`select word_similarity(${a}, ${b})::float8 as s`,
        )) as unknown as {
          rows: { s: number }[]
        }
        assert.equal(wordSimilarity(a, b), Math.fround(Number(result.rows[0]!.s)), `${a} / ${b}`)
      }
    })

    it('has loaded every commune of the Départements', async () => {
      const count = await countCommunes(t.db.db)
      assert.ok(count >= 34_870, String(count))
    })
  })

  describe('CommuneService.resolve', () => {
    it('reads the label, an INSEE code, a postal code and a name', async () => {
      const { communes } = t.app.services
      const one = (r: Awaited<ReturnType<typeof communes.resolve>>) =>
        r.kind === 'one' ? r.commune.insee : r.kind
      assert.equal(one(await communes.resolve(calvados, 'Caen (14000)')), '14118')
      assert.equal(one(await communes.resolve(calvados, '14118')), '14118')
      assert.equal(one(await communes.resolve(calvados, '14000')), '14118')
      assert.equal(one(await communes.resolve(calvados, 'caen')), '14118')
      assert.equal(one(await communes.resolve(calvados, 'Sainte-Mère-Église (50480)')), 'none')
      assert.equal(one(await communes.resolve(calvados, '🙂')), 'none')
      const near = await communes.resolve(calvados, 'lisieu')
      assert.equal(near.kind, 'many')
      assert.equal(near.kind === 'many' && near.communes[0]!.name, 'Lisieux')
    })

    it('reads a former commune name as the commune it now belongs to', async () => {
      const { communes } = t.app.services
      const resolved = async (text: string) => {
        const r = await communes.resolve(calvados, text)
        return r.kind === 'one' ? [r.commune.insee, r.commune.formerName ?? null] : r.kind
      }
      assert.deepEqual(await resolved('Condé-sur-Noireau'), ['14174', 'Condé-sur-Noireau'])
      assert.deepEqual(await resolved('CONDE SUR NOIREAU'), ['14174', 'Condé-sur-Noireau'])
      assert.deepEqual(await resolved('Saint-Pierre-sur-Dives'), ['14654', 'Saint-Pierre-sur-Dives'])
      assert.deepEqual(await resolved('st pierre sur dives'), ['14654', 'Saint-Pierre-sur-Dives'])
      assert.deepEqual(await resolved('Condé-sur-Noireau (14110)'), ['14174', 'Condé-sur-Noireau'])
      // The label the autocompletion offered, read back as it was picked.
      const label = 'Condé-en-Normandie (14110) — ancienne commune de Condé-sur-Noireau'
      assert.deepEqual(await resolved(label), ['14174', null])
      // Current names are not shadowed by former ones.
      assert.deepEqual(await resolved('Condé-sur-Ifs'), ['14173', null])
      assert.deepEqual(await resolved('Vire Normandie'), ['14762', null])
      assert.deepEqual(await resolved('Vire'), ['14762', 'Vire'])
      const misspelt = await communes.resolve(calvados, 'conde sur noirau')
      assert.equal(misspelt.kind, 'many')
      assert.equal(misspelt.kind === 'many' && misspelt.communes[0]!.insee, '14174')
    })
  })

  describe('GET /communes (no JavaScript)', () => {
    it('lists the matching communes with postal codes and population', async () => {
      const res = await get(calvados, '/communes?q=caen')
      assert.equal(res.statusCode, 200)
      const p = page(res.body)
      assert.equal(p.h1(), 'Trouver une commune')
      assert.equal(p.all('.results h3')[0], 'Caen')
      assert.match(p.text('.results li'), /Code postal : 14000/)
      assert.match(p.text('.results li'), /109\s400 habitants/)
      assert.equal((p.field('Nom ou code postal') as HTMLInputElement | null)?.getAttribute('value'), 'caen')
      assert.match(res.body, /\/static\/assets\/js\/commune-field(-[\w]+)?\.js/)
    })

    it('says when it shows only the best of many matches', async () => {
      const p = page((await get(calvados, '/communes?q=saint')).body)
      assert.equal(p.all('.results h3').length, 20)
      assert.match(p.text('main'), /Voici les 20 communes qui correspondent le mieux à « saint »/)
    })

    it('says so when nothing matches', async () => {
      const p = page((await get(calvados, '/communes?q=zzzzzz')).body)
      assert.match(p.text('main'), /Aucune commune du territoire ne correspond à « zzzzzz »/)
    })

    it('explains a too long query with an error summary, status 400 and the value kept', async () => {
      const long = 'b'.repeat(101)
      const res = await get(calvados, `/communes?q=${long}`)
      assert.equal(res.statusCode, 400)
      const p = page(res.body)
      assert.deepEqual(p.errorSummary(), [
        { text: 'Saisissez au plus 100 caractères pour chercher une commune.', href: '#q' },
      ])
      assert.match(p.text('.field-error .error-message'), /au plus 100 caractères/)
      assert.equal(p.document.getElementById('q')?.getAttribute('value'), long)
    })

    it('shows the empty form first, in English too', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/communes',
        headers: { host: calvados.hostnames[0]!, 'accept-language': 'en' },
      })
      assert.equal(res.statusCode, 200)
      assert.equal(page(res.body).h1(), 'Find a commune')
      assert.equal(page(res.body).all('.results li').length, 0)
    })
  })
})
