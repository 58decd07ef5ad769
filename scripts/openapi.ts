// Writes the OpenAPI document to standard output, or to the file given, from the route
// declarations alone: the app is built on a database that must never be reached, so the document
// can be produced (and linted, and turned into a typed client) on a machine with no database.
import { writeFileSync } from 'node:fs'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import type { Database } from '../src/platform/db/client.ts'

const refuse = (key: string | symbol) => {
  throw new Error(`the OpenAPI document needs no database (asked for ${String(key)})`)
}
// Services keep a reference to the client when built; any use of it fails loudly.
const db = new Proxy({}, { get: (_target, key) => (key === 'then' ? undefined : refuse(key)) })
const unreachable = { kind: 'postgres', db, close: async () => {} } as unknown as Database

const config = loadConfig({
  NODE_ENV: 'test',
  JOBS_ENABLED: 'false',
  LOG_LEVEL: 'silent',
  PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://localhost:3000',
})
const app = await buildApp({ config, database: unreachable, logger: false })
await app.ready()
const document = `${JSON.stringify(app.swagger(), null, 2)}\n`
await app.close()
const [file] = process.argv.slice(2)
if (file) writeFileSync(file, document)
else process.stdout.write(document)
