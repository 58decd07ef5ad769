// Pledges racing for the last units: 200 pledges of one unit sent at once to 50 needs of 3 units
// (four people for three units on every need), then the same 200 at once to 50 needs with room
// for all, side by side in one run. Prints pledges per second, p50/p99 of one pledge (its whole
// use case: checks, the conditional update, the insert and the managers' mail, in one
// transaction), how many were refused, and the count of needs pledged beyond what they asked,
// which must be 0. Asserts nothing.
// Runs on a fresh embedded database, or on DATABASE_URL, where it removes its territory, accounts
// and needs when done.
//
//   node --import tsx bench/needs.ts          BENCH_NEEDS=50 BENCH_PLEDGES=200
import { randomBytes, randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { seedAccount } from '../src/domains/accounts/index.ts'
import { NeedService } from '../src/domains/needs/need.service.ts'
import { PledgeService } from '../src/domains/needs/pledge.service.ts'
import { seedOrganisation } from '../src/domains/organisations/index.ts'
import type { Actor } from '../src/platform/auth/actor.ts'
import type { Territory } from '../src/platform/tenancy/territory.ts'
import { loadavg } from './databases.ts'
import { openBenchApp, percentile } from './in-process.ts'

const NEEDS = Number(process.env.BENCH_NEEDS ?? 50)
const PLEDGES = Number(process.env.BENCH_PLEDGES ?? 200)

const actor = (accountId: string): Actor => ({
  accountId,
  displayName: 'Banc d’essai',
  email: `${accountId}@bench.invalid`,
  verified: true,
  status: 'active',
  locale: 'fr',
  easyRead: false,
  roles: [],
  secondFactor: false,
  hasTotp: false,
  via: { kind: 'session', idHash: 'bench' },
})

async function main() {
  const { app, database, close } = await openBenchApp('needs', { NODE_ENV: 'development' })
  const { db } = database
  const run = randomBytes(4).toString('hex')
  const territory: Territory = await app.services.territories.create({
    slug: `bench-${run}`,
    departements: ['14'],
    platformName: 'Entraide Banc d’essai',
    hostnames: [`bench-${run}.localhost`],
  })
  const now = new Date()
  const account = async (n: number) => {
    const id = randomUUID()
    await seedAccount(db, {
      id,
      territoryId: territory.id,
      email: `banc-${run}-${n}@bench.invalid`,
      emailVerifiedAt: now,
      passwordHash: 'x',
      displayName: `Donateur ${n}`,
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
  const managerId = await account(0)
  const orgId = await seedOrganisation(db, {
    territoryId: territory.id,
    name: 'Banque alimentaire du banc',
    communeInsee: '14047',
    managerId,
  })
  const people = await Promise.all(Array.from({ length: PLEDGES }, (_, i) => account(i + 1)))
  const needs = new NeedService(app.services)
  const pledges = new PledgeService(app.services)

  async function needsOf(quantity: number) {
    const ids: { id: string; dropPointId: string }[] = []
    for (let i = 0; i < NEEDS; i += 1) {
      const drop = {
        name: 'Local',
        commune: '14047',
        address: '1 rue du Banc',
        hours: 'le samedi',
        by: 'insee' as const,
      }
      const input = {
        title: `Repas ${i}`,
        description: 'Pour la distribution.',
        quantity: String(quantity),
        unit: 'repas',
        categoryId: '',
        deadline: '',
        allowOverPledge: false,
      }
      const result = await needs.create(actor(managerId), territory, orgId, input, [drop])
      if (result.kind !== 'saved') throw new Error('the bench could not post a need')
      const view = await needs.present(territory, result.need, 'manager', 'fr')
      ids.push({ id: result.need.id, dropPointId: view.dropPoints[0]!.id })
    }
    return ids
  }

  async function race(label: string, quantity: number) {
    const targets = await needsOf(quantity)
    const times: number[] = []
    let refused = 0
    const t0 = performance.now()
    await Promise.all(
      people.map(async (person, i) => {
        const need = targets[i % targets.length]!
        const start = performance.now()
        const input = { quantity: '1', dropPointId: need.dropPointId, organisationId: '' }
        const result = await pledges.pledge(actor(person), territory, need.id, input)
        times.push(performance.now() - start)
        if (result.kind !== 'pledged') refused += 1
      }),
    )
    const seconds = (performance.now() - t0) / 1000
    times.sort((a, b) => a - b)
    const rows = await Promise.all(targets.map((n) => needs.view(null, territory, n.id, 'fr')))
    const over = rows.filter((r) => r.need.pledged > r.need.quantity).length
    const rate = PLEDGES / seconds
    console.log(
      `${label.padEnd(28)} ${rate.toFixed(0).padStart(5)} pledges/s  p50 ${percentile(times, 50).toFixed(1)} ms  p99 ${percentile(times, 99).toFixed(1)} ms  refused ${refused}  over-pledged needs ${over}`,
    )
    return rate
  }

  console.log(`load before: ${loadavg()}`)
  console.log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded (PGlite)'}`)
  console.log(`${PLEDGES} pledges of 1 unit at once on ${NEEDS} needs`)
  const contended = await race(
    `needs of ${Math.round((3 * PLEDGES) / (4 * NEEDS))} units (last units)`,
    Math.round((3 * PLEDGES) / (4 * NEEDS)),
  )
  const free = await race('needs of 1000 units (room)', 1000)
  console.log(`contended / free throughput: ${(contended / free).toFixed(2)}`)
  console.log(`load after: ${loadavg()}`)
  // On a shared server, leave nothing behind: the territory takes its needs and organisation along.
  await db.execute(sql`delete from accounts where territory_id = ${territory.id}`)
  await db.execute(sql`delete from territories where id = ${territory.id}`)
  await close()
}

await main()
