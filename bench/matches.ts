// Conversations under load, through the JSON API over HTTP on one process: 50 conversations at
// once, each party writing in turn (POST /api/v1/matches/{id}/messages), messages accepted per
// second and latency p50/p95/p99; then a burst of 100 messages in one conversation and the number
// of emails it causes once the mail jobs have run, now and after the 15-minute window.
// Runs on a fresh embedded database, or on DATABASE_URL (a throwaway database: the bench leaves
// its territory there). Prints figures; asserts nothing.
//
//   node --import tsx bench/matches.ts        BENCH_CONVERSATIONS=50 BENCH_MESSAGES=40
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { Agent, request } from 'node:http'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { count, eq } from 'drizzle-orm'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { insertAccount } from '../src/domains/accounts/identity/account.repository.ts'
import { insertAccessToken } from '../src/domains/accounts/tokens/token.repository.ts'
import { categories } from '../src/domains/categories/category.schema.ts'
import { ensureDefaultCategories } from '../src/domains/categories/category.service.ts'
import { insertListing } from '../src/domains/listings/listing.repository.ts'
import { expiryFrom } from '../src/domains/listings/listing.ts'
import { matches, messages } from '../src/domains/matches/match.schema.ts'
import { sha256 } from '../src/platform/auth/secrets.ts'
import { openDatabase } from '../src/platform/db/client.ts'
import { migrate } from '../src/platform/db/migrate.ts'
import { jobs } from '../src/platform/jobs/job.schema.ts'

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 50)
// Each party writes half: the per-account limit (60 messages an hour) is never the bottleneck.
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 40)
const BURST = 100

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

/** Real time moved forward on demand, so the bench can step past the 15-minute mail window. */
const clock = {
  offsetMs: 0,
  now: () => new Date(Date.now() + clock.offsetMs),
}

async function main() {
  const dir = process.env.DATABASE_URL ? null : await mkdtemp(join(tmpdir(), 'entraide-bench-matches-'))
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    // The bench runs the mail jobs itself, when it wants to count them.
    JOBS_ENABLED: 'false',
    ...(process.env.DATABASE_URL
      ? { DATABASE_URL: process.env.DATABASE_URL }
      : { PGLITE_DIR: join(dir!, 'db') }),
  })
  const database = await openDatabase(config.database)
  await migrate(database)
  const app = await buildApp({ config, database, clock, logger: false })
  await app.ready()
  const { services } = app
  const { db } = database
  const run = randomBytes(4).toString('hex')
  const host = `bench-${run}.localhost`
  const territory = await services.territories.create({
    slug: `bench-${run}`,
    departements: ['14'],
    platformName: 'Entraide Banc d’essai',
    hostnames: [host],
  })
  await ensureDefaultCategories(services)
  const [category] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.territoryId, territory.id))
    .limit(1)
  const caen = await services.communes.find(territory, '14118')

  // Two people, a published ask and an accepted match per conversation; a token for each person.
  const now = clock.now()
  const person = async (i: number, role: string) => {
    const id = services.ids()
    await insertAccount(db, {
      id,
      territoryId: territory.id,
      email: `bench-${run}-${role}-${i}@exemple.test`,
      emailVerifiedAt: now,
      passwordHash: null,
      displayName: `${role} ${i}`,
      communeInsee: '14118',
      charterVersion: '1',
      charterAcceptedAt: now,
      privacyVersion: '1',
      privacyAcceptedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    const token = `ent_${randomBytes(32).toString('base64url')}`
    await insertAccessToken(db, {
      id: services.ids(),
      accountId: id,
      territoryId: territory.id,
      name: 'banc',
      tokenHash: sha256(token),
      scopes: ['listings:read', 'listings:write'],
      createdAt: now,
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    })
    return { id, token }
  }
  const conversations: { id: string; tokens: [string, string] }[] = []
  for (let i = 0; i <= CONVERSATIONS; i++) {
    const author = await person(i, 'auteur')
    const responder = await person(i, 'aidant')
    const listingId = services.ids()
    await insertListing(db, {
      id: listingId,
      territoryId: territory.id,
      authorId: author.id,
      kind: 'ask',
      categoryId: category!.id,
      title: `Courses du samedi ${i}`,
      description: 'Pour une voisine qui ne peut plus porter ses sacs.',
      communeInsee: '14118',
      latitude: caen?.latitude ?? 49.18,
      longitude: caen?.longitude ?? -0.37,
      whenKind: 'flexible',
      whenStart: null,
      whenEnd: null,
      recurrence: null,
      urgency: 'week',
      capacity: null,
      onBehalfName: null,
      onBehalfRelation: null,
      onBehalfConsent: false,
      charterVersion: '1',
      status: 'published',
      holdReasons: [],
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
      expiresAt: expiryFrom(now),
      remindedAt: null,
      closedAt: null,
    })
    const id = services.ids()
    await db.insert(matches).values({
      id,
      territoryId: territory.id,
      listingId,
      authorId: author.id,
      responderId: responder.id,
      status: 'accepted',
      createdAt: now,
      updatedAt: now,
      acceptedAt: now,
      lastActivityAt: now,
    })
    conversations.push({ id, tokens: [author.token, responder.token] })
  }
  const burst = conversations.pop()!

  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = new URL(address)
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

  console.log(
    `node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${database.kind}`,
  )
  console.log(`${CONVERSATIONS} conversations at once, ${MESSAGES} messages each, parties in turn\n`)

  const latencies: number[] = []
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
  latencies.sort((a, b) => a - b)
  const ms = (n: number) => `${n.toFixed(0)} ms`
  console.log(
    `messages accepted: ${latencies.length} in ${(wallMs / 1000).toFixed(1)} s = ${(latencies.length / (wallMs / 1000)).toFixed(0)} messages/s` +
      `  p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}  p99 ${ms(percentile(latencies, 99))}`,
  )

  // The emails of that load, written once their windows have passed: the burst is counted alone.
  const mailJobs = async () => {
    const [row] = await db.select({ n: count() }).from(jobs).where(eq(jobs.name, 'mail.send'))
    return row?.n ?? 0
  }
  await services.worker.runDue()
  clock.offsetMs += 16 * 60_000
  await services.worker.runDue()
  console.log(
    `emails for those ${latencies.length} messages: ${await mailJobs()} (${CONVERSATIONS * 2} recipients, no one reading)`,
  )

  // The burst: 100 messages as fast as one conversation's two parties can send them, then the jobs.
  const before = await mailJobs()
  for (let m = 0; m < BURST; m++) await post(burst.id, burst.tokens[m % 2]!, `Rafale ${m}`)
  const [stored] = await db.select({ n: count() }).from(messages).where(eq(messages.matchId, burst.id))
  await services.worker.runDue()
  const atOnce = (await mailJobs()) - before
  clock.offsetMs += 16 * 60_000
  await services.worker.runDue()
  const afterWindow = (await mailJobs()) - before
  console.log(
    `\nburst of ${BURST} messages in one conversation (${stored?.n} stored): ${atOnce} emails written at once, ` +
      `${afterWindow} in all after the 15-minute window (2 recipients)`,
  )

  agent.destroy()
  await app.close()
  await database.close()
  if (dir) await rm(dir, { recursive: true, force: true })
}

await main()
