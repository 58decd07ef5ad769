// What keeping the communes of France in memory costs and gives: resident memory and heap before
// and after the shipped list is read and indexed (one process, side by side), and how long a
// lookup takes from memory (by code, by name, the autocompletion with misspellings, a distance).
// Prints figures; asserts nothing.
//
//   node --expose-gc --import tsx bench/communes.ts        BENCH_ROUNDS=2000
import { readFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { parseCommuneQuery } from '../src/platform/geo/commune.ts'
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

console.log(`load average: ${(await readFile('/proc/loadavg', 'utf8')).trim()}`)
if (!(globalThis as { gc?: unknown }).gc) console.log('(run with --expose-gc for steadier memory figures)')
const before = await memory()
const started = performance.now()
const index = new CommuneIndex(await readCommunesFile())
const loadMs = performance.now() - started
const after = await memory()
console.log(`communes: ${index.size}, read and indexed in ${loadMs.toFixed(0)} ms`)
console.log(
  `resident memory: ${before.rss.toFixed(1)} MiB before, ${after.rss.toFixed(1)} MiB after (+${(after.rss - before.rss).toFixed(1)} MiB)`,
)
console.log(
  `heap used:       ${before.heap.toFixed(1)} MiB before, ${after.heap.toFixed(1)} MiB after (+${(after.heap - before.heap).toFixed(1)} MiB)`,
)

const calvados = ['14']
const normandie = ['14', '27', '50', '61', '76']
const codes = ['14118', '14047', '14366', '50129', '76540']
const names = ['caen', 'lisieu', 'herouvile', 'sainte mere eglise', 'st lo', 'bayeu']
const queries = names.map((n) => parseCommuneQuery(n)).filter((q) => q.kind === 'name')
time('find by INSEE code', (i) => index.find(codes[i % codes.length]!))
time('name typed exactly (Calvados)', (i) => index.named(names[i % names.length]!, calvados))
time('autocompletion, 1 département', (i) => index.search(queries[i % queries.length]!, calvados, 10))
time('autocompletion, 5 départements', (i) => index.search(queries[i % queries.length]!, normandie, 10))
time('postal code prefix, 5 départements', () =>
  index.search({ kind: 'postal', prefix: '140' }, normandie, 10),
)
time('distance between two communes', (i) => index.distanceKm(codes[i % codes.length]!, '14118'))
// Keeps the index alive until every figure is printed.
if (index.size === 0) console.log('no communes')
