// HTTP load from a child process (autocannon), so the client never shares the measured server's
// event loop. Run as a script, this file is that child: it says `start` on its first line when
// the load begins, then prints its figures as JSON. Imported, it gives `load`, which spawns it.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

/** What the child sends back of autocannon's result. */
export interface Run {
  requests: number
  rps: number
  p50: number
  p99: number
  non2xx: number
  errors: number
  timeouts: number
  bytesPerSecond: number
}

/** The part of autocannon's programmatic API used here (the package ships no types). */
type Autocannon = (opts: {
  url: string
  connections: number
  duration: number
  headers?: Record<string, string>
}) => Promise<{
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  throughput: { average: number }
  non2xx: number
  errors: number
  timeouts: number
}>

const self = fileURLToPath(import.meta.url)

async function client(url: string, connections: number, duration: number) {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon
  console.log('start')
  const r = await autocannon({ url, connections, duration })
  const run: Run = {
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerSecond: r.throughput.average,
  }
  console.log(JSON.stringify(run))
}

/**
 * `seconds` of load on `url` over `connections` kept-alive connections. `onStart` runs when the
 * child begins sending (its own start-up is not part of the measure), `onEnd` when it has stopped.
 */
export function load(
  url: string,
  options: { seconds: number; connections: number; onStart?: () => void; onEnd?: () => void },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self], {
      env: {
        ...process.env,
        BENCH_LOAD_URL: url,
        BENCH_LOAD_SECONDS: String(options.seconds),
        BENCH_LOAD_CONNECTIONS: String(options.connections),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    let started = false
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (!started && out.startsWith('start\n')) {
        started = true
        options.onStart?.()
      }
    })
    child.on('error', reject)
    child.on('close', (code) => {
      options.onEnd?.()
      const last = out.trim().split('\n').pop() ?? ''
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`load child exited ${code}: ${out}`))
      else resolve(JSON.parse(last) as Run)
    })
  })
}

if (process.argv[1] === self && process.env.BENCH_LOAD_URL)
  await client(
    process.env.BENCH_LOAD_URL,
    Number(process.env.BENCH_LOAD_CONNECTIONS ?? 10),
    Number(process.env.BENCH_LOAD_SECONDS ?? 10),
  )
