// A crisis call campaign worked at full speed: 10,000 registered people, 20 callers claiming the
// next person at once on the same database, each taking the person, logging an outcome (mostly
// « tout va bien », some « pas de réponse » that come back after their retry time, a few
// concerns and needs for help that open cases), until the queue is empty. Time does not wait 30
// minutes: when only retries remain, their retry time is moved to now, as the clock would. Prints
// claims per second, p50/p99 of one claim (the whole use case: the caller's verification read,
// the held entry, the SKIP LOCKED claim), people handed to two callers at once and people reached
// twice (both must be 0), people left uncalled (must be 0), and the load average. Asserts nothing.
// Runs on a fresh embedded database, or on DATABASE_URL, where it removes its territory after.
//
//   npm run bench:campaign          BENCH_PEOPLE=10000 BENCH_CALLERS=20
import { randomBytes, randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { seedAccount } from '../src/domains/accounts/index.ts'
import { callCallers, callRegistrations } from '../src/domains/calls/calls.schema.ts'
import { CampaignService } from '../src/domains/calls/campaign.service.ts'
import { phonePeople } from '../src/domains/phone/phone.schema.ts'
import { volunteerVerifications } from '../src/domains/volunteers/volunteer.schema.ts'
import type { Actor } from '../src/platform/auth/actor.ts'
import type { Territory } from '../src/platform/tenancy/territory.ts'
import { loadavg } from './databases.ts'
import { openBenchApp, percentile, seededRandom } from './in-process.ts'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000)
const CALLERS = Number(process.env.BENCH_CALLERS ?? 20)
const COMMUNES = ['14118', '14047', '14327', '14366', '14762']

const actor = (accountId: string, roles: Actor['roles'] = []): Actor => ({
  accountId,
  displayName: 'Banc d’essai',
  email: `${accountId}@bench.invalid`,
  verified: true,
  status: 'active',
  locale: 'fr',
  easyRead: false,
  roles,
  secondFactor: roles.length > 0,
  hasTotp: roles.length > 0,
  via: { kind: 'session', idHash: 'bench' },
})

async function main() {
  const { app, database, close } = await openBenchApp('campaign', { NODE_ENV: 'development' })
  const { db } = database
  const run = randomBytes(4).toString('hex')
  const territory: Territory = await app.services.territories.create({
    slug: `bench-${run}`,
    departements: ['14'],
    platformName: 'Entraide Banc d’essai',
    hostnames: [`bench-${run}.localhost`],
  })
  const now = new Date()
  const account = async (name: string) => {
    const id = randomUUID()
    await seedAccount(db, {
      id,
      territoryId: territory.id,
      email: `banc-${run}-${name}@bench.invalid`,
      emailVerifiedAt: now,
      passwordHash: 'x',
      displayName: name,
      communeInsee: '14118',
      charterVersion: '1',
      charterAcceptedAt: now,
      privacyVersion: '1',
      privacyAcceptedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    return id
  }
  const coordinator = await account('Coordinatrice')
  await db.execute(
    sql`insert into role_assignments (account_id, territory_id, role, granted_at) values (${coordinator}, ${territory.id}, 'coordinator', ${now})`,
  )
  const callers: string[] = []
  for (let i = 0; i < CALLERS; i++) {
    const id = await account(`Appelant ${i}`)
    callers.push(id)
    await db.insert(volunteerVerifications).values({
      id: randomUUID(),
      territoryId: territory.id,
      accountId: id,
      verifiedAt: now,
      expiresAt: new Date(now.getTime() + 365 * 86_400_000),
    })
    await db
      .insert(callCallers)
      .values({ id: randomUUID(), territoryId: territory.id, accountId: id, createdAt: now, updatedAt: now })
  }
  // The register, seeded directly: the use case's checks are not what this bench measures.
  const seedStart = performance.now()
  for (let from = 0; from < PEOPLE; from += 1000) {
    const people = []
    const registrations = []
    for (let i = from; i < Math.min(PEOPLE, from + 1000); i++) {
      const personId = randomUUID()
      people.push({
        id: personId,
        territoryId: territory.id,
        firstName: 'Personne',
        lastName: `N° ${i}`,
        phone: `+3326191${String(i).padStart(4, '0')}`,
        communeInsee: COMMUNES[i % COMMUNES.length]!,
        consentWording: 'Banc d’essai',
        consentAt: now,
        createdAt: now,
        updatedAt: now,
      })
      registrations.push({
        id: randomUUID(),
        territoryId: territory.id,
        personId,
        registrantKind: 'agent' as const,
        frequency: 'weekly' as const,
        status: 'active' as const,
        createdAt: now,
        updatedAt: now,
      })
    }
    await db.insert(phonePeople).values(people)
    await db.insert(callRegistrations).values(registrations)
  }
  const seedMs = performance.now() - seedStart

  const campaigns = new CampaignService(app.services)
  const startAt = performance.now()
  const started = await campaigns.start(actor(coordinator, ['coordinator']), territory, {
    title: 'Canicule – banc d’essai',
    reason: 'canicule',
    commune: '',
  })
  if (started.kind !== 'started') throw new Error('campaign refused')
  const startMs = performance.now() - startAt
  const id = started.id

  const rnd = seededRandom(13)
  const held = new Map<string, string>()
  let twiceHeld = 0
  const claimTimes: number[] = []
  const outcomes = { ok: 0, 'no-answer': 0, concern: 0, 'needs-help': 0 }
  let clockJumps = 0

  async function caller(accountId: string) {
    const me = actor(accountId)
    for (;;) {
      const t0 = performance.now()
      const entry = await campaigns.next(me, territory, id)
      claimTimes.push(performance.now() - t0)
      if (!entry) {
        const [left] = (
          (await db.execute(
            sql`select count(*)::int as open, (count(*) filter (where status = 'waiting'))::int as due from call_campaign_entries where campaign_id = ${id} and status in ('waiting', 'claimed')`,
          )) as unknown as { rows: { open: number; due: number }[] }
        ).rows
        if (!left || left.open === 0) return
        if (left.due > 0) {
          // Only people to call again remain: half an hour passes.
          await db.execute(
            sql`update call_campaign_entries set retry_at = now() - interval '1 second' where campaign_id = ${id} and status = 'waiting' and retry_at > now()`,
          )
          clockJumps++
        } else await new Promise((r) => setTimeout(r, 5))
        continue
      }
      const holder = held.get(entry.id)
      if (holder && holder !== accountId) twiceHeld++
      held.set(entry.id, accountId)
      const x = rnd()
      const outcome = x < 0.2 ? 'no-answer' : x < 0.21 ? 'concern' : x < 0.22 ? 'needs-help' : 'ok'
      outcomes[outcome]++
      const logged = await campaigns.outcome(me, territory, id, entry.id, { outcome, note: '' })
      held.delete(entry.id)
      if (logged.kind !== 'logged') throw new Error('outcome refused')
    }
  }

  const workStart = performance.now()
  await Promise.all(callers.map((c) => caller(c)))
  const workMs = performance.now() - workStart

  const [check] = (
    (await db.execute(sql`
      select
        (select count(*)::int from call_campaign_entries where campaign_id = ${id}) as entries,
        (select count(*)::int from call_campaign_entries where campaign_id = ${id} and status in ('waiting', 'claimed')) as open,
        (select count(*)::int from (
          select registration_id from call_logs where campaign_id = ${id} and outcome <> 'no-answer'
          group by registration_id having count(*) > 1) twice) as reached_twice,
        (select count(*)::int from call_campaign_entries where campaign_id = ${id} and status = 'unreachable') as unreachable`)) as unknown as {
      rows: { entries: number; open: number; reached_twice: number; unreachable: number }[]
    }
  ).rows
  const claims = claimTimes.length
  const sorted = claimTimes.sort((a, b) => a - b)
  const progress = await campaigns.view(actor(coordinator, ['coordinator']), territory, id)

  console.log(`Call campaign on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)'}`)
  console.log(`  people ${PEOPLE}, callers ${CALLERS}; register seeded in ${(seedMs / 1000).toFixed(1)} s`)
  console.log(
    `  campaign started (queue of ${check?.entries} written in its transaction) in ${startMs.toFixed(0)} ms`,
  )
  console.log(
    `  ${claims} claims (incl. empty ones) in ${(workMs / 1000).toFixed(1)} s: ${(claims / (workMs / 1000)).toFixed(0)} claims/s; one claim p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`,
  )
  console.log(
    `  outcomes: ok ${outcomes.ok}, no answer ${outcomes['no-answer']}, concern ${outcomes.concern}, needs help ${outcomes['needs-help']}; retries released ${clockJumps} time(s)`,
  )
  console.log(
    `  figures: reached ${progress.progress.reached}, concerns ${progress.progress.concern}, needs help ${progress.progress.needsHelp}, unreachable ${progress.progress.unreachable}, to retry ${progress.progress.toRetry}, waiting ${progress.progress.waiting}`,
  )
  console.log(`  people handed to two callers at once: ${twiceHeld} (must be 0)`)
  console.log(`  people reached twice: ${check?.reached_twice} (must be 0)`)
  console.log(`  people left uncalled: ${check?.open} (must be 0)`)
  console.log(`  load average: ${loadavg()}`)

  await db.execute(sql`delete from accounts where territory_id = ${territory.id}`)
  await db.execute(sql`delete from territories where id = ${territory.id}`)
  await close()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
