// The allocation of a campaign's stock to its requests: 2,000 requests over 40 distribution points
// in communes of the Calvados (the shipped reference data, requests drawn by population), a mix of
// priorities, and stock short of demand (60 %). Runs the HiGHS allocation and the greedy one
// (priority order, nearest point with stock) on the same data and prints the solver's time (median
// of a few runs), units served per priority and the travel (unit × km) of both, and checks that no
// point gives more than it holds and no request gets more than it asked. Then one run through the
// real service on the embedded database (or DATABASE_URL): the proposal saved and applied, and the
// ledger's sums compared with the stock the database keeps. Asserts nothing.
//
//   node --import tsx bench/allocation.ts     BENCH_REQUESTS=2000 BENCH_POINTS=40 BENCH_RUNS=5
import { randomBytes, randomUUID } from 'node:crypto'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import highsModule, { type Highs } from 'highs'
import { seedAccount } from '../src/domains/accounts/index.ts'
import { AllocationService } from '../src/domains/campaigns/allocation.service.ts'
import {
  type AllocationInput,
  type AllocationRow,
  buildModel,
  type DemandLine,
  greedyAllocation,
  solveAllocation,
  summarise,
} from '../src/domains/campaigns/allocation-model.ts'
import type { Priority } from '../src/domains/campaigns/campaign.schema.ts'
import { seedCampaign } from '../src/domains/campaigns/index.ts'
import { recordMovement } from '../src/domains/campaigns/ledger.repository.ts'
import { insertRequest } from '../src/domains/campaigns/request.repository.ts'
import type { Actor } from '../src/platform/auth/actor.ts'
import type { Commune } from '../src/platform/geo/commune.ts'
import { readCommunesFile } from '../src/platform/geo/communes.dataset.ts'
import { loadavg } from './databases.ts'
import { openBenchApp, percentile, seededRandom } from './in-process.ts'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000)
const POINTS = Number(process.env.BENCH_POINTS ?? 40)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const STOCK_SHARE = 0.6

const rnd = seededRandom(14)
const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))

/** Communes drawn as people live: a commune of 100,000 inhabitants is drawn a hundred times as often as one of 1,000. */
function byPopulation(communes: Commune[]) {
  const total = communes.reduce((s, c) => s + c.population, 0)
  return () => {
    let x = rnd() * total
    for (const c of communes) {
      x -= c.population
      if (x <= 0) return c
    }
    return communes.at(-1)!
  }
}

function drawPriority(): Priority {
  const x = rnd()
  return x < 0.15 ? 'front-line' : x < 0.45 ? 'vulnerable' : 'general'
}
const QUANTITY: Record<Priority, [number, number]> = {
  'front-line': [20, 200],
  vulnerable: [5, 50],
  general: [1, 20],
}

async function data(): Promise<{
  input: AllocationInput
  pointCommunes: Commune[]
  requestCommunes: Commune[]
}> {
  const calvados = (await readCommunesFile()).filter((c) => c.departement === '14')
  // Points in the 40 largest communes, as a Département would open them (mairies, CCAS).
  const pointCommunes = [...calvados].sort((a, b) => b.population - a.population).slice(0, POINTS)
  const draw = byPopulation(calvados)
  const requestCommunes: Commune[] = []
  const requests: DemandLine[] = Array.from({ length: REQUESTS }, (_, i) => {
    const commune = draw()
    requestCommunes.push(commune)
    const priority = drawPriority()
    const [lo, hi] = QUANTITY[priority]
    return {
      id: `r${i}`,
      priority,
      remaining: between(lo, hi),
      latitude: commune.latitude,
      longitude: commune.longitude,
      createdAt: new Date(Date.UTC(2026, 11, 1) + i * 60_000),
    }
  })
  const demand = requests.reduce((s, r) => s + r.remaining, 0)
  const weights = pointCommunes.map((c) => Math.sqrt(c.population) * (0.5 + rnd()))
  const weightSum = weights.reduce((s, w) => s + w, 0)
  const points = pointCommunes.map((c, i) => ({
    id: `p${i}`,
    available: Math.floor((STOCK_SHARE * demand * weights[i]!) / weightSum),
    latitude: c.latitude,
    longitude: c.longitude,
  }))
  return { input: { requests, points }, pointCommunes, requestCommunes }
}

const n = (v: number) => new Intl.NumberFormat('fr-FR').format(Math.round(v)).replace(/\u202f/g, ' ')

function report(label: string, input: AllocationInput, rows: AllocationRow[]) {
  const s = summarise(input, rows)
  const served = s.served['front-line'] + s.served.vulnerable + s.served.general
  console.log(
    `${label.padEnd(8)} served front-line ${n(s.served['front-line']).padStart(7)}  vulnerable ${n(s.served.vulnerable).padStart(7)}  general ${n(s.served.general).padStart(7)}  total ${n(served).padStart(7)}  travel ${n(s.unitKm).padStart(9)} unit·km (${(s.unitKm / Math.max(1, served)).toFixed(2)} km/unit)`,
  )
  console.log(
    `${''.padEnd(8)} check: points over their stock ${s.overdrawnPoints.length}, requests over what they asked ${s.overservedRequests.length} ${s.overdrawnPoints.length + s.overservedRequests.length === 0 ? '(sound)' : '(BROKEN)'}`,
  )
  return s
}

async function inMemory() {
  const { input } = await data()
  const demand = input.requests.reduce((s, r) => s + r.remaining, 0)
  const stock = input.points.reduce((s, p) => s + p.available, 0)
  const wanted: Record<Priority, number> = { 'front-line': 0, vulnerable: 0, general: 0 }
  for (const r of input.requests) wanted[r.priority] += r.remaining
  console.log(
    `${REQUESTS} requests over ${POINTS} points of the Calvados; demand ${n(demand)} units (front-line ${n(wanted['front-line'])}, vulnerable ${n(wanted.vulnerable)}, general ${n(wanted.general)}), stock ${n(stock)} (${((100 * stock) / demand).toFixed(0)} %)`,
  )
  const model = buildModel(input)
  console.log(`model: ${n(model.columns.size)} variables, ${n(model.lp.length / 1024)} KiB of LP text`)
  const solverMs: number[] = []
  const wholeMs: number[] = []
  let solved = await solveAllocation(input)
  // The server's own thread while the solver works on its thread, then while HiGHS runs on it.
  const threaded = monitorEventLoopDelay({ resolution: 10 })
  threaded.enable()
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    solved = await solveAllocation(input)
    wholeMs.push(performance.now() - t0)
    solverMs.push(solved.solverMs)
  }
  threaded.disable()
  // HiGHS left to its defaults (presolve, dual simplex) on the same model text, side by side.
  const highs = await (highsModule as unknown as () => Promise<Highs>)()
  const defaultMs: number[] = []
  const inline = monitorEventLoopDelay({ resolution: 10 })
  inline.enable()
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    highs.solve(model.lp, { log_to_console: false })
    defaultMs.push(performance.now() - t0)
    // a turn of the loop between solves, so the monitor sees each block
    await new Promise((r) => setTimeout(r, 20))
  }
  inline.disable()
  const greedyMs: number[] = []
  let greedy: AllocationRow[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    greedy = greedyAllocation(input)
    greedyMs.push(performance.now() - t0)
  }
  const median = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    )
  console.log(
    `HiGHS: status ${solved.status}, solver time median ${median(solverMs).toFixed(0)} ms over ${RUNS} runs (model built and read back too: ${median(wholeMs).toFixed(0)} ms); greedy: ${median(greedyMs).toFixed(1)} ms`,
  )
  console.log(
    `HiGHS with its default options: ${median(defaultMs).toFixed(0)} ms; ours (primal simplex, no presolve) / default: ${(median(solverMs) / median(defaultMs)).toFixed(2)}`,
  )
  const ms = (h: ReturnType<typeof monitorEventLoopDelay>, p: number) => (h.percentile(p) / 1e6).toFixed(0)
  console.log(
    `event-loop delay of the server's thread: p99 ${ms(threaded, 99)} ms, max ${(threaded.max / 1e6).toFixed(0)} ms while the solver runs on its own thread; p99 ${ms(inline, 99)} ms, max ${(inline.max / 1e6).toFixed(0)} ms when HiGHS runs on the server's thread`,
  )
  const h = report('HiGHS', input, solved.rows)
  const g = report('greedy', input, greedy)
  const ratio = (a: number, b: number) => (b === 0 ? '–' : (a / b).toFixed(3))
  console.log(
    `HiGHS / greedy: front-line served ${ratio(h.served['front-line'], g.served['front-line'])}, vulnerable ${ratio(h.served.vulnerable, g.served.vulnerable)}, general ${ratio(h.served.general, g.served.general)}, travel ${ratio(h.unitKm, g.unitKm)}`,
  )
}

const staff = (accountId: string): Actor => ({
  accountId,
  displayName: 'Coordination du banc',
  email: `${accountId}@bench.invalid`,
  verified: true,
  status: 'active',
  locale: 'fr',
  easyRead: false,
  roles: ['coordinator'],
  secondFactor: true,
  hasTotp: true,
  via: { kind: 'session', idHash: 'bench' },
})

/** The same data through the real service: saved, applied, and the ledger against the stock. */
async function throughService() {
  const { input, pointCommunes, requestCommunes } = await data()
  const { app, database, close } = await openBenchApp('allocation', { NODE_ENV: 'development' })
  const { db } = database
  const run = randomBytes(4).toString('hex')
  const territory = await app.services.territories.create({
    slug: `bench-${run}`,
    departements: ['14'],
    platformName: 'Entraide Banc d’essai',
    hostnames: [`bench-${run}.localhost`],
  })
  const now = new Date()
  const accountId = randomUUID()
  await seedAccount(db, {
    id: accountId,
    territoryId: territory.id,
    email: `banc-${run}@bench.invalid`,
    emailVerifiedAt: now,
    passwordHash: 'x',
    displayName: 'Demandeur du banc',
    communeInsee: '14118',
    charterVersion: '1',
    charterAcceptedAt: now,
    privacyVersion: '1',
    privacyAcceptedAt: now,
    createdAt: now,
    updatedAt: now,
  })
  const campaign = await seedCampaign(db, {
    territoryId: territory.id,
    createdBy: accountId,
    target: 1_000_000,
    points: pointCommunes.map((c, i) => ({
      name: `Point ${i + 1} (${c.name})`,
      communeInsee: c.insee,
      role: 'distribution',
    })),
  })
  for (const [i, p] of input.points.entries())
    if (p.available > 0)
      await recordMovement(db, {
        campaignId: campaign.id,
        pointId: campaign.pointIds[i]!,
        movement: 'received',
        quantity: p.available,
        recordedBy: accountId,
        at: now,
      })
  for (const [i, r] of input.requests.entries()) {
    const commune = requestCommunes[i]!
    await insertRequest(db, {
      id: randomUUID(),
      campaignId: campaign.id,
      accountId,
      organisationId: null,
      requesterKind: 'person',
      statusReason: null,
      quantity: r.remaining,
      requestedPriority: r.priority,
      priority: r.priority,
      preferredPointId: null,
      communeInsee: commune.insee,
      latitude: commune.latitude,
      longitude: commune.longitude,
      note: '',
      status: 'open',
      allocated: 0,
      collected: 0,
      createdAt: r.createdAt,
      updatedAt: r.createdAt,
    })
  }
  const service = new AllocationService(app.services)
  const me = staff(randomUUID())
  await seedAccount(db, {
    id: me.accountId,
    territoryId: territory.id,
    email: me.email,
    emailVerifiedAt: now,
    passwordHash: 'x',
    displayName: me.displayName,
    communeInsee: '14118',
    charterVersion: '1',
    charterAcceptedAt: now,
    privacyVersion: '1',
    privacyAcceptedAt: now,
    createdAt: now,
    updatedAt: now,
  })
  let t0 = performance.now()
  const proposal = await service.propose(me, territory, campaign.id)
  const proposeMs = performance.now() - t0
  const rows = (await service.view(me, territory, campaign.id)).rows.length
  t0 = performance.now()
  const applied = await service.apply(me, territory, campaign.id, proposal.id, '')
  const applyMs = performance.now() - t0
  const again = await service.apply(me, territory, campaign.id, proposal.id, '')
  const check = (await db.execute(sql`
    select count(*)::int as points,
      count(*) filter (where s.on_hand <> l.on_hand or s.reserved <> l.reserved)::int as mismatched,
      count(*) filter (where s.reserved <> coalesce(a.confirmed, 0))::int as reserved_off,
      count(*) filter (where s.on_hand < 0 or s.reserved > s.on_hand)::int as negative
    from supply_stock s
    join (select point_id, sum(on_hand_delta)::int as on_hand, sum(reserved_delta)::int as reserved
          from supply_ledger where campaign_id = ${campaign.id} group by point_id) l on l.point_id = s.point_id
    left join (select point_id, sum(quantity)::int as confirmed from supply_allocations
          where campaign_id = ${campaign.id} and status = 'confirmed' group by point_id) a on a.point_id = s.point_id
    where s.campaign_id = ${campaign.id}`)) as unknown as {
    rows: { points: number; mismatched: number; reserved_off: number; negative: number }[]
  }
  const c = check.rows[0]!
  console.log(
    `service on ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'the embedded database (PGlite)'}: proposal ${proposal.solverStatus} in ${proposal.solverMs.toFixed(0)} ms of solver, ${proposeMs.toFixed(0)} ms in all with ${rows} rows saved; applied (${applied.kind}, ${applied.kind === 'applied' ? applied.rows : 0} rows, ledger entries and notifications) in ${applyMs.toFixed(0)} ms; applied again: ${again.kind}`,
  )
  console.log(
    `ledger vs stock: ${c.points} points, ledger sums differing from the stock ${c.mismatched}, reserved differing from confirmed allocations ${c.reserved_off}, below zero ${c.negative} ${c.mismatched + c.reserved_off + c.negative === 0 ? '(sound)' : '(BROKEN)'}`,
  )
  // The ledger is append-only, so its campaign stays: the embedded database goes with its directory.
  await close()
}

console.log(`load before: ${loadavg()}`)
await inMemory()
await throughService()
console.log(`load after: ${loadavg()}`)
