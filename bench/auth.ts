// What a login costs on one process with Argon2id at the cost in src/platform/auth/passwords.ts:
// logins per second and latency (p50/p95/p99) at 2, 4 and 8 logins in flight, through POST
// /connexion over HTTP and, for comparison, the same work called directly (find the account,
// verify the password, start a session); then the memory each hash holds while it runs.
// Runs on a fresh embedded database, or on DATABASE_URL (use a throwaway database: the bench
// leaves its territory and accounts there). Prints figures; asserts nothing.
//
//   node --import tsx bench/auth.ts          BENCH_LOGINS=200 BENCH_CONCURRENCY=2,4,8 BENCH_ACCOUNTS=50
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { Agent, request } from 'node:http'
import { availableParallelism, cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { findAccountByEmail, insertAccount } from '../src/domains/accounts/identity/account.repository.ts'
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from '../src/platform/auth/passwords.ts'
import { hmac } from '../src/platform/auth/secrets.ts'
import { openBenchApp, percentile } from './in-process.ts'

const LOGINS = Number(process.env.BENCH_LOGINS ?? 200)
const LEVELS = (process.env.BENCH_CONCURRENCY ?? '2,4,8').split(',').map(Number)
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 50)
const PASSWORD = 'une phrase de passe pour mesurer'
const MiB = 1024 * 1024
// @node-rs/argon2 hashes on libuv's thread pool: at most this many hashes run at once per process.
const POOL = Number(process.env.UV_THREADPOOL_SIZE ?? 4)

/** Memory child: K hashes at once in a fresh process, peak resident memory against the start. */
async function memoryChild(k: number) {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
  const status = async () => readFile('/proc/self/status', 'utf8').catch(() => '')
  const kb = (text: string, field: string) =>
    Number(text.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1])
  // The native addon is already loaded (imported above); no hash has run, so no allocator holds one.
  gc()
  const before = process.memoryUsage()
  // Resets the kernel's high-water mark of resident memory to now (Linux), so the peak read
  // after the batch is the batch's own; elsewhere the figure is the resident memory after it.
  await writeFile('/proc/self/clear_refs', '5').catch(() => {})
  await Promise.all(Array.from({ length: k }, () => hashPassword(`${PASSWORD}${Math.random()}`)))
  gc()
  const after = process.memoryUsage()
  const peak = kb(await status(), 'VmHWM') * 1024 || after.rss
  console.log(JSON.stringify({ rss: peak - before.rss, heap: after.heapUsed - before.heapUsed }))
}

/** Runs `count` calls with at most `concurrency` in flight; returns each latency and the wall time. */
async function drive(count: number, concurrency: number, call: (i: number) => Promise<void>) {
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++
        const t0 = performance.now()
        await call(i)
        latencies.push(performance.now() - t0)
      }
    }),
  )
  return { wallMs: performance.now() - started, latencies: latencies.sort((a, b) => a - b) }
}

function report(label: string, concurrency: number, run: { wallMs: number; latencies: number[] }) {
  const l = run.latencies
  const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(7)
  console.log(
    `${label.padEnd(22)} ${String(concurrency).padStart(2)} in flight  ${(l.length / (run.wallMs / 1000)).toFixed(1).padStart(6)} logins/s` +
      `  p50 ${ms(percentile(l, 50))}  p95 ${ms(percentile(l, 95))}  p99 ${ms(percentile(l, 99))}`,
  )
}

async function main() {
  // TRUST_PROXY: each request says it comes from its own address, so the per-address login limit
  // (rightly 30 a minute) does not turn the measure into a count of 429s; its database work still runs.
  const { app, config, database, close } = await openBenchApp('auth', {
    NODE_ENV: 'development',
    TRUST_PROXY: 'true',
  })
  const { services } = app
  const run = randomBytes(4).toString('hex')
  const host = `bench-${run}.localhost`
  const territory = await services.territories.create({
    slug: `bench-${run}`,
    departements: ['14'],
    platformName: 'Entraide Banc d’essai',
    hostnames: [host],
  })
  // One hash for every account: each login still verifies at full cost, and setup stays short.
  const passwordHash = await hashPassword(PASSWORD)
  const now = new Date()
  const emails = Array.from({ length: ACCOUNTS }, (_, i) => `bench-${run}-${i}@exemple.test`)
  for (const email of emails) {
    await insertAccount(database.db, {
      id: services.ids(),
      territoryId: territory.id,
      email,
      emailVerifiedAt: now,
      passwordHash,
      displayName: 'Banc',
      communeInsee: '14118',
      charterVersion: '1',
      charterAcceptedAt: now,
      privacyVersion: '1',
      privacyAcceptedAt: now,
      createdAt: now,
      updatedAt: now,
    })
  }

  console.log(
    `node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${database.kind}`,
  )
  console.log(
    `Argon2id m=${ARGON2_OPTIONS.memoryCost} KiB (${(ARGON2_OPTIONS.memoryCost / 1024).toFixed(0)} MiB) t=${ARGON2_OPTIONS.timeCost} p=${ARGON2_OPTIONS.parallelism}; libuv pool ${POOL} threads; ${LOGINS} logins per row\n`,
  )

  const single = await drive(10, 1, async () => {
    await verifyPassword(passwordHash, PASSWORD)
  })
  console.log(`one verification alone: median ${percentile(single.latencies, 50).toFixed(1)} ms\n`)

  const direct = async (i: number) => {
    const account = await findAccountByEmail(database.db, emails[i % emails.length]!)
    if (!account || !(await verifyPassword(account.passwordHash, PASSWORD))) throw new Error('login failed')
    await services.sessions.start({
      accountId: account.id,
      territoryId: territory.id,
      kind: 'resident',
      device: 'bench',
    })
  }
  await drive(8, 4, direct)
  for (const c of LEVELS) report('direct (no HTTP)', c, await drive(LOGINS, c, direct))

  const hasRoute = app.hasRoute({ method: 'POST', url: '/connexion' })
  if (hasRoute) {
    const address = await app.listen({ host: '127.0.0.1', port: 0 })
    // The CSRF field a browser would read from the login form: bound to its cookie, no session yet.
    const cookie = randomBytes(32).toString('base64url')
    const csrf = hmac(config.appSecret, 'csrf', `${cookie}:`)
    const { port } = new URL(address)
    // node:http rather than fetch, which may not set the Host header that names the territory.
    const agent = new Agent({ keepAlive: true, maxSockets: Math.max(...LEVELS) })
    const http = (i: number) =>
      new Promise<void>((resolve, reject) => {
        const body = new URLSearchParams({
          _csrf: csrf,
          email: emails[i % emails.length]!,
          password: PASSWORD,
        })
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/connexion',
            method: 'POST',
            agent,
            headers: {
              host,
              cookie: `csrf=${cookie}`,
              'content-type': 'application/x-www-form-urlencoded',
              'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
            },
          },
          (res) => {
            res.resume()
            res.on('end', () =>
              res.statusCode === 303
                ? resolve()
                : reject(new Error(`POST /connexion answered ${res.statusCode}`)),
            )
          },
        )
        req.on('error', reject)
        req.end(body.toString())
      })
    let offset = 0
    const numbered = (i: number) => http(offset + i)
    await drive(8, 4, numbered)
    for (const c of LEVELS) {
      offset += LOGINS + 8
      report('HTTP POST /connexion', c, await drive(LOGINS, c, numbered))
    }
    agent.destroy()
  } else {
    console.log('HTTP POST /connexion   skipped: the route is not registered yet')
  }
  await close()

  console.log('\nmemory while hashing (fresh process each; peak resident memory above the start):')
  for (const k of [1, POOL, POOL * 2]) {
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)],
      {
        env: { ...process.env, BENCH_MEMORY_CHILD: String(k) },
        encoding: 'utf8',
      },
    )
    const { rss, heap } = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
      rss: number
      heap: number
    }
    const inFlight = Math.min(k, POOL)
    const bound = (inFlight * ARGON2_OPTIONS.memoryCost) / 1024
    console.log(
      `  ${String(k).padStart(2)} ${k === 1 ? 'hash' : 'hashes'} asked at once: peak +${(rss / MiB).toFixed(1)} MiB resident, JS heap ${(heap / MiB).toFixed(1)} MiB` +
        ` (${inFlight} in flight at most: bound ${bound.toFixed(0)} MiB)`,
    )
  }

  const alone = percentile(single.latencies, 50).toFixed(0)
  console.log(`
Why this cost: Argon2id with m=19 MiB, t=2, p=1 is the minimum OWASP's Password Storage Cheat
Sheet sets for Argon2id. Each hash holds 19 MiB while it runs, outside the JavaScript heap, and
at most ${POOL} run at once per process (libuv's pool), so a burst of logins queues instead of
growing memory: about ${POOL} x 19 MiB at worst. One verification took ${alone} ms of one core here,
invisible to a person, while an offline attacker with a stolen table pays the same 19 MiB and two
passes for every guess, which rules out cheap GPU farms. A higher memory cost would raise the
burst ceiling of every process; more passes would lengthen logins without adding memory hardness.
The login limits (per address and per account, in the database) stop an online attacker from
turning this cost against the server.`)
}

if (process.env.BENCH_MEMORY_CHILD) await memoryChild(Number(process.env.BENCH_MEMORY_CHILD))
else await main()
