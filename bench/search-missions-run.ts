// One database's part of bench/search-missions.ts, in its own process (started by it): the same
// searches through SearchService with the missions handed in (as the app runs) and without them
// (as before missions joined the search), taken in turn, so that both see the same machine.

import { availableParallelism, cpus } from 'node:os'
import { sql } from 'drizzle-orm'
import { SearchService } from '../src/domains/listings/search.service.ts'
import { parseSearch } from '../src/domains/listings/search.ts'
import { missionSearch } from '../src/domains/missions/index.ts'
import { seedOrganisation } from '../src/domains/organisations/index.ts'
import type { openDatabase } from '../src/platform/db/client.ts'
import { type DatabaseLabel, loadavg, sendResult } from './databases.ts'
import { fillListings } from './http-fill.ts'
import { openChildApp, percentile } from './in-process.ts'

const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 20_000)
const MISSIONS = Number(process.env.BENCH_MISSIONS ?? 500)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30)

const SEARCHES: Record<string, string>[] = [
  { words: 'courses', commune: 'Caen', radiusKm: '10' },
  { commune: 'Lisieux', radiusKm: '20' },
  { words: 'ordinateur', commune: '' },
  { commune: '' },
]

export interface Variant {
  name: string
  meanMs: number
  p95Ms: number
  statementsPerSearch: number
}

export interface SearchMissionsResult {
  database: DatabaseLabel
  header: string
  loadavgStart: string
  loadavgEnd: string
  variants: Variant[]
}

async function main(): Promise<SearchMissionsResult> {
  const loadavgStart = loadavg()
  const { database, app, statements } = await openChildApp()
  const run = Math.random().toString(16).slice(2, 10)
  const territory = await app.services.territories.create({
    slug: `banc-${run}`,
    departements: ['14'],
    platformName: 'Entraide Banc d’essai',
    hostnames: [`banc-${run}.localhost`],
  })
  await fillListings(database, territory.id, LISTINGS)
  await seedMissions(database, app.services.clock.now(), territory.id)

  const withMissions = new SearchService(app.services, missionSearch(app.services))
  const without = new SearchService(app.services, null)
  const variants: { name: string; service: SearchService; kind: string }[] = [
    { name: 'asks, missions handed in', service: withMissions, kind: 'ask' },
    { name: 'asks, without missions', service: without, kind: 'ask' },
    { name: 'all kinds, with the missions block', service: withMissions, kind: '' },
    { name: 'all kinds, without missions', service: without, kind: '' },
    { name: 'missions only (kind=mission)', service: withMissions, kind: 'mission' },
  ]
  const timings = new Map(variants.map((v) => [v.name, [] as number[]]))
  const counts = new Map(variants.map((v) => [v.name, 0]))
  const searchOnce = async (v: (typeof variants)[number], raw: Record<string, string>) => {
    const parsed = parseSearch({ ...raw, kind: v.kind })
    if ('issues' in parsed) throw new Error(JSON.stringify(parsed.issues))
    await v.service.search(territory, parsed.query, 'fr')
  }
  // Warm the caches (categories, circles, communes) for every variant alike.
  for (const v of variants) for (const raw of SEARCHES) await searchOnce(v, raw)
  for (let round = 0; round < ROUNDS; round++) {
    for (const raw of SEARCHES) {
      // The variants' order turns each round, so none always runs first.
      for (let i = 0; i < variants.length; i++) {
        const v = variants[(i + round) % variants.length]!
        statements.count = 0
        statements.armed = true
        const t0 = performance.now()
        await searchOnce(v, raw)
        timings.get(v.name)!.push(performance.now() - t0)
        statements.armed = false
        counts.set(v.name, counts.get(v.name)! + statements.count)
      }
    }
  }
  const result: SearchMissionsResult = {
    database: process.env.BENCH_DATABASE as DatabaseLabel,
    header:
      `node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ` +
      `${LISTINGS} listings, ${MISSIONS} missions, ${ROUNDS} rounds of ${SEARCHES.length} searches`,
    loadavgStart,
    loadavgEnd: loadavg(),
    variants: variants.map((v) => {
      const sorted = [...timings.get(v.name)!].sort((a, b) => a - b)
      return {
        name: v.name,
        meanMs: sorted.reduce((a, b) => a + b, 0) / sorted.length,
        p95Ms: percentile(sorted, 95),
        statementsPerSearch: counts.get(v.name)! / sorted.length,
      }
    }),
  }
  await app.close()
  await database.close()
  return result
}

/** 20 verified organisations (and 2 suspended) with MISSIONS missions over the Calvados communes, each with 3 slots to come. */
async function seedMissions(
  database: Awaited<ReturnType<typeof openDatabase>>,
  now: Date,
  territoryId: string,
) {
  const { db } = database
  const managers = (await db.execute(
    sql`select id from accounts where territory_id = ${territoryId} limit 22`,
  )) as unknown as {
    rows: { id: string }[]
  }
  for (const [i, manager] of managers.rows.entries())
    await seedOrganisation(db, {
      territoryId,
      name: `Association ${i + 1}`,
      communeInsee: '14118',
      managerId: manager.id,
      status: i < 20 ? 'verified' : 'suspended',
      now,
    })
  await db.execute(sql`
    with orgs as (select array_agg(id) as ids from organisations where territory_id = ${territoryId}),
    cats as (select array_agg(id) as ids from categories where territory_id = ${territoryId}),
    towns as (select array_agg(insee) as insee, array_agg(latitude) as lat, array_agg(longitude) as lon
      from (select insee, latitude, longitude from communes where departement = '14' order by population desc limit 60) c)
    insert into missions (id, territory_id, organisation_id, category_id, title, description, commune_insee,
      latitude, longitude, status, created_at, updated_at, published_at)
    select gen_random_uuid(), ${territoryId}, (select ids from orgs)[1 + g % 22], (select ids from cats)[1 + g % cardinality((select ids from cats))],
      (array['Distribution de colis', 'Courses pour les aînés', 'Atelier ordinateur', 'Maraude du soir'])[1 + g % 4],
      'Une mission pour des bénévoles, quelques heures.', (select insee from towns)[1 + g % 60],
      (select lat from towns)[1 + g % 60], (select lon from towns)[1 + g % 60],
      case when g % 10 = 0 then 'closed' else 'published' end, now(), now(), now() - (g || ' minutes')::interval
    from generate_series(1, ${MISSIONS}) g`)
  await db.execute(sql`
    insert into mission_slots (id, mission_id, starts_at, ends_at, places, taken)
    select gen_random_uuid(), m.id, ${now.toISOString()}::timestamptz + (n || ' days')::interval,
      ${now.toISOString()}::timestamptz + (n || ' days')::interval + interval '3 hours', 3, case when n = 1 then 3 else 0 end
    from missions m, generate_series(1, 3) n where m.territory_id = ${territoryId}`)
  await db.execute(sql`analyze`)
}

await sendResult(await main())
