// Runs node's test runner on the project's test files by tier, since Node 20's runner
// does not expand glob patterns itself. Tiers: unit (*.test.ts), int (*.int.test.ts), e2e (e2e/*.e2e.ts),
// faults (test/faults/*.fault.ts: real processes killed, a database stopped, a disk filled).
//
// Unit and integration files run in batches: one process imports several files and runs them one
// after the other. A process per file spent most of its time starting (node, tsx, importing the
// whole app: about 2 s of a 4 s file), and Node 20 has no --test-isolation=none. Each file still
// builds its own app on its own fresh database; what the files of a batch share is only what a
// process loads once (modules, the text catalogues, the commune index). The browser journeys and the
// faults keep a process per file: they start servers, kill processes and stop databases.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// Arguments are tiers, or test files (`node scripts/test.mjs src/a.int.test.ts …`, run as their tier would be).
const args = process.argv.slice(2)
const named = args.filter((a) => a.endsWith('.ts'))
const tierOf = (file) =>
  file.endsWith('.int.test.ts')
    ? 'int'
    : file.endsWith('.test.ts')
      ? 'unit'
      : file.endsWith('.e2e.ts')
        ? 'e2e'
        : file.endsWith('.fault.ts')
          ? 'faults'
          : null
const tiers = args.filter((a) => !a.endsWith('.ts'))
const wanted = tiers.length > 0 ? tiers : named.length > 0 ? [...new Set(named.map(tierOf))] : ['unit', 'int']
const files = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .filter((f) => !f.includes('node_modules'))
    .sort()

const selected = { unit: [], int: [], e2e: [], faults: [] }
for (const file of named) {
  const tier = tierOf(file)
  if (!tier) {
    console.error(`not a test file: ${file}`)
    process.exit(2)
  }
  selected[tier].push(file)
}
for (const tier of named.length > 0 ? [] : wanted) {
  if (tier === 'unit')
    selected.unit.push(
      ...[...files('src'), ...files('test')].filter(
        (f) => f.endsWith('.test.ts') && !f.endsWith('.int.test.ts'),
      ),
    )
  else if (tier === 'int')
    selected.int.push(...[...files('src'), ...files('test')].filter((f) => f.endsWith('.int.test.ts')))
  else if (tier === 'e2e') selected.e2e.push(...files('e2e').filter((f) => f.endsWith('.e2e.ts')))
  else if (tier === 'faults')
    selected.faults.push(...files('test/faults').filter((f) => f.endsWith('.fault.ts')))
  else {
    console.error(`unknown tier ${tier}: use unit, int, e2e or faults`)
    process.exit(2)
  }
}
if (Object.values(selected).every((list) => list.length === 0)) {
  console.error(`no test files for ${wanted.join(', ')}`)
  process.exit(1)
}
const concurrency = Number(process.env.TEST_CONCURRENCY ?? (wanted.includes('e2e') ? 1 : 2))
// A test that hangs, or a handle a failed cleanup leaves open, must fail its file in minutes
// rather than hold the whole run until an outer limit kills it without a report.
const timeout = Number(process.env.TEST_TIMEOUT_MS ?? (wanted.includes('e2e') ? 600_000 : 300_000))
// TEST_BATCH=1 gives every file its own process again, to rule the batches out when a file
// fails only among others.
const perBatch = Number(process.env.TEST_BATCH ?? 8)

/**
 * Splits files into batches of about `size` files and equal work: the longest first, each to the
 * lightest batch so far (a file's length stands for its cost). The batches come heaviest first, so
 * the last ones to start are short and both workers finish together.
 */
function batches(list, size) {
  const weighed = list
    .map((file) => ({ file, weight: statSync(file).size }))
    .sort((a, b) => b.weight - a.weight)
  const made = Array.from({ length: Math.ceil(list.length / size) }, () => ({ files: [], weight: 0 }))
  for (const { file, weight } of weighed) {
    const lightest = made.reduce((a, b) => (b.weight < a.weight ? b : a))
    lightest.files.push(file)
    lightest.weight += weight
  }
  // Within a batch, the files run in name order, as they would alone.
  for (const batch of made) batch.files.sort()
  return made.sort((a, b) => b.weight - a.weight).map((b) => b.files)
}

/**
 * The file node's runner starts for a batch: it imports the batch's files in turn (a file that
 * fails to load is reported as a failed test, and the others still run), and watches that tests
 * keep finishing. Node's own timeout covers a whole file, hence a whole batch, so this watchdog
 * ends the batch with the name of the last test seen when nothing starts or ends for `timeout`.
 */
function batchSource(list) {
  const urls = list.map((file) => pathToFileURL(resolve(file)).href)
  return `// Written by scripts/test.mjs for one run.
import { afterEach, before, beforeEach, test } from 'node:test'

// With --test-force-exit the process ends as soon as no test is pending: a quick file done while
// the next one still loads would end the batch early. No test starts before every file is loaded.
let loaded
const loading = new Promise((resolve) => {
  loaded = resolve
})
before(() => loading)

let last = 'the first test'
let timer
const watch = () => {
  clearTimeout(timer)
  timer = setTimeout(() => {
    console.error(\`no test started or ended for ${timeout} ms; the last one seen: \${last}\`)
    process.exit(1)
  }, ${timeout})
  timer.unref()
}
beforeEach((t) => {
  last = t.name
  watch()
})
afterEach(watch)
watch()
try {
  for (const url of ${JSON.stringify(urls, null, 2)}) {
    try {
      await import(url)
    } catch (error) {
      test(\`loading \${url}\`, () => {
        throw error
      })
    }
  }
} finally {
  loaded()
}
`
}

// A hook outside any describe would belong to the whole batch: run once for all its files, or
// before and after each test of every file. Such a file is refused rather than run wrong.
const loose = [...selected.unit, ...selected.int].filter((file) =>
  /^(before|after|beforeEach|afterEach)\(/m.test(readFileSync(file, 'utf8')),
)
if (loose.length > 0) {
  console.error(`hooks outside any describe (put them in one): ${loose.join(', ')}`)
  process.exit(2)
}

const batchDir = join('.cache', `test-batches-${process.pid}`)
const entries = []
const fileTimeouts = []
for (const tier of ['unit', 'int']) {
  if (selected[tier].length === 0) continue
  mkdirSync(batchDir, { recursive: true })
  const size = perBatch > 1 ? perBatch * (tier === 'unit' ? 4 : 1) : 1
  for (const [i, list] of batches(selected[tier], size).entries()) {
    const entry = join(batchDir, `${tier}-${String(i + 1).padStart(2, '0')}.mjs`)
    writeFileSync(entry, batchSource(list))
    entries.push(entry)
    fileTimeouts.push(timeout * list.length)
  }
}
entries.push(...selected.e2e, ...selected.faults)

// The journeys run the compiled server, as `npm start` does, and start on copies of one seeded
// database that the first journey of the run makes in this folder (e2e/helpers/server.ts).
const templateDir = join('.cache', `e2e-template-${process.pid}`)
if (selected.e2e.length > 0) {
  for (const script of ['scripts/build-client.mjs', 'scripts/build-server.mjs']) {
    const built = spawnSync(process.execPath, [script], { stdio: 'inherit' })
    if (built.status !== 0) process.exit(built.status ?? 1)
  }
}

// The fault files run on databases they make themselves (the embedded one, or their own
// PostgreSQL cluster): a DATABASE_URL left in the shell must not send them to another.
const env = { ...process.env, NODE_ENV: 'test' }
if (wanted.includes('faults')) delete env.DATABASE_URL
if (selected.e2e.length > 0) env.E2E_TEMPLATE_DIR = resolve(templateDir)
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    // A batch runs several files: its limit is theirs together, the watchdog above catches a stall.
    `--test-timeout=${Math.max(timeout, ...fileTimeouts)}`,
    '--test-force-exit',
    '--test-reporter=spec',
    ...entries,
  ],
  { stdio: 'inherit', env },
)
rmSync(batchDir, { recursive: true, force: true })
rmSync(templateDir, { recursive: true, force: true })
process.exit(result.status ?? 1)
