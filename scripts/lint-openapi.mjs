// Writes the OpenAPI document from the routes and lints it with Redocly (redocly.yaml), failing
// on warnings as well as errors: a warning left alone today is ten next month.
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'

const file = '.cache/openapi.json'
mkdirSync('.cache', { recursive: true })
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    ...options,
  })
  if (result.status !== 0 && !options.allowFailure) {
    process.stdout.write(result.stdout ?? '')
    process.exit(result.status ?? 1)
  }
  return result.stdout
}

// A server URL of this platform's own kind: localhost would itself be a warning.
const env = { ...process.env, PUBLIC_URL: 'https://entraide.calvados.test' }
run(process.execPath, ['--import', 'tsx', 'scripts/openapi.ts', file], { env })
const output = run('npx', ['redocly', 'lint', file, '--format=json'], {
  allowFailure: true,
  // No call home for usage data or a newer version: the check must not need the network.
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  stdio: ['ignore', 'pipe', 'ignore'],
})
const report = JSON.parse(output)
for (const p of report.problems)
  console.log(`${p.severity} ${p.ruleId}: ${p.message} (${p.location.map((l) => l.pointer).join(', ')})`)
const { errors, warnings, ignored } = report.totals
console.log(`OpenAPI lint: ${errors} errors, ${warnings} warnings, ${ignored} known exceptions`)
process.exit(errors + warnings > 0 ? 1 : 0)
