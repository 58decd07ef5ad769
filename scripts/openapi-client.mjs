// Turns the OpenAPI document into the TypeScript types the API client test compiles against
// (test/generated/api.d.ts). With --check, fails when the committed file is not what the routes
// give today, so a route change cannot leave the client behind unnoticed.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import openapiTS, { astToString } from 'openapi-typescript'

const target = 'test/generated/api.d.ts'
const source = '.cache/openapi-client.json'
const HEADER =
  '// Generated from the OpenAPI document by openapi-typescript (npm run openapi:client); do not edit.\n\n'

mkdirSync('.cache', { recursive: true })
// servers do not reach the types: a fixed URL keeps the output the same on every machine.
const env = { ...process.env, PUBLIC_URL: 'https://entraide.calvados.test' }
const made = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/openapi.ts', source], {
  env,
  stdio: 'inherit',
})
if (made.status !== 0) process.exit(made.status ?? 1)

const types = HEADER + astToString(await openapiTS(JSON.parse(readFileSync(source, 'utf8'))))
if (process.argv.includes('--check')) {
  let committed = ''
  try {
    committed = readFileSync(target, 'utf8')
  } catch {}
  if (committed !== types) {
    console.error(`${target} is out of date with the routes: run npm run openapi:client and commit it.`)
    process.exit(1)
  }
  console.log(`${target} is up to date.`)
} else {
  mkdirSync('test/generated', { recursive: true })
  writeFileSync(target, types)
  console.log(`wrote ${target}`)
}
