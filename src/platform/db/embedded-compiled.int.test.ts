import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { build } from 'esbuild'

/**
 * Production runs compiled JavaScript without tsx: the thread of the embedded database must then
 * start from `pglite-worker.js` beside the module that starts it. Built with esbuild into the
 * repository's cache (so that the packages resolve), run by a plain `node`.
 */
const root = new URL('../../../', import.meta.url).pathname
const out = join(root, '.cache', `compiled-${randomBytes(4).toString('hex')}`)
const dataDir = join(tmpdir(), `entraide-compiled-${randomBytes(4).toString('hex')}`)

describe('the embedded database, compiled to JavaScript', () => {
  after(async () => {
    await rm(out, { recursive: true, force: true })
    await rm(dataDir, { recursive: true, force: true })
  })

  it('starts its thread from the .js worker and answers queries, with no TypeScript loader', async () => {
    await mkdir(out, { recursive: true })
    await build({
      entryPoints: {
        start: join(root, 'src/platform/db/pglite-server/start.ts'),
        'pglite-worker': join(root, 'src/platform/db/pglite-server/pglite-worker.ts'),
      },
      outdir: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    })
    await writeFile(
      join(out, 'check.mjs'),
      `import pg from 'pg'
import { startEmbeddedServer } from './start.js'
const server = await startEmbeddedServer(${JSON.stringify(dataDir)})
const client = new pg.Client({ host: server.host, port: server.port, user: 'postgres', database: 'postgres', stream: () => server.stream() })
await client.connect()
const { rows } = await client.query('select $1::text as word', ['compilé'])
await client.end()
await server.close()
console.log(JSON.stringify(rows))
`,
    )
    const run = spawnSync(process.execPath, [join(out, 'check.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      // No tsx: a plain node, as production starts.
      env: { ...process.env, NODE_OPTIONS: '' },
    })
    assert.equal(run.status, 0, run.stderr)
    assert.deepEqual(JSON.parse(run.stdout.trim()), [{ word: 'compilé' }])
  })
})
