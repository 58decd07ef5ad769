// One database's part of bench/producers.ts, in its own process (started by it): the directory's
// searches through ProducerDirectoryService over PRODUCERS verified producers, each with three
// products, two places and their hours, taken in turn so that all see the same machine.

import { availableParallelism, cpus } from 'node:os'
import { sql } from 'drizzle-orm'
import { ProducerDirectoryService } from '../src/domains/producers/producer-directory.service.ts'
import { parseProducerQuery } from '../src/domains/producers/producer-query.ts'
import { type DatabaseLabel, loadavg, sendResult } from './databases.ts'
import { openChildApp, percentile } from './in-process.ts'

const PRODUCERS = Number(process.env.BENCH_PRODUCERS ?? 2000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30)

const SEARCHES: [string, Record<string, string>][] = [
  ['the whole directory, first page', {}],
  ['« œufs »', { words: 'œufs' }],
  ['Caen + 15 km', { commune: 'Caen', radiusKm: '15' }],
  [
    '« œufs », Bayeux + 15 km, open today',
    { words: 'œufs', commune: 'Bayeux', radiusKm: '15', openToday: 'oui' },
  ],
  ['open today', { openToday: 'oui' }],
  ['family miel, market', { family: 'miel', mode: 'market' }],
]

export interface ProducersResult {
  database: DatabaseLabel
  header: string
  loadavgStart: string
  loadavgEnd: string
  variants: { name: string; meanMs: number; p95Ms: number; statementsPerSearch: number; found: number }[]
}

async function main(): Promise<ProducersResult> {
  const loadavgStart = loadavg()
  const { database, app, statements } = await openChildApp()
  const run = Math.random().toString(16).slice(2, 10)
  const territory = await app.services.territories.create({
    slug: `banc-${run}`,
    departements: ['14'],
    platformName: 'Entraide Banc d’essai',
    hostnames: [`banc-${run}.localhost`],
  })
  await seedProducers(database.db, territory.id)
  const directory = new ProducerDirectoryService(app.services)
  const found = new Map<string, number>()
  const searchOnce = async (name: string, raw: Record<string, string>) => {
    const parsed = parseProducerQuery(raw)
    if ('issues' in parsed) throw new Error(JSON.stringify(parsed.issues))
    found.set(name, (await directory.search(territory, parsed.query)).total)
  }
  for (const [name, raw] of SEARCHES) await searchOnce(name, raw)
  const timings = new Map(SEARCHES.map(([name]) => [name, [] as number[]]))
  const counts = new Map(SEARCHES.map(([name]) => [name, 0]))
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < SEARCHES.length; i++) {
      const [name, raw] = SEARCHES[(i + round) % SEARCHES.length]!
      statements.count = 0
      statements.armed = true
      const t0 = performance.now()
      await searchOnce(name, raw)
      timings.get(name)!.push(performance.now() - t0)
      statements.armed = false
      counts.set(name, counts.get(name)! + statements.count)
    }
  }
  const result: ProducersResult = {
    database: process.env.BENCH_DATABASE as DatabaseLabel,
    header:
      `node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ` +
      `${PRODUCERS} verified producers (3 products, 2 places, 3 spans of hours each, 0 h–23 h 59), ${ROUNDS} rounds`,
    loadavgStart,
    loadavgEnd: loadavg(),
    variants: SEARCHES.map(([name]) => {
      const sorted = [...timings.get(name)!].sort((a, b) => a - b)
      return {
        name,
        meanMs: sorted.reduce((a, b) => a + b, 0) / sorted.length,
        p95Ms: percentile(sorted, 95),
        statementsPerSearch: counts.get(name)! / sorted.length,
        found: found.get(name) ?? 0,
      }
    }),
  }
  await app.close()
  await database.close()
  return result
}

/** PRODUCERS verified producers over the 60 largest communes of the Calvados, with products, places and hours. */
async function seedProducers(
  db: Awaited<ReturnType<typeof openChildApp>>['database']['db'],
  territoryId: string,
) {
  await db.execute(sql`insert into accounts (id, territory_id, email, email_verified_at, display_name, commune_insee,
      charter_version, charter_accepted_at, privacy_version, privacy_accepted_at, created_at, updated_at)
    values (gen_random_uuid(), ${territoryId}, 'banc-producteurs@exemple.test', now(), 'Fermière', '14118',
      '1', now(), '1', now(), now(), now())`)
  await db.execute(sql`create temp table bench_towns as
    select row_number() over (order by population desc) as n, insee, latitude, longitude
    from communes where departement = '14' order by population desc limit 60`)
  await db.execute(sql`
    insert into organisations (id, territory_id, name, kind, commune_insee, latitude, longitude, description,
      contact_kind, contact_value, status, verified_at, created_at, updated_at)
    select gen_random_uuid(), ${territoryId}, 'Ferme ' || g, 'producer', t.insee, t.latitude, t.longitude,
      'Une ferme du Calvados.', 'email', 'ferme' || g || '@exemple.test',
      case when g % 10 = 0 then 'pending' else 'verified' end, now(), now(), now()
    from generate_series(1, ${PRODUCERS}) g join bench_towns t on t.n = 1 + g % 60`)
  await db.execute(sql`
    insert into producer_profiles (organisation_id, territory_id, families, labels, presentation, updated_at)
    select o.id, ${territoryId}, '{}'::text[], case when random() < 0.3 then '{ab}'::text[] else '{}'::text[] end,
      'Vente directe.', now()
    from organisations o where o.territory_id = ${territoryId} and o.kind = 'producer'`)
  await db.execute(sql`
    insert into producer_products (id, organisation_id, family, name, description, months, position, created_at)
    select gen_random_uuid(), p.organisation_id, f.family, f.name, '', f.months, f.n, now()
    from producer_profiles p cross join lateral (
      select * from (values
        (1, 'oeufs', 'Œufs de plein air', '{1,2,3,4,5,6,7,8,9,10,11,12}'::smallint[]),
        (2, 'legumes', 'Poireaux', '{9,10,11,12,1,2}'::smallint[]),
        (3, 'miel', 'Miel de fleurs', '{5,6,7,8,9}'::smallint[]),
        (4, 'fruits', 'Pommes', '{9,10,11}'::smallint[]),
        (5, 'viande', 'Colis de veau', '{1,2,3,4,5,6,7,8,9,10,11,12}'::smallint[])
      ) v(n, family, name, months)
      where (v.n + hashtext(p.organisation_id::text)) % 5 < 3
    ) f(n, family, name, months)
    where p.territory_id = ${territoryId}`)
  await db.execute(sql`update producer_profiles p set families = coalesce((select array_agg(distinct family order by family)
    from producer_products where organisation_id = p.organisation_id), '{}') where p.territory_id = ${territoryId}`)
  await db.execute(sql`
    insert into producer_sales_places (id, organisation_id, territory_id, mode, name, commune_insee, latitude, longitude,
      address, radius_km, details, position)
    select gen_random_uuid(), p.organisation_id, ${territoryId},
      (array['farm-shop','market','basket','delivery','drive'])[1 + (abs(hashtext(p.organisation_id::text)) + k) % 5],
      'Lieu ' || k, t.insee, t.latitude, t.longitude, '', case when (abs(hashtext(p.organisation_id::text)) + k) % 5 = 3 then 20 end, '', k
    from producer_profiles p cross join generate_series(1, 2) k
      join bench_towns t on t.n = 1 + (abs(hashtext(p.organisation_id::text)) + k * 7) % 60
    where p.territory_id = ${territoryId}`)
  await db.execute(sql`
    insert into producer_opening_hours (id, place_id, weekday, opens, closes)
    select gen_random_uuid(), s.id, 1 + (abs(hashtext(s.id::text)) + d) % 7, '00:00', '23:59'
    from producer_sales_places s cross join generate_series(0, 4, 2) d
    where s.territory_id = ${territoryId}`)
  await db.execute(sql`analyze`)
}

await sendResult(await main())
