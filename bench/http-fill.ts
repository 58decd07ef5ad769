// The listings bench/http.ts searches: published listings (and some closed ones) over the
// Calvados communes, weighted by population, written by 500 residents, in a few statements.
import { sql } from 'drizzle-orm'
import type { Database } from '../src/platform/db/client.ts'

const TITLES = [
  'Besoin d’aide pour les courses',
  'Je propose de faire vos courses du samedi',
  'Courses et pharmacie une fois par semaine',
  'Aide pour installer un ordinateur',
  'Promenade du chien le matin',
  'Tonte de la pelouse',
  'Aide aux devoirs de mathématiques',
  'Un rendez-vous médical à Caen',
]

export async function fillListings(database: Database, territoryId: string, listings: number) {
  const { db } = database
  const t0 = performance.now()
  await db.execute(sql`insert into accounts (id, territory_id, email, email_verified_at, display_name, commune_insee,
      charter_version, charter_accepted_at, privacy_version, privacy_accepted_at, created_at, updated_at)
    select gen_random_uuid(), ${territoryId}, 'bench-http-' || g || '@exemple.test', now(), 'Habitant ' || g, '14118',
      '1', now(), '1', now(), now(), now()
    from generate_series(1, 500) g`)
  await db.execute(sql`create temp table bench_communes as
    select insee, latitude, longitude, sum(population) over (order by insee)::float8 / sum(population) over () as hi
    from communes where departement = '14'`)
  const titleArray = sql.raw(`array[${TITLES.map((t) => `'${t.replace(/'/g, "''")}'`).join(',')}]`)
  await db.execute(sql`
    with cats as (select array_agg(id order by position) as ids from categories where territory_id = ${territoryId}),
    authors as (select array_agg(id) as ids from accounts where territory_id = ${territoryId}),
    pick as (
      select g, (random() * 1000000)::int as r, random() as w, random() as s, random() as d
      from generate_series(1, ${listings}) g
    ),
    rows as (
      select p.*, c.insee, c.latitude, c.longitude
      from pick p, lateral (select insee, latitude, longitude from bench_communes
        where hi >= p.w + 0 * p.g order by hi limit 1) c
    )
    insert into listings (id, territory_id, author_id, kind, category_id, title, description, commune_insee,
      latitude, longitude, when_kind, urgency, charter_version, status, created_at, updated_at, published_at, expires_at)
    select gen_random_uuid(), ${territoryId}, (select ids from authors)[1 + r % 500],
      case when r % 5 < 3 then 'ask' else 'offer' end,
      (select ids[1 + r % cardinality(ids)] from cats),
      (${titleArray})[1 + r % ${TITLES.length}],
      'Une aide simple, près de chez moi. Merci d’avance, à bientôt.',
      insee, latitude, longitude, 'flexible', (array['today', 'week', 'no-rush', null])[1 + (r / 13) % 4], '1',
      case when s < 0.8 then 'published' else 'closed' end,
      now() - d * interval '60 days', now(), now() - d * interval '60 days',
      case when s < 0.8 then now() + interval '30 days' else now() - interval '1 day' end
    from rows`)
  await db.execute(sql`drop table bench_communes`)
  await db.execute(sql`analyze`)
  console.log(`${listings} listings written in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}
