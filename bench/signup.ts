// Whether the time of a sign-up tells a new address from one that has an account: both kinds
// sent in turn through POST /inscription (app.inject, so only the server's work is timed), with
// the median and spread of each and their ratio, measured side by side in one run. Both hash the
// password (Argon2id); the new address also writes the account, its link and mail in one
// transaction, the known one queues its notice. Prints figures; asserts nothing.
// Runs on a fresh embedded database, or on DATABASE_URL (a throwaway one: the bench leaves its
// territory and accounts there).
//
//   node --import tsx bench/signup.ts          BENCH_SIGNUPS=60 (of each kind)
import { randomBytes } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { hmac } from '../src/platform/auth/secrets.ts'
import { loadavg } from './databases.ts'
import { openBenchApp, percentile } from './in-process.ts'

const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 60)
const PASSWORD = 'les mouettes chantent sur le port de Honfleur'

async function main() {
  // TRUST_PROXY: each request says it comes from its own address, so the sign-up limit per
  // address (10 an hour) does not turn the measure into a count of 429s.
  const { app, config, database, close } = await openBenchApp('signup', {
    NODE_ENV: 'development',
    TRUST_PROXY: 'true',
  })
  const run = randomBytes(4).toString('hex')
  const host = `bench-${run}.localhost`
  await app.services.territories.create({
    slug: `bench-${run}`,
    departements: ['14'],
    platformName: 'Entraide Banc d’essai',
    hostnames: [host],
  })
  const cookie = randomBytes(32).toString('base64url')
  const csrf = hmac(config.appSecret, 'csrf', `${cookie}:`)
  let ip = 0
  const signUp = async (email: string) => {
    ip += 1
    const t0 = performance.now()
    const res = await app.inject({
      method: 'POST',
      url: '/inscription',
      headers: {
        host,
        cookie: `csrf=${cookie}`,
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
      },
      payload: new URLSearchParams({
        _csrf: csrf,
        displayName: 'Banc',
        email,
        password: PASSWORD,
        commune: 'Bayeux',
        charter: 'oui',
        privacy: 'oui',
      }).toString(),
    })
    if (res.statusCode !== 303) throw new Error(`POST /inscription answered ${res.statusCode}`)
    return performance.now() - t0
  }

  console.log(`node ${process.version}, ${availableParallelism()} cores, ${database.kind}`)
  console.log(`load average before: ${loadavg()}`)
  // The known addresses are made by sign-up itself, then warm-up for both kinds.
  const known = Array.from({ length: SIGNUPS }, (_, i) => `connu-${run}-${i}@exemple.test`)
  for (const email of known) await signUp(email)
  const times = { fresh: [] as number[], known: [] as number[] }
  for (let i = 0; i < SIGNUPS; i++) {
    // In turn, so that a change of load weighs on both alike.
    times.fresh.push(await signUp(`nouveau-${run}-${i}@exemple.test`))
    times.known.push(await signUp(known[i]!))
  }
  const row = (label: string, l: number[]) => {
    const s = [...l].sort((a, b) => a - b)
    const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9)
    console.log(
      `${label.padEnd(26)} p10 ${ms(percentile(s, 10))}  p50 ${ms(percentile(s, 50))}  p90 ${ms(percentile(s, 90))}`,
    )
    return percentile(s, 50)
  }
  console.log(`\n${SIGNUPS} sign-ups of each kind, in turn:`)
  const fresh = row('new address', times.fresh)
  const existing = row('address with an account', times.known)
  console.log(`median ratio new / known: ${(fresh / existing).toFixed(2)}`)
  console.log(`load average after: ${loadavg()}`)
  await close()
}

await main()
