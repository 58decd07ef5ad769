// What keeping the communes of France in memory costs and gives: resident memory and heap before
// and after the shipped list is read and indexed, and how long a lookup takes from memory (by
// code, by name, the autocompletion with misspellings, a distance). Run twice side by side, each
// time in a fresh process: with the former communes' names the file carries, and with them
// dropped as it is read, which is the index as it was before them. Prints figures; asserts nothing.
//
//   node --expose-gc --import tsx bench/communes.ts        BENCH_ROUNDS=2000
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { type Commune, parseCommuneQuery } from '../src/platform/geo/commune.ts'
import { CommuneIndex } from '../src/platform/geo/commune-index.ts'
import { readCommunesFile } from '../src/platform/geo/communes.dataset.ts'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2000)
const MiB = 1024 * 1024
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

async function memory() {
  gc()
  await new Promise((r) => setTimeout(r, 50))
  gc()
  const { rss, heapUsed } = process.memoryUsage()
  return { rss: rss / MiB, heap: heapUsed / MiB }
}

function time(label: string, fn: (i: number) => unknown) {
  for (let i = 0; i < 200; i++) fn(i)
  const start = performance.now()
  for (let i = 0; i < ROUNDS; i++) fn(i)
  const us = ((performance.now() - start) * 1000) / ROUNDS
  console.log(`${label.padEnd(44)} ${us.toFixed(1).padStart(8)} µs per lookup`)
}

const variant = process.env.BENCH_VARIANT
if (!variant) {
  console.log(`load average: ${(await readFile('/proc/loadavg', 'utf8')).trim()}`)
  // Alternated, so that a change in the machine's load falls on both alike.
  const repeat = Number(process.env.BENCH_REPEAT ?? 2)
  for (const name of Array.from({ length: repeat }, () => [
    'without former names',
    'with former names',
  ]).flat()) {
    console.log(`\n— ${name}`)
    spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_VARIANT: name },
    })
  }
  console.log(`\nload average: ${(await readFile('/proc/loadavg', 'utf8')).trim()}`)
  process.exit(0)
}
if (!(globalThis as { gc?: unknown }).gc) console.log('(run with --expose-gc for steadier memory figures)')
const withFormer = variant === 'with former names'
const before = await memory()
const started = performance.now()
// In a function, so that the names dropped are garbage before memory is read again.
async function load() {
  const read = await readCommunesFile()
  const communes: Commune[] = withFormer ? read : read.map(({ formerNames: _, ...commune }) => commune)
  return {
    index: new CommuneIndex(communes),
    formerCount: communes.reduce((n, c) => n + (c.formerNames?.length ?? 0), 0),
  }
}
const { index, formerCount } = await load()
const loadMs = performance.now() - started
const after = await memory()
console.log(
  `communes: ${index.size}, former names: ${formerCount}, read and indexed in ${loadMs.toFixed(0)} ms`,
)
console.log(
  `resident memory: ${before.rss.toFixed(1)} MiB before, ${after.rss.toFixed(1)} MiB after (+${(after.rss - before.rss).toFixed(1)} MiB)`,
)
console.log(
  `heap used:       ${before.heap.toFixed(1)} MiB before, ${after.heap.toFixed(1)} MiB after (+${(after.heap - before.heap).toFixed(1)} MiB)`,
)

const calvados = ['14']
const normandie = ['14', '27', '50', '61', '76']
const codes = ['14118', '14047', '14366', '50129', '76540']
const names = ['caen', 'lisieu', 'herouvile', 'sainte mere eglise', 'st lo', 'bayeu', 'conde sur noireau']
const queries = names.map((n) => parseCommuneQuery(n)).filter((q) => q.kind === 'name')
time('find by INSEE code', (i) => index.find(codes[i % codes.length]!))
time('name typed exactly (Calvados)', (i) => index.named(names[i % names.length]!, calvados))
time('autocompletion, 1 département', (i) => index.search(queries[i % queries.length]!, calvados, 10))
time('autocompletion, 5 départements', (i) => index.search(queries[i % queries.length]!, normandie, 10))
time('postal code prefix, 5 départements', () =>
  index.search({ kind: 'postal', prefix: '140' }, normandie, 10),
)
time('former name typed exactly (Calvados)', () => index.formerlyNamed('Saint-Pierre-sur-Dives', calvados))
time('distance between two communes', (i) => index.distanceKm(codes[i % codes.length]!, '14118'))
// Keeps the index alive until every figure is printed.
if (index.size === 0) console.log('no communes')
