import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { makeOrganisation, postMission } from '../../../test/helpers/missions.ts'
import { buildCountingTestApp, type CountingTestApp } from '../../../test/helpers/statements.ts'
import { organisations } from '../../../test/helpers/tables.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { missions } from './mission.schema.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
const LISIEUX = '14366'
const row = (date: string, places = '3') => ({ date, start: '09:00', end: '12:00', places })

/** What a visitor reads of the missions listed by the kind « mission »: their titles, in order. */
const titles = (html: string) => page(html).all('ol.results h3')
/** The block beside the asks and offers: its missions' titles. */
const blockTitles = (html: string) => page(html).all('.missions-block h3')

describe('missions in the common search and in the alerts', () => {
  let t: TestApp
  let calvados: Territory
  let visitor: Client
  let org: Awaited<ReturnType<typeof makeOrganisation>>

  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-03-16T09:00:00Z')
    calvados = await makeTerritory(t.app.services)
    visitor = new Client(t, calvados.hostnames[0]!)
    org = await makeOrganisation(t, calvados, { name: 'Épicerie solidaire de Caen' })
  })
  after(() => t.close())

  it('finds a mission by a word typed without accents, within the radius and not outside', async () => {
    const { mission } = await postMission(t, calvados, org, [row('2026-04-04', '3')], {
      title: 'Épicerie solidaire du samedi',
    })
    await postMission(t, calvados, org, [row('2026-04-04')], {
      title: 'Épicerie de Lisieux',
      communeInsee: LISIEUX,
    })
    const res = await visitor.get('/annonces?kind=mission&words=epicerie&commune=Caen&radiusKm=10')
    assert.equal(res.statusCode, 200)
    assert.deepEqual(titles(res.body), ['Épicerie solidaire du samedi'])
    const shown = page(res.body)
    assert.equal(shown.link('Épicerie solidaire du samedi'), `/missions/${mission.id}`)
    assert.deepEqual(shown.all('ol.results .result-meta'), [
      'Mission · par Épicerie solidaire de Caen · Caen · à 0 km',
      'prochain créneau le 4 avril 2026 à 09:00 · 3 places restantes',
    ])
    const wide = await visitor.get('/annonces?kind=mission&words=épicerie&commune=Caen&radiusKm=50')
    assert.deepEqual(titles(wide.body).sort(), ['Épicerie de Lisieux', 'Épicerie solidaire du samedi'])
  })

  it('lists with kind « mission » only missions: published, of verified organisations, of the territory, with a place to come', async () => {
    const author = await makeAccount(t, calvados)
    await makeListing(t, calvados, author, { title: 'Potager partagé à arroser' })
    await postMission(t, calvados, org, [row('2026-04-04')], { title: 'Potager de l’association' })
    // held by the free-help rule, then closed, then full, then past: none is shown
    await postMission(t, calvados, org, [row('2026-04-04')], { title: 'Potager, légumes à 2 €' })
    const closed = await postMission(t, calvados, org, [row('2026-04-04')], { title: 'Potager fermé' })
    await t.db.db.update(missions).set({ status: 'closed' }).where(eq(missions.id, closed.mission.id))
    const full = await postMission(t, calvados, org, [row('2026-04-04', '1')], { title: 'Potager complet' })
    const { missionSlots } = await import('./mission.schema.ts')
    await t.db.db.update(missionSlots).set({ taken: 1 }).where(eq(missionSlots.missionId, full.mission.id))
    // an organisation suspended after posting
    const suspended = await makeOrganisation(t, calvados, { name: 'Association suspendue' })
    await postMission(t, calvados, suspended, [row('2026-04-04')], { title: 'Potager suspendu' })
    await t.db.db.update(organisations).set({ status: 'suspended' }).where(eq(organisations.id, suspended.id))
    // another territory on the same département
    const other = await makeTerritory(t.app.services)
    const otherOrg = await makeOrganisation(t, other, { name: 'Ailleurs' })
    await postMission(t, other, otherOrg, [row('2026-04-04')], { title: 'Potager d’ailleurs' })

    const res = await visitor.get('/annonces?kind=mission&words=potager&commune=')
    assert.deepEqual(titles(res.body), ['Potager de l’association'])
    assert.equal(blockTitles(res.body).length, 0)
    const api = JSON.parse((await visitor.get('/api/v1/listings/search?kind=mission&words=potager')).body)
    assert.deepEqual(api.results, [])
    assert.deepEqual(
      api.missions.map((m: { title: string; organisation: { name: string } }) => [
        m.title,
        m.organisation.name,
      ]),
      [['Potager de l’association', 'Épicerie solidaire de Caen']],
    )
    assert.equal(api.missions[0].nextSlot.placesLeft, 3)
    const asks = await visitor.get('/annonces?kind=ask&words=potager&commune=')
    assert.deepEqual(page(asks.body).all('ol.results h3'), ['Potager partagé à arroser'])
    assert.equal(blockTitles(asks.body).length, 0, 'asks only: no missions')
  })

  it('shows beside the asks and offers the 3 best missions and a link to all of them', async () => {
    for (const n of [1, 2, 3, 4])
      await postMission(t, calvados, org, [row(`2026-04-0${n}`)], { title: `Maraude du soir ${n}` })
    const author = await makeAccount(t, calvados)
    await makeListing(t, calvados, author, { title: 'Maraude : couvertures à prêter' })
    const res = await visitor.get('/annonces?words=maraude&commune=')
    const shown = page(res.body)
    assert.deepEqual(shown.all('ol.results h3'), ['Maraude : couvertures à prêter'])
    assert.equal(shown.text('.missions-block h2'), 'Missions d’associations')
    assert.equal(blockTitles(res.body).length, 3)
    const all = shown.link('Voir toutes les missions d’associations de cette recherche')!
    assert.equal(all, '/annonces?words=maraude&kind=mission&commune=')
    assert.equal(titles((await visitor.get(all)).body).length, 4)
    // their own pages, by the API's cursor
    const first = JSON.parse(
      (await visitor.get('/api/v1/listings/search?kind=mission&words=maraude&limit=3')).body,
    )
    assert.equal(first.missions.length, 3)
    const next = JSON.parse(
      (
        await visitor.get(
          `/api/v1/listings/search?kind=mission&words=maraude&limit=3&cursor=${first.nextCursor}`,
        )
      ).body,
    )
    assert.equal(next.missions.length, 1)
    assert.equal(next.nextCursor, null)
    const seen = new Set([...first.missions, ...next.missions].map((m: { id: string }) => m.id))
    assert.equal(seen.size, 4)
    const none = await visitor.get('/annonces?kind=mission&words=introuvable&commune=')
    assert.match(page(none.body).text('main'), /Aucune annonce ne correspond/)
  })

  it('answers every hostile text in every parameter with the form, never a 500', async () => {
    for (const field of ['kind', 'words', 'categories', 'commune', 'radiusKm', 'sort', 'cursor', 'urgency']) {
      for (const text of HOSTILE) {
        const params = new URLSearchParams({ kind: 'mission', [field]: text })
        const label = `${field} = ${JSON.stringify(text.slice(0, 30))}`
        const res = await visitor.get(`/annonces?${params}`)
        assert.ok(res.statusCode === 200 || res.statusCode === 400, `${label}: ${res.statusCode}`)
        assert.match(String(res.headers['content-type']), /^text\/html/, label)
        assert.ok(!res.body.includes('<script>alert'), label)
        if (res.statusCode === 400) assert.ok(page(res.body).errorSummary().length > 0, label)
        const api = await visitor.get(`/api/v1/listings/search?${params}`)
        assert.ok(api.statusCode === 200 || api.statusCode === 400, `API ${label}: ${api.statusCode}`)
      }
    }
    const refused = page((await visitor.get('/annonces?kind=missions')).body)
    assert.deepEqual(
      refused.errorSummary().map((e) => e.text),
      ['Choisissez demandes, propositions ou missions d’associations.'],
    )
  })
})

describe('missions in the search: what they cost the asks and offers', () => {
  let t: CountingTestApp
  let visitor: Client

  before(async () => {
    t = await buildCountingTestApp()
    t.clock.set('2026-03-16T09:00:00Z')
    const calvados = await makeTerritory(t.app.services)
    visitor = new Client(t, calvados.hostnames[0]!)
    const org = await makeOrganisation(t, calvados)
    await postMission(t, calvados, org, [row('2026-04-04')], { title: 'Collecte de vêtements' })
    await makeListing(t, calvados, await makeAccount(t, calvados), { title: 'Vêtements à donner' })
    await visitor.get('/annonces?words=vetements&commune=') // the caches of categories and communes
  })
  after(() => t.close())

  const readsMissions = (statements: string[]) => statements.filter((s) => /from missions/i.test(s)).length

  it('sends no statement to missions for asks or offers, and one for all kinds', async () => {
    for (const kind of ['ask', 'offer']) {
      const counted = await t.count(() => visitor.get(`/annonces?kind=${kind}&words=vetements&commune=Caen`))
      assert.equal(readsMissions(counted.statements), 0, `${kind}:\n${counted.statements.join('\n')}`)
    }
    const all = await t.count(() => visitor.get('/annonces?words=vetements&commune=Caen'))
    assert.equal(readsMissions(all.statements), 1, all.statements.join('\n'))
    assert.deepEqual(blockTitles(all.result.body), ['Collecte de vêtements'])
    const only = await t.count(() => visitor.get('/annonces?kind=mission&words=vetements&commune=Caen'))
    assert.equal(readsMissions(only.statements), 1, only.statements.join('\n'))
    assert.equal(/from listing/i.test(only.statements.join('\n')), false, 'missions only: no listing read')
  })
})
