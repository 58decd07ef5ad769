// Bulk dispatch at the scale of a large Département: 10,000 open asks over 50,000 volunteers in
// the communes of the Nord (the shipped reference data, drawn by population), 14 categories, a
// fifth of the volunteers with weekly availability, capacities 1–3, all from a seeded generator.
// Times each step the coordinator waits for (candidate pairs, their scores, the exact solve,
// reading the result), compares the optimum with the greedy assignment on the same pairs, checks
// that neither gives an ask two volunteers or a volunteer more than their capacity, and watches
// the event loop while the solve runs. Then the same at the size of a small install (1,000 ×
// 5,000), and with volunteers scarce (10,000 asks over 5,000). Asserts nothing.
//
//   node --import tsx bench/dispatch.ts     BENCH_ASKS=10000 BENCH_VOLUNTEERS=50000 BENCH_RUNS=3
//   BENCH_DEPARTEMENT=59 (any code of data/communes.json)
import { monitorEventLoopDelay } from 'node:perf_hooks'
import {
  type Assignment,
  greedyAssignment,
  optimalAssignment,
  type ScoredPair,
} from '../src/domains/dispatch/assignment.ts'
import {
  type AskPoint,
  candidatePairs,
  PAIR_DEFAULTS,
  type VolunteerPoint,
} from '../src/domains/dispatch/pairs.ts'
import { availabilityShare, HALF_DAYS, scorePair } from '../src/domains/dispatch/score.ts'
import type { Commune } from '../src/platform/geo/commune.ts'
import { readCommunesFile } from '../src/platform/geo/communes.dataset.ts'
import { loadavg } from './databases.ts'
import { seededRandom } from './in-process.ts'

const ASKS = Number(process.env.BENCH_ASKS ?? 10_000)
const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 50_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const DEPARTEMENT = process.env.BENCH_DEPARTEMENT ?? '59'
const OPTIONS = {
  maxKm: Number(process.env.BENCH_MAX_KM ?? PAIR_DEFAULTS.maxKm),
  perAsk: Number(process.env.BENCH_PER_ASK ?? PAIR_DEFAULTS.perAsk),
}
/** HiGHS on the same pairs, to show both methods agree: by default only where it answers in seconds. */
const HIGHS_UP_TO = Number(process.env.BENCH_HIGHS_PAIRS ?? 30_000)

/** Fourteen categories, the first ones asked for far more often (groceries more than childcare). */
const CATEGORIES = [
  'courses',
  'visites',
  'appels',
  'transport',
  'bricolage',
  'jardinage',
  'devoirs',
  'informatique',
  'administratif',
  'animaux',
  'garde-enfants',
  'repas',
  'demenagement',
  'couture',
]
const NEEDS_VERIFIED = new Set(['visites', 'garde-enfants'])
const RADII = [2, 5, 5, 10, 10, 10, 15, 20, 30]

interface Ask extends AskPoint {
  wanted: string[]
  language: string
}
interface Volunteer extends VolunteerPoint {
  free: string[]
  languages: string[]
  openMatches: number
  answerRate: number | null
  medianAnswerHours: number | null
}

function generate(asks: number, volunteers: number, communes: Commune[], seed: number) {
  const rnd = seededRandom(seed)
  const total = communes.reduce((s, c) => s + c.population, 0)
  const cumulative: number[] = []
  let sum = 0
  for (const c of communes) {
    sum += c.population
    cumulative.push(sum)
  }
  /** A commune drawn as people live, then a point within about 2 km of its centre. */
  const place = () => {
    const x = rnd() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < x) lo = mid + 1
      else hi = mid
    }
    const c = communes[lo]!
    return { latitude: c.latitude + (rnd() - 0.5) * 0.036, longitude: c.longitude + (rnd() - 0.5) * 0.054 }
  }
  // Zipf-like popularity: the first category ten times as likely as the last.
  const popularity = CATEGORIES.map((_, i) => 1 / (1 + i * 0.7))
  const popularitySum = popularity.reduce((s, p) => s + p, 0)
  const category = () => {
    let x = rnd() * popularitySum
    for (let i = 0; i < CATEGORIES.length; i++) {
      x -= popularity[i]!
      if (x <= 0) return CATEGORIES[i]!
    }
    return CATEGORIES.at(-1)!
  }
  const halfDays = (count: number) => [
    ...new Set(Array.from({ length: count }, () => HALF_DAYS[Math.floor(rnd() * HALF_DAYS.length)]!)),
  ]
  const askList: Ask[] = Array.from({ length: asks }, (_, i) => {
    const c = category()
    return {
      id: `a${i}`,
      ...place(),
      category: c,
      needsVerified: NEEDS_VERIFIED.has(c),
      wanted: rnd() < 0.5 ? halfDays(1 + Math.floor(rnd() * 4)) : [],
      language: rnd() < 0.95 ? 'fr' : 'en',
    }
  })
  const volunteerList: Volunteer[] = Array.from({ length: volunteers }, (_, i) => {
    const categories = new Set(Array.from({ length: 1 + Math.floor(rnd() * 4) }, category))
    const answered = rnd() < 0.6
    return {
      id: `v${i}`,
      ...place(),
      radiusKm: RADII[Math.floor(rnd() * RADII.length)]!,
      categories,
      verified: rnd() < 0.3,
      capacity: 1 + Math.floor(rnd() * 3),
      free: rnd() < 0.2 ? halfDays(2 + Math.floor(rnd() * 8)) : [],
      languages: rnd() < 0.9 ? ['fr'] : ['fr', 'en'],
      openMatches: Math.floor(rnd() * rnd() * 4),
      answerRate: answered ? rnd() : null,
      medianAnswerHours: answered ? rnd() * 96 : null,
    }
  })
  return { asks: askList, volunteers: volunteerList }
}

const ms = (from: number) => performance.now() - from
const f = (v: number, digits = 0) =>
  new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    .format(v)
    .replace(/\u202f/g, ' ')
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** Connected components of the pairs' graph (union–find): how far splitting the problem would go. */
function components(pairs: readonly ScoredPair[], askCount: number) {
  const parent = new Int32Array(askCount + Math.max(0, ...pairs.map((p) => p.volunteer)) + 1).map((_, i) => i)
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!
    return x
  }
  for (const p of pairs) parent[find(p.ask)] = find(askCount + p.volunteer)
  const asks = new Map<number, number>()
  const edges = new Map<number, number>()
  for (const p of pairs) {
    const root = find(p.ask)
    edges.set(root, (edges.get(root) ?? 0) + 1)
  }
  for (const a of new Set(pairs.map((p) => p.ask))) asks.set(find(a), (asks.get(find(a)) ?? 0) + 1)
  let largest = -1
  for (const [root, n] of edges) if (largest === -1 || n > edges.get(largest)!) largest = root
  return { count: edges.size, largestAsks: asks.get(largest) ?? 0, largestPairs: edges.get(largest) ?? 0 }
}

function scored(
  found: ReturnType<typeof candidatePairs>,
  asks: readonly Ask[],
  volunteers: readonly Volunteer[],
) {
  return found.map((p): ScoredPair => {
    const ask = asks[p.askIndex]!
    const v = volunteers[p.volunteerIndex]!
    return {
      ask: p.askIndex,
      volunteer: p.volunteerIndex,
      score: scorePair({
        distanceKm: p.distanceKm,
        radiusKm: v.radiusKm,
        categoryMatch: true,
        availabilityShare: availabilityShare(ask.wanted, v.free),
        verified: ask.needsVerified && v.verified,
        openMatches: v.openMatches,
        answerRate: v.answerRate,
        medianAnswerHours: v.medianAnswerHours,
        languageMatch: v.languages.includes(ask.language),
      }).score,
    }
  })
}

/** Every ask at most once, every volunteer within capacity: what both assignments must respect. */
function sound(pairs: readonly ScoredPair[], result: Assignment, volunteers: readonly Volunteer[]) {
  const asks = new Set<number>()
  const load = new Map<number, number>()
  for (const i of result.chosen) {
    const p = pairs[i]!
    if (asks.has(p.ask)) return false
    asks.add(p.ask)
    load.set(p.volunteer, (load.get(p.volunteer) ?? 0) + 1)
  }
  for (const [v, n] of load) if (n > volunteers[v]!.capacity) return false
  return true
}

async function run(label: string, askCount: number, volunteerCount: number, communes: Commune[]) {
  const { asks, volunteers } = generate(askCount, volunteerCount, communes, 14)
  console.log(`\n== ${label}: ${f(askCount)} asks, ${f(volunteerCount)} volunteers, ${RUNS} runs (median)`)
  console.log(`load average: ${loadavg()}`)
  const steps = ['pairs', 'scores', 'solve', 'read', 'end to end', 'greedy'] as const
  const wall = new Map<string, number[]>(steps.map((k) => [k, []]))
  const cpu = new Map<string, number[]>(steps.map((k) => [k, []]))
  const solver: number[] = []
  /** Wall time, and the process's CPU time (both threads: while the solver works, this one only waits). */
  const clock = () => ({ at: performance.now(), cpu: process.cpuUsage() })
  const record = (step: (typeof steps)[number], from: ReturnType<typeof clock>) => {
    wall.get(step)!.push(ms(from.at))
    const used = process.cpuUsage(from.cpu)
    cpu.get(step)!.push((used.user + used.system) / 1000)
  }
  let last: { pairs: ScoredPair[]; optimal: Assignment; greedy: Assignment } | null = null
  let loopMaxMs = 0
  let loopP99Ms = 0
  for (let run = 0; run < RUNS; run++) {
    const start = clock()
    const found = candidatePairs(asks, volunteers, OPTIONS)
    record('pairs', start)
    const scoring = clock()
    const pairs = scored(found, asks, volunteers)
    record('scores', scoring)
    const loop = monitorEventLoopDelay({ resolution: 5 })
    loop.enable()
    const solving = clock()
    const optimal = await optimalAssignment(pairs, (v) => volunteers[v]!.capacity)
    record('solve', solving)
    loop.disable()
    loopMaxMs = Math.max(loopMaxMs, loop.max / 1e6)
    loopP99Ms = Math.max(loopP99Ms, loop.percentile(99) / 1e6)
    solver.push(optimal.solverMs)
    const reading = clock()
    const plan = optimal.chosen.map((i) => ({
      askId: asks[pairs[i]!.ask]!.id,
      volunteerId: volunteers[pairs[i]!.volunteer]!.id,
      score: pairs[i]!.score,
    }))
    record('read', reading)
    record('end to end', start)
    if (plan.length !== optimal.chosen.length) throw new Error('unreachable')
    const greedyStart = clock()
    const greedy = greedyAssignment(pairs, (v) => volunteers[v]!.capacity)
    record('greedy', greedyStart)
    last = { pairs, optimal, greedy }
  }
  const { pairs, optimal, greedy } = last!
  const askedPairs = new Set(pairs.map((p) => p.ask)).size
  const usedVolunteers = new Set(pairs.map((p) => p.volunteer)).size
  const parts = components(pairs, askCount)
  console.log(
    `candidate pairs   ${f(pairs.length)} kept (${f(pairs.length / askCount, 1)} per ask; maxKm ${OPTIONS.maxKm}, perAsk ${OPTIONS.perAsk}); asks with a pair ${f(askedPairs)}, volunteers in a pair ${f(usedVolunteers)}`,
  )
  console.log(
    `components        ${f(parts.count)} (largest: ${f(parts.largestAsks)} asks, ${f(parts.largestPairs)} pairs)`,
  )
  console.log(`LP size           ${f(pairs.length)} columns, ${f(askedPairs + usedVolunteers)} rows`)
  const line = (times: Map<string, number[]>) =>
    steps.map((k) => `${k} ${f(median(times.get(k)!), k === 'read' ? 1 : 0)}`).join('  ')
  console.log(`wall time (ms)    ${line(wall)}  | of which the solver itself ${f(median(solver))}`)
  console.log(`CPU time (ms)     ${line(cpu)}`)
  console.log(`event loop        during the solve: p99 ${f(loopP99Ms)} ms, max ${f(loopMaxMs)} ms`)
  const gained = ((optimal.totalScore - greedy.totalScore) / greedy.totalScore) * 100
  console.log(
    `total score       optimal ${f(optimal.totalScore, 1)}  greedy ${f(greedy.totalScore, 1)}  (+${f(gained, 2)} %)`,
  )
  console.log(
    `asks assigned     optimal ${f(optimal.chosen.length)}  greedy ${f(greedy.chosen.length)}  of ${f(askCount)}  | check: ${sound(pairs, optimal, volunteers) && sound(pairs, greedy, volunteers) ? 'sound' : 'BROKEN'}`,
  )
  if (pairs.length <= HIGHS_UP_TO) {
    const highs = await optimalAssignment(pairs, (v) => volunteers[v]!.capacity, { method: 'highs' })
    console.log(
      `HiGHS (LP)        total ${f(highs.totalScore, 1)} (${highs.totalScore === optimal.totalScore ? 'the same optimum' : 'DIFFERENT'}), solver ${f(highs.solverMs)} ms against ${f(optimal.solverMs, 1)} ms for the matching`,
    )
  } else console.log(`HiGHS (LP)        not run over ${f(HIGHS_UP_TO)} pairs (BENCH_HIGHS_PAIRS to change)`)
  return { asks, volunteers }
}

/** The defaults' reason: what more pairs per ask, or a longer reach, would have gained. */
async function tuning(asks: readonly Ask[], volunteers: readonly Volunteer[]) {
  console.log(`\n== tuning on the same data (one run each)\nload average: ${loadavg()}`)
  for (const [maxKm, perAsk] of [
    [20, 4],
    [20, 8],
    [20, 12],
    [20, 20],
    [20, 40],
    [10, 12],
    [30, 12],
  ] as const) {
    const started = performance.now()
    const pairs = scored(candidatePairs(asks, volunteers, { maxKm, perAsk }), asks, volunteers)
    const optimal = await optimalAssignment(pairs, (v) => volunteers[v]!.capacity)
    console.log(
      `maxKm ${String(maxKm).padStart(2)} perAsk ${String(perAsk).padStart(2)}: ${f(pairs.length).padStart(7)} pairs, optimal ${f(optimal.totalScore, 1).padStart(9)}, ${f(optimal.chosen.length).padStart(6)} asks assigned, solver ${f(optimal.solverMs).padStart(4)} ms, end to end ${f(ms(started)).padStart(5)} ms`,
    )
  }
}

const communes = (await readCommunesFile()).filter((c) => c.departement === DEPARTEMENT)
console.log(
  `Bulk dispatch bench, Département ${DEPARTEMENT}: ${f(communes.length)} communes, ${f(communes.reduce((s, c) => s + c.population, 0))} inhabitants`,
)
const large = await run('a large Département', ASKS, VOLUNTEERS, communes)
await run('a small install', Math.round(ASKS / 10), Math.round(VOLUNTEERS / 10), communes)
// Where the optimum earns its keep: volunteers too few for every ask, so that who takes which decides how many are helped.
await run('volunteers scarce', ASKS, Math.round(VOLUNTEERS / 10), communes)
if (process.env.BENCH_TUNING !== '0') await tuning(large.asks, large.volunteers)
console.log('\n(run with: node --import tsx bench/dispatch.ts)')
