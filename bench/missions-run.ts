// One database's part of bench/missions.ts, in its own process (started by it): many volunteers
// signing up at the same moment, through the JSON API over HTTP, to the slots of one mission. The
// people, the organisation, the mission and its slots are written with plain SQL, so the bench
// depends on the tables only, not on how the services write them.

import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { Agent, request } from 'node:http'
import { availableParallelism, cpus } from 'node:os'
import { sql } from 'drizzle-orm'
import type { Database } from '../src/platform/db/client.ts'
import { type DatabaseLabel, loadavg, sendResult } from './databases.ts'
import { openChildApp, percentile } from './in-process.ts'

const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 200)
const SLOTS = Number(process.env.BENCH_SLOTS ?? 50)
const PLACES = Number(process.env.BENCH_PLACES ?? 3)

export interface MissionsResult {
  database: DatabaseLabel
  header: string
  loadavgStart: string
  loadavgEnd: string
  requests: number
  accepted: number
  full: number
  other: number
  seconds: number
  perSecond: number
  acceptedPerSecond: number
  p50: number
  p95: number
  p99: number
  places: number
  taken: number
  liveSignups: number
  /** slots holding more live sign-ups than places, or whose count disagrees with `taken` */
  overbooked: number
  mismatched: number
  /** SQL statements the app sent during the load, per request answered */
  sqlPerRequest: number
}

const rows = async <T>(database: Database, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows

/** The volunteers (one token each), an organisation and its manager, one mission with its slots. */
async function seed(database: Database, territoryId: string) {
  const { db } = database
  await db.execute(sql`insert into accounts (id, territory_id, email, email_verified_at, display_name,
      commune_insee, charter_version, charter_accepted_at, privacy_version, privacy_accepted_at, created_at, updated_at)
    select gen_random_uuid(), ${territoryId}, 'banc-' || g || '@exemple.test', now(), 'Bénévole ' || g,
      '14118', '1', now(), '1', now(), now(), now()
    from generate_series(0, ${SIGNUPS}) g`)
  const [manager] = await rows<{ id: string }>(
    database,
    sql`select id from accounts where territory_id = ${territoryId} and display_name = 'Bénévole 0'`,
  )
  const organisationId = randomUUID()
  await db.execute(sql`insert into organisations (id, territory_id, name, kind, commune_insee, latitude, longitude,
      description, contact_kind, contact_value, status, verified_at, created_at, updated_at)
    select ${organisationId}, ${territoryId}, 'Banque alimentaire du banc', 'association', insee, latitude, longitude,
      'Pour le banc d’essai.', 'email', 'banc@exemple.test', 'verified', now(), now(), now()
    from communes where insee = '14118'`)
  await db.execute(sql`insert into organisation_members (organisation_id, account_id, role, signup_notices, joined_at)
    values (${organisationId}, ${manager!.id}, 'manager', 'each', now())`)
  await db.execute(sql`insert into missions (id, territory_id, organisation_id, category_id, title, description,
      commune_insee, latitude, longitude, status, created_at, updated_at, published_at)
    select gen_random_uuid(), ${territoryId}, ${organisationId},
      (select id from categories where territory_id = ${territoryId} order by position limit 1),
      'Distribution du samedi', 'Préparer et remettre les colis.', insee, latitude, longitude, 'published',
      now(), now(), now()
    from communes where insee = '14118'`)
  const [mission] = await rows<{ id: string }>(
    database,
    sql`select id from missions where organisation_id = ${organisationId}`,
  )
  await db.execute(sql`insert into mission_slots (id, mission_id, starts_at, ends_at, places)
    select gen_random_uuid(), ${mission!.id}, now() + (g || ' days')::interval + interval '7 days',
      now() + (g || ' days')::interval + interval '7 days 3 hours', ${PLACES}
    from generate_series(1, ${SLOTS}) g`)
  const slots = await rows<{ id: string }>(
    database,
    sql`select id from mission_slots where mission_id = ${mission!.id} order by starts_at`,
  )
  const people = await rows<{ id: string }>(
    database,
    sql`select id from accounts where territory_id = ${territoryId} and id <> ${manager!.id} order by email`,
  )
  const tokens = people.map(() => `ent_${randomBytes(32).toString('base64url')}`)
  const values = people.map(({ id }, i) => {
    // What the tokens service keeps of a token: its SHA-256, base64url.
    const hash = createHash('sha256').update(tokens[i]!).digest('base64url')
    return sql`(gen_random_uuid(), ${id}, ${territoryId}, 'banc', ${hash}, array['participation:write'], now())`
  })
  await db.execute(sql`insert into access_tokens (id, account_id, territory_id, name, token_hash, scopes, created_at)
    values ${sql.join(values, sql`, `)}`)
  return { missionId: mission!.id, slotIds: slots.map((s) => s.id), tokens }
}

async function main(): Promise<MissionsResult> {
  const loadavgStart = loadavg()
  const { database, app, statements } = await openChildApp()
  const run = randomBytes(4).toString('hex')
  const host = `banc-${run}.localhost`
  const territory = await app.services.territories.create({
    slug: `banc-${run}`,
    departements: ['14'],
    platformName: 'Entraide Banc d’essai',
    hostnames: [host],
  })
  const { missionId, slotIds, tokens } = await seed(database, territory.id)
  const { port } = new URL(await app.listen({ host: '127.0.0.1', port: 0 }))
  const agent = new Agent({ keepAlive: true, maxSockets: SIGNUPS })
  // node:http rather than fetch, which may not set the Host header that names the territory.
  const signUp = (token: string, slotId: string) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ slotIds: [slotId] })
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: `/api/v1/missions/${missionId}/signups`,
          method: 'POST',
          agent,
          headers: {
            host,
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        },
      )
      req.on('error', reject)
      req.end(body)
    })

  const header =
    `node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ` +
    `${SIGNUPS} sign-ups at once on ${SLOTS} slots of ${PLACES} places (${SIGNUPS / SLOTS} people per slot)`
  const latencies: number[] = []
  const statuses: number[] = []
  statements.armed = true
  const started = performance.now()
  await Promise.all(
    tokens.map(async (token, i) => {
      const t0 = performance.now()
      statuses.push(await signUp(token, slotIds[i % slotIds.length]!))
      latencies.push(performance.now() - t0)
    }),
  )
  const wallMs = performance.now() - started
  statements.armed = false
  latencies.sort((a, b) => a - b)

  const [check] = await rows<{
    places: number
    taken: number
    live: number
    overbooked: number
    mismatched: number
  }>(
    database,
    sql`select sum(s.places)::int as places, sum(s.taken)::int as taken, sum(coalesce(l.n, 0))::int as live,
        count(*) filter (where coalesce(l.n, 0) > s.places or s.taken > s.places)::int as overbooked,
        count(*) filter (where coalesce(l.n, 0) <> s.taken)::int as mismatched
      from mission_slots s
      left join (select slot_id, count(*) as n from mission_signups where status = 'signed-up' group by slot_id) l
        on l.slot_id = s.id
      where s.mission_id = ${missionId}`,
  )
  agent.destroy()
  await app.close()
  await database.close()
  const accepted = statuses.filter((s) => s === 201).length
  const full = statuses.filter((s) => s === 409).length
  return {
    database: process.env.BENCH_DATABASE as DatabaseLabel,
    header,
    loadavgStart,
    loadavgEnd: loadavg(),
    requests: statuses.length,
    accepted,
    full,
    other: statuses.length - accepted - full,
    seconds: wallMs / 1000,
    perSecond: statuses.length / (wallMs / 1000),
    acceptedPerSecond: accepted / (wallMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    places: check!.places,
    taken: check!.taken,
    liveSignups: check!.live,
    overbooked: check!.overbooked,
    mismatched: check!.mismatched,
    sqlPerRequest: statements.count / statuses.length,
  }
}

await sendResult(await main())
