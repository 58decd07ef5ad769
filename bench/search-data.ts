// The territory the search benchmark fills: communes weighted by population, the default
// categories, French titles and descriptions from varied templates, several statuses and dates,
// written by the database itself (generate_series) so that a million listings take minutes.
import { sql } from 'drizzle-orm'
import type { Database } from '../src/platform/db/client.ts'

export const DEPARTEMENT = '14'

export const categories: [string, string, string[], string[]][] = [
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
export const verbs = {
  ask: ['Besoin d’aide pour', 'Qui pourrait m’aider pour', 'Cherche quelqu’un pour', 'Aide demandée :'],
  offer: ['Je propose mon aide pour', 'Disponible pour', 'Je peux aider pour', 'Coup de main possible :'],
}
export const words = [
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

export async function fill(database: Database, territoryId: string, listings: number) {
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
  for (let done = 0; done < listings; done += batch) {
    const n = Math.min(batch, listings - done)
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
    `\r  ${listings} listings written and analysed in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  )
}
