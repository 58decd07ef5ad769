import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '../db/client.ts'
import { communes } from './commune.schema.ts'
import type { Commune, CommuneQuery } from './commune.ts'
import { normaliseCommuneName } from './normalise.ts'

/** Below this, a trigram match is more noise than misspelling (« lisieu » → Lisieux scores about 0.7). */
const FUZZY_THRESHOLD = 0.45

const columns = {
  insee: communes.insee,
  name: communes.name,
  postalCodes: communes.postalCodes,
  departement: communes.departement,
  population: communes.population,
  latitude: communes.latitude,
  longitude: communes.longitude,
}

/**
 * The database's answer to an autocompletion, which the one served from memory (CommuneIndex)
 * must equal: a test compares them. A postal code matches by prefix; a name
 * first by exact, then starting, then inner-word, then anywhere, each ordered by population so the
 * town people mean comes first, then by trigram likeness for misspellings.
 */
export async function searchCommunes(
  db: DbOrTx,
  options: { query: Exclude<CommuneQuery, { kind: 'empty' }>; departements: string[]; limit: number },
): Promise<Commune[]> {
  const { query, departements, limit } = options
  if (departements.length === 0) return []
  const inTerritory = inArray(communes.departement, departements)
  if (query.kind === 'postal') {
    const prefix = `${query.prefix}%`
    return db
      .select(columns)
      .from(communes)
      .where(
        and(
          inTerritory,
          sql`exists (select 1 from unnest(${communes.postalCodes}) as pc where pc like ${prefix})`,
        ),
      )
      .orderBy(desc(communes.population), asc(communes.name))
      .limit(limit)
  }
  // The normalised text holds only [a-z0-9 ], so it carries no LIKE wildcard; values are bound parameters.
  const text = query.text
  const rank = sql<number>`case
    when ${communes.searchName} = ${text} then 0
    when ${communes.searchName} like ${`${text}%`} then 1
    when ${communes.searchName} like ${`% ${text}%`} then 2
    when ${communes.searchName} like ${`%${text}%`} then 3
    else 4 end`
  const likeness = sql<number>`word_similarity(${text}, ${communes.searchName})`
  return db
    .select(columns)
    .from(communes)
    .where(
      and(
        inTerritory,
        sql`(${communes.searchName} like ${`%${text}%`} or ${likeness} >= ${FUZZY_THRESHOLD})`,
      ),
    )
    .orderBy(asc(rank), desc(likeness), desc(communes.population), asc(communes.name))
    .limit(limit)
}

export async function findCommune(db: DbOrTx, insee: string): Promise<Commune | null> {
  const [row] = await db.select(columns).from(communes).where(eq(communes.insee, insee))
  return row ?? null
}

/** Great-circle distance in km as PostgreSQL's earthdistance computes it; null if a code is unknown. */
export async function distanceKm(db: DbOrTx, a: string, b: string): Promise<number | null> {
  const x = alias(communes, 'x')
  const y = alias(communes, 'y')
  const [row] = await db
    .select({
      km: sql<number>`earth_distance(ll_to_earth(${x.latitude}, ${x.longitude}), ll_to_earth(${y.latitude}, ${y.longitude})) / 1000`.mapWith(
        Number,
      ),
    })
    .from(x)
    .innerJoin(y, eq(y.insee, b))
    .where(eq(x.insee, a))
  return row ? row.km : null
}

export async function countCommunes(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(communes)
  return row?.n ?? 0
}

/** Replaces the whole reference table; the caller runs it inside one transaction. */
/**
 * One statement for the whole of France: Postgres reads the rows from one JSON parameter. The
 * first start used to send 35 batches of 1,000 rows, which took twice the CPU.
 */
export async function replaceAllCommunes(db: DbOrTx, all: Commune[]): Promise<void> {
  await db.delete(communes)
  const rows = JSON.stringify(
    all.map((c) => [
      c.insee,
      c.name,
      normaliseCommuneName(c.name),
      c.postalCodes,
      c.departement,
      c.population,
      c.latitude,
      c.longitude,
    ]),
  )
  await db.execute(sql`
    INSERT INTO ${communes} (insee, name, search_name, postal_codes, departement, population, latitude, longitude)
    SELECT r->>0, r->>1, r->>2, ARRAY(SELECT jsonb_array_elements_text(r->3)), r->>4,
           (r->>5)::integer, (r->>6)::double precision, (r->>7)::double precision
    FROM jsonb_array_elements(${rows}::jsonb) AS r`)
}
