// How long the platform takes from `node …` to its first 200 on /readyz, how much CPU it used
// until then, and how much memory it holds once idle: on an empty embedded directory (initdb,
// migrations, the communes), an existing one, and, with DATABASE_URL, an empty PostgreSQL
// database (created for the run, then dropped) and a migrated one. Each case runs the compiled
// build (`node dist/server.js`, what `npm start` runs) and, side by side, the TypeScript sources
// through tsx, so the ratio holds whatever the machine's load. Idle memory is then split: the
// process's anonymous and file-backed pages (/proc), and each thread's V8 heap and external
// memory (the WebAssembly memory of PGlite's thread among it, as reserved), which
// memory-probe.mjs prints from inside. Prints figures only.
//   npm run bench:boot     (builds dist/ first)   BENCH_RUNS=3 warm boots per case
//   BENCH_BEFORE=dir: also runs dir/src/server.ts through tsx, as `npm start` did before the
//   build existed: a copy of an earlier commit's src, migrations and data (git archive), beside
//   this one so that it finds node_modules and public/.
//   BENCH_BEFORE_DIST=dir: also runs dir/server.js, an earlier commit's build (its dist/ renamed,
//   at the repository's root so that its paths to migrations, data and public/ still hold).
//   BENCH_NODE_FLAGS="--max-semi-space-size=16": also runs the build with these Node flags instead
//   of those `npm start` gives it.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { spawnServer } from '../e2e/helpers/server.ts'
import { loadavg } from './databases.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
/** Idle memory is read this long after readiness, once the background schema compilation is done. */
const SETTLE_MS = 3000
const CLOCK_TICKS = 100

const before = process.env.BENCH_BEFORE
const beforeDist = process.env.BENCH_BEFORE_DIST
const flags = process.env.BENCH_NODE_FLAGS
const entries: Record<string, readonly string[]> = {
  compiled: ['--enable-source-maps', '--max-semi-space-size=8', 'dist/server.js'],
  tsx: ['--import', 'tsx', 'src/server.ts'],
  ...(before ? { before: ['--import', 'tsx', join(before, 'src/server.ts')] } : {}),
  ...(beforeDist ? { 'compiled before': ['--enable-source-maps', join(beforeDist, 'server.js')] } : {}),
  ...(flags
    ? { 'compiled, flags': [...flags.split(' ').filter(Boolean), '--enable-source-maps', 'dist/server.js'] }
    : {}),
}
type Entry = string

interface Boot {
  ms: number
  cpuMs: number
  idleRssMb: number
  /** resident pages not backed by a file (heaps, WebAssembly memory and code) and those that are (node, libraries) */
  anonMb: number
  fileMb: number
  /** each thread's last line from memory-probe.mjs */
  threads: Record<string, ThreadMemory>
}

interface ThreadMemory {
  heapTotal: number
  heapUsed: number
  newSpace: number
  oldSpace: number
  external: number
  arrayBuffers: number
}

const PROBE = ['--import', new URL('./memory-probe.mjs', import.meta.url).href]

/** The last line each thread printed, by thread. */
function threadsFrom(output: string): Record<string, ThreadMemory> {
  const threads: Record<string, ThreadMemory> = {}
  for (const [, json] of output.matchAll(/^memory-probe (.*)$/gm)) {
    const { thread, ...memory } = JSON.parse(json!) as ThreadMemory & { thread: string }
    threads[thread.startsWith('worker') ? 'worker' : thread] = memory
  }
  return threads
}

async function cpuMsOf(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ')
  // utime and stime, fields 14 and 15 of the whole line
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
}

async function rssMbOf(pid: number): Promise<{ rss: number; anon: number; file: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) =>
    Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN)
  return {
    rss: kb('VmRSS') / 1024,
    anon: kb('RssAnon') / 1024,
    file: (kb('RssFile') + kb('RssShmem')) / 1024,
  }
}

async function boot(entry: Entry, env: Record<string, string>): Promise<Boot> {
  const started = performance.now()
  const server = await spawnServer({
    env: { NODE_ENV: 'development', SEED_DEMO: 'false', ...env },
    args: [...PROBE, ...entries[entry]!],
    pollMs: 10,
    bootTimeoutMs: 300_000,
  })
  const ms = performance.now() - started
  const pid = server.child.pid!
  const cpuMs = await cpuMsOf(pid)
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
  const idle = await rssMbOf(pid)
  const threads = threadsFrom(server.output())
  await server.stop().catch((error: Error) => console.warn(`  (stop: ${error.message.split('\n')[0]})`))
  return { ms, cpuMs, idleRssMb: idle.rss, anonMb: idle.anon, fileMb: idle.file, threads }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

const results: { label: string; entry: Entry; boots: Boot[] }[] = []

function report(label: string, entry: Entry, boots: Boot[]) {
  results.push({ label, entry, boots })
  const f = (n: number, unit: string) => `${n.toFixed(0)} ${unit}`.padStart(8)
  console.log(
    `${label.padEnd(30)} ${entry.padEnd(8)} runs ${String(boots.length).padStart(2)}` +
      `  to /readyz median ${f(median(boots.map((b) => b.ms)), 'ms')} min ${f(Math.min(...boots.map((b) => b.ms)), 'ms')}` +
      `  cpu median ${f(median(boots.map((b) => b.cpuMs)), 'ms')}  idle RSS ${f(median(boots.map((b) => b.idleRssMb)), 'MB')}`,
  )
  // The breakdown of the last boot: what holds the idle memory.
  const last = boots.at(-1)!
  const mb = (n: number | undefined) => `${(n ?? Number.NaN).toFixed(0)} MB`
  console.log(`    idle memory: ${mb(last.anonMb)} anonymous, ${mb(last.fileMb)} files (node, libraries)`)
  for (const [thread, m] of Object.entries(last.threads))
    console.log(
      `    ${thread.padEnd(6)} heap ${mb(m.heapUsed)} used of ${mb(m.heapTotal)} (new space ${mb(m.newSpace)}, old ${mb(m.oldSpace)})` +
        `, external ${mb(m.external)} (array buffers ${mb(m.arrayBuffers)})`,
    )
}

/** Each entry's runs alternate with the others' (a, b, a, b…), so that a busier minute weighs on all. */
async function both(label: string, runs: number, env: () => Promise<Record<string, string>>) {
  const all = Object.keys(entries) as Entry[]
  const boots = new Map<Entry, Boot[]>(all.map((entry) => [entry, []]))
  for (let i = 0; i < runs; i++)
    for (const entry of all) boots.get(entry)!.push(await boot(entry, await env()))
  for (const entry of all) report(label, entry, boots.get(entry)!)
}

console.log(`node ${process.version}, ${availableParallelism()} cores; ${RUNS} runs for warm boots`)
console.log(`loadavg before: ${loadavg()}\n`)

const dir = await mkdtemp(join(tmpdir(), 'entraide-bench-'))
let fresh = 0
try {
  await both('(a) PGlite, empty directory', 1, async () => ({ PGLITE_DIR: join(dir, `empty-${fresh++}`) }))
  // one migrated directory shared by every warm boot
  await both('(b) PGlite, existing directory', RUNS, async () => ({ PGLITE_DIR: join(dir, 'empty-0') }))
} finally {
  await rm(dir, { recursive: true, force: true })
}

const url = process.env.DATABASE_URL
if (url) {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const created: string[] = []
  const emptyDatabase = async () => {
    const name = `entraide_bench_boot_${process.pid}_${created.length}`
    await admin.query(`CREATE DATABASE ${name}`)
    created.push(name)
    const target = new URL(url)
    target.pathname = `/${name}`
    return { DATABASE_URL: target.toString() }
  }
  try {
    await both('(c) PostgreSQL, empty database', 1, emptyDatabase)
    const migrated = new URL(url)
    migrated.pathname = `/${created[0]}`
    await both('(d) PostgreSQL, migrated', RUNS, async () => ({ DATABASE_URL: migrated.toString() }))
  } finally {
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
} else {
  console.log('(c, d) PostgreSQL                skipped: set DATABASE_URL')
}

console.log(`\nloadavg after: ${loadavg()}`)
for (const reference of Object.keys(entries).filter((e) => e !== 'compiled')) {
  console.log(`\nratio ${reference} / compiled (median to /readyz, median cpu):`)
  for (const { label, entry, boots } of results) {
    if (entry !== 'compiled') continue
    const other = results.find((r) => r.label === label && r.entry === reference)
    if (!other) continue
    const ratio = (pick: (b: Boot) => number) => median(other.boots.map(pick)) / median(boots.map(pick))
    console.log(
      `  ${label.padEnd(30)} ${ratio((b) => b.ms).toFixed(2)}x time, ${ratio((b) => b.cpuMs).toFixed(2)}x cpu`,
    )
  }
}
