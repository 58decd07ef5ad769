// One database's part of bench/matches.ts, in its own process (started by it): conversations
// under load through the JSON API over HTTP, then a burst in one conversation and the emails it
// causes. The people, listings and accepted matches are written with plain SQL, so the bench
// depends on the tables only, not on how the services write them.

import { createHash, randomBytes } from 'node:crypto'
import { Agent, request } from 'node:http'
import { availableParallelism, cpus } from 'node:os'
import { sql } from 'drizzle-orm'
import type { Database } from '../src/platform/db/client.ts'
import { type DatabaseLabel, loadavg, sendResult } from './databases.ts'
import { openChildApp, percentile } from './in-process.ts'

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 50)
// Each party writes half: the per-account limit (60 messages an hour) is never the bottleneck.
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 40)
const BURST = 100

export interface MatchesResult {
  database: DatabaseLabel
  header: string
  loadavgStart: string
  loadavgEnd: string
  messages: number
  seconds: number
  perSecond: number
  p50: number
  p95: number
  p99: number
  /** statements sent during the load, per message accepted */
  sqlPerMessage: number
  /** statements one message sends on its own */
  sqlOneMessage: number
  emails: number
  burstStored: number
  burstEmailsAtOnce: number
  burstEmailsAfterWindow: number
}

/** Real time moved forward on demand, so the bench can step past the 15-minute mail window. */
const clock = {
  offsetMs: 0,
  now: () => new Date(Date.now() + clock.offsetMs),
}

const rows = async <T>(database: Database, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows

/**
 * Two people per conversation, with an access token each, a published ask by the first and the
 * second's accepted response. Returns each conversation's match and its parties' tokens.
 */
async function seed(database: Database, territoryId: string, conversations: number) {
  const { db } = database
  await db.execute(sql`insert into accounts (id, territory_id, email, email_verified_at, display_name,
      commune_insee, charter_version, charter_accepted_at, privacy_version, privacy_accepted_at, created_at, updated_at)
    select gen_random_uuid(), ${territoryId}, 'bench-' || role || '-' || g || '@exemple.test', now(), role || ' ' || g,
      '14118', '1', now(), '1', now(), now(), now()
    from generate_series(0, ${conversations - 1}) g, unnest(array['auteur', 'aidant']) role`)
  await db.execute(sql`insert into listings (id, territory_id, author_id, kind, category_id, title, description,
      commune_insee, latitude, longitude, when_kind, urgency, charter_version, status, created_at, updated_at,
      published_at, expires_at)
    select gen_random_uuid(), a.territory_id, a.id, 'ask',
      (select id from categories where territory_id = a.territory_id order by position limit 1),
      'Courses du samedi ' || split_part(a.display_name, ' ', 2),
      'Pour une voisine qui ne peut plus porter ses sacs.', c.insee, c.latitude, c.longitude, 'flexible', 'week', '1',
      'published', now(), now(), now(), now() + interval '30 days'
    from accounts a, communes c
    where a.territory_id = ${territoryId} and a.display_name like 'auteur %' and c.insee = '14118'`)
  await db.execute(sql`insert into matches (id, territory_id, listing_id, author_id, responder_id, status,
      created_at, updated_at, accepted_at, last_activity_at)
    select gen_random_uuid(), l.territory_id, l.id, l.author_id, r.id, 'accepted', now(), now(), now(), now()
    from listings l
    join accounts a on a.id = l.author_id
    join accounts r on r.territory_id = l.territory_id and r.display_name = 'aidant ' || split_part(a.display_name, ' ', 2)
    where l.territory_id = ${territoryId}`)
  const people = await rows<{ id: string }>(
    database,
    sql`select id from accounts where territory_id = ${territoryId} order by id`,
  )
  const tokens = new Map<string, string>()
  const values = people.map(({ id }) => {
    const token = `ent_${randomBytes(32).toString('base64url')}`
    tokens.set(id, token)
    // What the tokens service keeps of a token: its SHA-256, base64url.
    const hash = createHash('sha256').update(token).digest('base64url')
    return sql`(gen_random_uuid(), ${id}, ${territoryId}, 'banc', ${hash},
      array['listings:read', 'listings:write'], now())`
  })
  await db.execute(sql`insert into access_tokens (id, account_id, territory_id, name, token_hash, scopes, created_at)
    values ${sql.join(values, sql`, `)}`)
  const found = await rows<{ id: string; author_id: string; responder_id: string }>(
    database,
    sql`select id, author_id, responder_id from matches where territory_id = ${territoryId} order by id`,
  )
  return found.map((m) => ({
    id: m.id,
    tokens: [tokens.get(m.author_id)!, tokens.get(m.responder_id)!] as [string, string],
  }))
}

async function main(): Promise<MatchesResult> {
  const loadavgStart = loadavg()
  const { database, app, statements } = await openChildApp({ clock })
  const { services } = app
  const run = randomBytes(4).toString('hex')
  const host = `bench-${run}.localhost`
  const territory = await services.territories.create({
    slug: `bench-${run}`,
    departements: ['14'],
    platformName: 'Entraide Banc d’essai',
    hostnames: [host],
  })
  const conversations = await seed(database, territory.id, CONVERSATIONS + 1)
  const burst = conversations.pop()!

  const { port } = new URL(await app.listen({ host: '127.0.0.1', port: 0 }))
  const agent = new Agent({ keepAlive: true, maxSockets: CONVERSATIONS + 1 })
  // node:http rather than fetch, which may not set the Host header that names the territory.
  const post = (matchId: string, token: string, text: string) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ body: text })
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: `/api/v1/matches/${matchId}/messages`,
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
          res.on('end', () =>
            res.statusCode === 201
              ? resolve()
              : reject(new Error(`POST messages answered ${res.statusCode}`)),
          )
        },
      )
      req.on('error', reject)
      req.end(body)
    })

  const header =
    `node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ` +
    `${CONVERSATIONS} conversations at once, ${MESSAGES} messages each, parties in turn`

  const latencies: number[] = []
  statements.count = 0
  statements.armed = true
  const started = performance.now()
  await Promise.all(
    conversations.map(async (c) => {
      for (let m = 0; m < MESSAGES; m++) {
        const t0 = performance.now()
        await post(c.id, c.tokens[m % 2]!, `Message ${m} : je passe samedi vers 10 h, ça vous va ?`)
        latencies.push(performance.now() - t0)
      }
    }),
  )
  const wallMs = performance.now() - started
  statements.armed = false
  const sqlPerMessage = statements.count / latencies.length
  latencies.sort((a, b) => a - b)

  // The emails of that load, written once their windows have passed: the burst is counted alone.
  const mailJobs = async () =>
    (
      await rows<{ n: number }>(database, sql`select count(*)::int as n from jobs where name = 'mail.send'`)
    )[0]!.n
  await services.worker.runDue()
  clock.offsetMs += 16 * 60_000
  await services.worker.runDue()
  const emails = await mailJobs()

  // One message alone, in a conversation the load warmed up.
  const quiet = conversations[0]!
  statements.count = 0
  statements.armed = true
  await post(quiet.id, quiet.tokens[MESSAGES % 2]!, 'Merci, à samedi.')
  statements.armed = false
  const sqlOneMessage = statements.count

  // The burst: 100 messages as fast as one conversation's two parties can send them, then the jobs.
  const before = await mailJobs()
  for (let m = 0; m < BURST; m++) await post(burst.id, burst.tokens[m % 2]!, `Rafale ${m}`)
  const [stored] = await rows<{ n: number }>(
    database,
    sql`select count(*)::int as n from messages where match_id = ${burst.id}`,
  )
  await services.worker.runDue()
  const atOnce = (await mailJobs()) - before
  clock.offsetMs += 16 * 60_000
  await services.worker.runDue()
  const afterWindow = (await mailJobs()) - before

  agent.destroy()
  await app.close()
  await database.close()
  return {
    database: process.env.BENCH_DATABASE as DatabaseLabel,
    header,
    loadavgStart,
    loadavgEnd: loadavg(),
    messages: latencies.length,
    seconds: wallMs / 1000,
    perSecond: latencies.length / (wallMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    sqlPerMessage,
    sqlOneMessage,
    emails,
    burstStored: stored?.n ?? 0,
    burstEmailsAtOnce: atOnce,
    burstEmailsAfterWindow: afterWindow,
  }
}

await sendResult(await main())
