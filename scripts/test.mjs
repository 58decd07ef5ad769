// Runs node's test runner on the project's test files by tier, since Node 20's runner
// does not expand glob patterns itself. Tiers: unit (*.test.ts), int (*.int.test.ts), e2e (e2e/*.e2e.ts),
// faults (test/faults/*.fault.ts: real processes killed, a database stopped, a disk filled).
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const tiers = process.argv.slice(2)
const wanted = tiers.length > 0 ? tiers : ['unit', 'int']
const files = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .filter((f) => !f.includes('node_modules'))
    .sort()

const selected = []
for (const tier of wanted) {
  if (tier === 'unit')
    selected.push(
      ...[...files('src'), ...files('test')].filter(
        (f) => f.endsWith('.test.ts') && !f.endsWith('.int.test.ts'),
      ),
    )
  else if (tier === 'int')
    selected.push(...[...files('src'), ...files('test')].filter((f) => f.endsWith('.int.test.ts')))
  else if (tier === 'e2e') selected.push(...files('e2e').filter((f) => f.endsWith('.e2e.ts')))
  else if (tier === 'faults') selected.push(...files('test/faults').filter((f) => f.endsWith('.fault.ts')))
  else {
    console.error(`unknown tier ${tier}: use unit, int, e2e or faults`)
    process.exit(2)
  }
}
if (selected.length === 0) {
  console.error(`no test files for ${wanted.join(', ')}`)
  process.exit(1)
}
const concurrency = process.env.TEST_CONCURRENCY ?? (wanted.includes('e2e') ? '1' : '2')
// A test that hangs, or a handle a failed cleanup leaves open, must fail its file in minutes
// rather than hold the whole run until an outer limit kills it without a report.
const timeout = process.env.TEST_TIMEOUT_MS ?? (wanted.includes('e2e') ? '600000' : '300000')
// The fault files run on databases they make themselves (the embedded one, or their own
// PostgreSQL cluster): a DATABASE_URL left in the shell must not send them to another.
const env = { ...process.env, NODE_ENV: 'test' }
if (wanted.includes('faults')) delete env.DATABASE_URL
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    `--test-timeout=${timeout}`,
    '--test-force-exit',
    '--test-reporter=spec',
    ...selected,
  ],
  { stdio: 'inherit', env },
)
process.exit(result.status ?? 1)
