// How long the platform takes to answer its first /healthz after `node --import tsx src/server.ts`,
// and how much memory it holds then: on a fresh embedded database (migrations and the communes
// load), on an existing one, and on PostgreSQL when DATABASE_URL is set. Prints figures only.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnServer } from '../e2e/helpers/server.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)

interface Boot {
  ms: number
  rssMb: number
  peakMb: number
}

async function memoryOf(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) =>
    Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN)
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 }
}

async function boot(env: Record<string, string>): Promise<Boot> {
  const started = performance.now()
  const server = await spawnServer({
    env: { NODE_ENV: 'development', SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...env },
    pollMs: 10,
    bootTimeoutMs: 300_000,
  })
  const ms = performance.now() - started
  const memory = await memoryOf(server.child.pid!)
  await server.stop().catch((error: Error) => console.warn(`  (stop: ${error.message.split('\n')[0]})`))
  return { ms, ...memory }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

function report(label: string, boots: Boot[]) {
  const times = boots.map((b) => b.ms)
  const rss = boots.map((b) => b.rssMb)
  const peak = boots.map((b) => b.peakMb)
  const f = (n: number, unit: string) => `${n.toFixed(0)} ${unit}`.padStart(8)
  console.log(
    `${label.padEnd(34)} runs ${String(boots.length).padStart(2)}  boot min ${f(Math.min(...times), 'ms')} median ${f(median(times), 'ms')}` +
      `  RSS median ${f(median(rss), 'MB')}  peak median ${f(median(peak), 'MB')}`,
  )
}

async function repeat(n: number, env: Record<string, string>): Promise<Boot[]> {
  const boots: Boot[] = []
  for (let i = 0; i < n; i++) boots.push(await boot(env))
  return boots
}

console.log(`node ${process.version}, ${availableParallelism()} cores; ${RUNS} runs for warm boots\n`)

const dir = await mkdtemp(join(tmpdir(), 'entraide-bench-'))
try {
  const pglite = { PGLITE_DIR: join(dir, 'pglite') }
  report('(a) PGlite, fresh directory', [await boot(pglite)])
  report('(b) PGlite, existing directory', await repeat(RUNS, pglite))
} finally {
  await rm(dir, { recursive: true, force: true })
}

const url = process.env.DATABASE_URL
if (url) {
  const postgres = { DATABASE_URL: url }
  // The first boot on a database that was never migrated does more; it is shown apart.
  report('(c) PostgreSQL, first boot', [await boot(postgres)])
  report('(c) PostgreSQL, migrated database', await repeat(RUNS, postgres))
} else {
  console.log('(c) PostgreSQL                      skipped: set DATABASE_URL')
}
