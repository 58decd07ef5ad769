// What compression and ETags change for the pages a visitor loads: bytes sent for each page and
// built file (plain, brotli, gzip), and the server's time per request (app.inject, no network)
// for the same page sent plain, compressed on the fly, or answered 304 — measured side by side,
// interleaved, in one run, as ratios to the plain page. Needs `npm run build:client` first.
// A fresh embedded database, or DATABASE_URL (a throwaway one). Prints figures; asserts nothing.
//
//   node --import tsx bench/delivery.ts          BENCH_ROUNDS=300 BENCH_LISTINGS=200
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { publicDir } from '../src/app.ts'
import { openBenchApp } from './in-process.ts'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300)
const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 200)
const HOST = 'bench.entraide.test'

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

async function main() {
  const { app, database, close } = await openBenchApp('delivery', {
    NODE_ENV: 'production',
    PUBLIC_URL: `http://${HOST}`,
    SMTP_URL: 'smtp://127.0.0.1:2525',
    APP_SECRET: randomBytes(32).toString('hex'),
  })
  try {
    const territory = await app.services.territories.create({
      slug: `bench-${randomBytes(4).toString('hex')}`,
      departements: ['14'],
      platformName: 'Entraide Calvados',
      hostnames: [HOST],
    })
    const { db } = database
    await db.execute(sql`insert into accounts (id, territory_id, email, email_verified_at, display_name, commune_insee,
        charter_version, charter_accepted_at, privacy_version, privacy_accepted_at, created_at, updated_at)
      values (gen_random_uuid(), ${territory.id}, ${`bench-${territory.slug}@exemple.test`}, now(), 'Habitante', '14118',
        '1', now(), '1', now(), now(), now())`)
    await db.execute(sql`insert into listings (id, territory_id, author_id, kind, category_id, title, description,
        commune_insee, latitude, longitude, when_kind, urgency, charter_version, status, created_at, updated_at,
        published_at, expires_at)
      select gen_random_uuid(), ${territory.id}, (select id from accounts where territory_id = ${territory.id} limit 1),
        case when g % 3 = 0 then 'offer' else 'ask' end,
        (select id from categories where territory_id = ${territory.id} order by position limit 1),
        'Courses du samedi pour une voisine ' || g, 'Une aide simple, près de chez moi. Merci d’avance.',
        '14118', 49.18, -0.37, 'flexible', 'week', '1', 'published', now(), now(), now(), now() + interval '30 days'
      from generate_series(1, ${LISTINGS}) g`)

    console.log(
      `node ${process.version}, ${availableParallelism()} cores, ${database.kind}, ${LISTINGS} listings, ` +
        `${ROUNDS} rounds; load average before: ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    )
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.inject({ url, headers: { host: HOST, ...headers } })

    console.log(
      `\n${'page or file'.padEnd(34)} ${'plain'.padStart(9)} ${'br'.padStart(9)} ${'gzip'.padStart(9)}`,
    )
    const pages = ['/', '/annonces', '/mentions-legales', '/connexion']
    const manifest = JSON.parse(await readFile(join(publicDir, 'assets-manifest.json'), 'utf8')) as Record<
      string,
      string
    >
    const files = Object.values(manifest).map((f) => `/static/assets/${f}`)
    for (const url of [...pages, ...files]) {
      const sizes = []
      for (const encoding of ['identity', 'br', 'gzip']) {
        const res = await get(url, { 'accept-encoding': encoding })
        sizes.push(res.rawPayload.length)
      }
      console.log(`${url.slice(0, 34).padEnd(34)} ${sizes.map((s) => kb(s).padStart(9)).join(' ')}`)
    }

    // Interleaved so that a change in the machine's load touches every variant alike.
    const page = '/annonces'
    const etag = String((await get(page)).headers.etag)
    const variants: Record<string, Record<string, string>> = {
      plain: { 'accept-encoding': 'identity' },
      'br (quality 4)': { 'accept-encoding': 'br' },
      gzip: { 'accept-encoding': 'gzip' },
      '304 (If-None-Match)': { 'if-none-match': etag },
    }
    const totals: Record<string, number> = Object.fromEntries(Object.keys(variants).map((k) => [k, 0]))
    for (let round = 0; round < 20; round++)
      for (const headers of Object.values(variants)) await get(page, headers)
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, headers] of Object.entries(variants)) {
        const t0 = performance.now()
        await get(page, headers)
        totals[name]! += performance.now() - t0
      }
    }
    console.log(`\nGET ${page}, server time per request (${ROUNDS} each, interleaved)`)
    const plain = totals.plain! / ROUNDS
    for (const [name, total] of Object.entries(totals)) {
      const each = total / ROUNDS
      console.log(
        `${name.padEnd(22)} ${`${each.toFixed(2)} ms`.padStart(10)}  ×${(each / plain).toFixed(2)} of plain`,
      )
    }
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    )
  } finally {
    await close()
  }
}

await main()
