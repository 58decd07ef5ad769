// Server-side latency of browse and search (SearchService.search: commune resolution and the SQL
// of search.repository.ts) on a realistic territory: communes weighted by population, the default
// categories, French titles and descriptions from varied templates, several statuses and dates.
// A mixed load (words + radius + category, radius only (nearest first), the same circles newest
// first, words only, newest, and next pages), p50/p95/p99 per kind and overall, then the query
// plans of the slowest kinds (BENCH_PLANS=kind,kind to choose them). Prints figures;
// asserts nothing. Aims: p95 < 50 ms on PGlite at 100,000 listings, < 20 ms on PostgreSQL at 1,000,000.
//
//   node --import tsx bench/search.ts                 BENCH_LISTINGS=100000 BENCH_QUERIES=2000
//   DATABASE_URL=postgres://… node --import tsx bench/search.ts   (a throwaway database: the bench fills it)
//   BENCH_KEEP_DIR=/tmp/dir (PGlite) or BENCH_KEEP=1 (PostgreSQL): fill once, reuse on the next runs
import { mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { loadConfig } from '../src/config.ts'
import { explainSearch, type SearchFilter } from '../src/domains/listings/search.repository.ts'
import { SearchService } from '../src/domains/listings/search.service.ts'
import { parseSearch, type Sort } from '../src/domains/listings/search.ts'
import { TerritoryService } from '../src/domains/territories/territory.service.ts'
import { randomIds, systemClock } from '../src/platform/clock.ts'
import { type Database, openDatabase } from '../src/platform/db/client.ts'
import { migrate } from '../src/platform/db/migrate.ts'
import { CommuneService } from '../src/platform/geo/commune.service.ts'
import type { AppServices } from '../src/platform/services.ts'
import { Tenancy } from '../src/platform/tenancy/tenancy.ts'

const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 100_000)
const QUERIES = Number(process.env.BENCH_QUERIES ?? 2000)
const DEPARTEMENT = '14'

const categories: [string, string, string[], string[]][] = [
  // slug, name, title objects, description details
  [
    'groceries-medicines',
    'Courses et médicaments',
    ['les courses', 'des médicaments à la pharmacie', 'le pain et le lait', 'les courses du marché'],
    ['Je ne peux plus porter de charges lourdes.', 'La pharmacie est à deux kilomètres.'],
  ],
  [
    'digital-help',
    'Aide informatique',
    ['un ordinateur', 'une imprimante', 'ma tablette', 'la box internet', 'un téléphone portable'],
    ['Je ne sais pas faire les mises à jour.', 'Pour faire mes démarches en ligne et écrire des courriels.'],
  ],
  [
    'homework',
    'Aide aux devoirs',
    ['les devoirs de mathématiques', 'la lecture en CP', 'l’anglais au collège', 'la révision du brevet'],
    ['Mon fils est en classe de quatrième à l’école du bourg.', 'Une heure par semaine après l’école.'],
  ],
  [
    'childcare',
    'Garde d’enfants',
    ['mes enfants le mercredi', 'un bébé de huit mois', 'les enfants après l’école'],
    ['Je travaille à l’hôpital en horaires décalés.', 'Sortie d’école à 16 h 30.'],
  ],
  [
    'pets',
    'Animaux',
    ['mon chien', 'le chat pendant les vacances', 'les poules'],
    ['Promenade le matin et le soir.', 'Il est gentil et habitué aux enfants.'],
  ],
  [
    'gardening',
    'Jardinage',
    ['la tonte de la pelouse', 'le potager', 'la taille de la haie', 'les feuilles mortes'],
    ['Je n’ai plus la force de jardiner.', 'Les outils sont sur place.'],
  ],
  [
    'repairs',
    'Petites réparations',
    ['un robinet qui fuit', 'une étagère à fixer', 'un vélo à réparer', 'une porte qui ferme mal'],
    ['Je peux prêter mes outils.', 'Rien de compliqué, une heure au plus.'],
  ],
  [
    'transport',
    'Transport et accompagnement',
    ['un rendez-vous médical à Caen', 'la gare de Lisieux', 'le marché du samedi'],
    ['Je ne conduis plus depuis l’hiver.', 'Aller et retour dans la matinée.'],
  ],
  [
    'phone-contact',
    'Appels et écoute',
    ['quelques appels dans la semaine', 'une conversation le dimanche'],
    ['Je vis seule depuis le départ de mes enfants.', 'Parler un peu fait du bien.'],
  ],
  [
    'know-how',
    'Partage de savoir-faire',
    ['la couture', 'la cuisine normande', 'le tricot', 'la photographie'],
    ['Je peux montrer comment faire, c’est gratuit.', 'Chez moi ou à la salle des fêtes.'],
  ],
  [
    'masks-equipment',
    'Masques et protections',
    ['des masques en tissu', 'des blouses pour l’EHPAD'],
    ['Nous cousons à plusieurs le jeudi.', 'Le tissu est fourni par la mairie.'],
  ],
]
const verbs = {
  ask: ['Besoin d’aide pour', 'Qui pourrait m’aider pour', 'Cherche quelqu’un pour', 'Aide demandée :'],
  offer: ['Je propose mon aide pour', 'Disponible pour', 'Je peux aider pour', 'Coup de main possible :'],
}
const words = [
  'ordinateur',
  'courses',
  'devoirs',
  'jardin',
  'chien',
  'école',
  'imprimante',
  'pharmacie',
  'couture',
  'vélo',
  'ordinatuer',
  'tablette',
  'mathématiques',
  'rendez-vous médical',
]

async function fill(database: Database, territoryId: string) {
  const { db } = database
  const t0 = performance.now()
  for (const [i, [slug, name]] of categories.entries()) {
    await db.execute(sql`insert into categories (id, territory_id, slug, name, description, guidance, icon, position)
      values (gen_random_uuid(), ${territoryId}, ${slug}, ${JSON.stringify({ fr: name })}::jsonb, '{"fr":"-"}'::jsonb,
        '{"fr":"Ne donnez jamais d’argent."}'::jsonb, 'help', ${i})
      on conflict do nothing`)
  }
  await db.execute(sql`insert into accounts (id, territory_id, email, email_verified_at, display_name, commune_insee,
      charter_version, charter_accepted_at, privacy_version, privacy_accepted_at, created_at, updated_at)
    select gen_random_uuid(), ${territoryId}, 'bench' || g || '@exemple.test', now(), 'Habitant ' || g, '14118', '1', now(), '1', now(), now(), now()
    from generate_series(1, 2000) g`)
  // Communes drawn by population: a town of 20,000 gets a hundred times more listings than a village of 200.
  await db.execute(sql`create temp table bench_communes as
    select insee, latitude, longitude, sum(population) over (order by insee)::float8 / sum(population) over () as hi
    from communes where departement = ${DEPARTEMENT}`)
  await db.execute(sql`create index on bench_communes (hi)`)
  const titles = categories.flatMap(([slug, , objects]) => objects.map((o) => `${slug}|${o}`))
  const details = categories.flatMap(([slug, , , d]) => d.map((x) => `${slug}|${x}`))
  const batch = 20_000
  for (let done = 0; done < LISTINGS; done += batch) {
    const n = Math.min(batch, LISTINGS - done)
    await db.execute(sql`
      with cats as (select id, slug, row_number() over (order by slug) - 1 as k from categories where territory_id = ${territoryId}),
      authors as (select array_agg(id) as ids from accounts where territory_id = ${territoryId}),
      pick as (
        select g, (random() * 1000000)::int as r, random() as w, random() as s, random() as u, random() as d,
          case when random() < 0.6 then 'ask' else 'offer' end as kind
        from generate_series(1, ${n}) g
      ),
      rows as (
        select p.*, c.insee, c.latitude, c.longitude,
          (${sql.raw(`array[${titles.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`)})[1 + p.r % ${titles.length}] as t,
          (${sql.raw(`array[${details.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`)})[1 + (p.r / 7) % ${details.length}] as dd
        from pick p, lateral (select insee, latitude, longitude from bench_communes where hi >= p.w + 0 * p.g order by hi limit 1) c
      )
      insert into listings (id, territory_id, author_id, kind, category_id, title, description, commune_insee, latitude, longitude,
        when_kind, urgency, charter_version, status, created_at, updated_at, published_at, expires_at)
      select gen_random_uuid(), ${territoryId}, (select ids from authors)[1 + r % 2000], kind,
        (select id from cats where slug = split_part(t, '|', 1)),
        (case when kind = 'ask' then (${sql.raw(`array[${verbs.ask.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`)})[1 + r % 4]
              else (${sql.raw(`array[${verbs.offer.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`)})[1 + r % 4] end) || ' ' || split_part(t, '|', 2),
        split_part(dd, '|', 2) || ' ' || 'Merci d’avance, à bientôt. ' || split_part(t, '|', 2) || '.',
        insee, latitude, longitude, 'flexible',
        (array['today', 'week', 'no-rush', null])[1 + (r / 13) % 4],
        '1',
        case when s < 0.7 then 'published' when s < 0.78 then 'held' when s < 0.86 then 'closed' when s < 0.94 then 'expired' else 'fulfilled' end,
        date_trunc('milliseconds', now() - d * interval '90 days'), now(),
        date_trunc('milliseconds', now() - d * interval '90 days'),
        case when s < 0.7 then now() + (1 + u * 60) * interval '1 day' else now() - interval '1 day' end
      from rows`)
    process.stdout.write(`\r  ${done + n} listings`)
  }
  await db.execute(sql`analyze`)
  console.log(
    `\r  ${LISTINGS} listings written and analysed in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  )
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}

async function main() {
  const url = process.env.DATABASE_URL
  // BENCH_KEEP_DIR keeps the embedded database between runs (filled once), to compare plans quickly;
  // BENCH_KEEP=1 does the same in a PostgreSQL database (its territory « bench-kept » is reused).
  const keptDir = process.env.BENCH_KEEP_DIR
  const kept = Boolean(keptDir || process.env.BENCH_KEEP)
  const dir = url ? null : (keptDir ?? (await mkdtemp(join(tmpdir(), 'entraide-bench-search-'))))
  const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dir: dir! })
  console.log(
    `node ${process.version}, ${availableParallelism()} cores, ${url ? 'PostgreSQL' : 'PGlite'}, ${LISTINGS} listings\n`,
  )
  try {
    if (url) {
      // The server's cache decides how much of a national table is read from disk: say what it was.
      const shown = (await database.db.execute(sql`show shared_buffers`)) as unknown as {
        rows: { shared_buffers: string }[]
      }
      console.log(`shared_buffers ${shown.rows[0]?.shared_buffers}\n`)
    }
    await migrate(database)
    const territories = new TerritoryService(
      database,
      systemClock,
      randomIds,
      new Tenancy(database, systemClock, undefined),
    )
    const slug = kept ? 'bench-kept' : `bench-${Date.now()}`
    const existing = kept ? await territories.find(slug) : null
    const territory =
      existing ??
      (await territories.create({
        slug,
        departements: [DEPARTEMENT],
        platformName: 'Entraide Calvados',
        officialName: 'Département du Calvados',
        hostnames: [`${slug}.bench.test`],
        contactEmail: 'contact@calvados.test',
      }))
    if (!existing) await fill(database, territory.id)
    const communes = new CommuneService()
    const services = {
      config: loadConfig({ NODE_ENV: 'test' }),
      database,
      clock: systemClock,
      ids: randomIds,
      communes,
    } as unknown as AppServices
    const search = new SearchService(services)
    const towns = (await database.db.execute(
      sql`select insee from communes where departement = ${DEPARTEMENT} order by population desc limit 40`,
    )) as unknown as { rows: { insee: string }[] }
    const pickTown = () => towns.rows[Math.floor(Math.random() ** 2 * towns.rows.length)]!.insee
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!
    const radii = ['5', '10', '20', '50'] as const
    const kinds = {
      'words+radius+category': () => {
        const [slugCat, , objects] = pick(categories)
        return {
          words: pick(objects).split(' ').at(-1)!,
          commune: pickTown(),
          radiusKm: pick(radii),
          categories: [slugCat],
        }
      },
      'radius only': () => ({ commune: pickTown(), radiusKm: pick(radii) }),
      // The same circles, newest first: a wide circle walks the date index, a small one the GiST box.
      'radius, newest first': () => ({ commune: pickTown(), radiusKm: pick(radii), sort: 'newest' }),
      'words only': () => ({ words: pick(words) }),
      newest: () => ({ sort: 'newest', commune: '' }),
    } satisfies Record<string, () => Record<string, unknown>>
    const timings: Record<string, number[]> = {}
    const slowQueries: { ms: number; kind: string; raw: Record<string, unknown> }[] = []
    const run = async (kind: string, raw: Record<string, unknown>, record: boolean) => {
      const parsed = parseSearch(raw)
      if (!('query' in parsed)) throw new Error(`bad query ${JSON.stringify(raw)}`)
      const started = performance.now()
      const page = await search.search(territory, null, parsed.query, 'fr')
      const ms = performance.now() - started
      if (record) {
        timings[kind] ??= []
        timings[kind].push(ms)
        slowQueries.push({ ms, kind, raw })
        slowQueries.sort((a, b) => b.ms - a.ms).splice(10)
      }
      return page
    }
    const names = Object.keys(kinds) as (keyof typeof kinds)[]
    for (let i = 0; i < 100; i++) await run('warm', kinds[names[i % names.length]!](), false)
    for (let i = 0; i < QUERIES; i++) {
      const kind = names[i % names.length]!
      const raw = kinds[kind]()
      const first = await run(kind, raw, true)
      // One search in five goes on to the next page, through its keyset cursor.
      if (first.nextCursor && Math.random() < 0.2)
        await run(`${kind} (next page)`, { ...raw, cursor: first.nextCursor }, true)
    }
    const all = Object.values(timings).flat()
    const line = (label: string, xs: number[]) =>
      console.log(
        `${label.padEnd(36)} n ${String(xs.length).padStart(5)}  p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(6)} ms  p99 ${pct(xs, 99).toFixed(1).padStart(6)} ms`,
      )
    for (const [label, xs] of Object.entries(timings).sort()) line(label, xs)
    line('ALL (mixed load)', all)
    console.log('\nthe 10 slowest searches:')
    for (const q of slowQueries)
      console.log(`${q.ms.toFixed(1).padStart(7)} ms  ${q.kind}  ${JSON.stringify(q.raw)}`)

    const slowest = process.env.BENCH_PLANS
      ? (process.env.BENCH_PLANS.split(',') as typeof names)
      : names.sort((a, b) => pct(timings[b]!, 95) - pct(timings[a]!, 95)).slice(0, 2)
    for (const kind of slowest) {
      const raw = kinds[kind]() as Record<string, unknown>
      const parsed = parseSearch(raw)
      if (!('query' in parsed)) continue
      const centre = parsed.query.commune ? await communes.find(territory, parsed.query.commune) : null
      const filter: SearchFilter = {
        territoryId: territory.id,
        kind: null,
        categories: parsed.query.categories,
        words: parsed.query.words,
        centre,
        radiusKm: centre ? (parsed.query.radiusKm ?? 10) : null,
        urgency: null,
        now: new Date(),
      }
      const sort: Sort = parsed.query.sort ?? (filter.words ? 'relevance' : centre ? 'distance' : 'newest')
      console.log(`\n--- plan of « ${kind} » (${JSON.stringify(raw)}) ---`)
      console.log(await explainSearch(database.db, filter, { sort, cursor: null, limit: 21 }))
    }
  } finally {
    await database.close()
    if (dir && !keptDir) await rm(dir, { recursive: true, force: true })
  }
}

await main()
