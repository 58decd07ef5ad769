import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { runCli, spawnCli } from '../test/helpers/cli.ts'
import { createTestTarget } from '../test/helpers/db.ts'

const root = new URL('../', import.meta.url).pathname

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** The process environment without what a developer's shell or CI may have set for the app. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const key of ['DATABASE_URL', 'PGLITE_DIR', 'SMTP_URL', 'NODE_ENV', 'PORT']) delete env[key]
  return { ...env, LOG_LEVEL: 'warn', ...extra }
}

describe('server and command line, as an operator runs them', () => {
  let target: Awaited<ReturnType<typeof createTestTarget>>
  before(async () => {
    target = await createTestTarget()
  })
  after(() => target.drop())

  it('refuses to start with a bad configuration, listing every problem', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: cleanEnv({ NODE_ENV: 'production', PORT: 'quatre', DATABASE_URL: 'mysql://x' }),
      encoding: 'utf8',
    })
    assert.equal(run.status, 78)
    for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'PUBLIC_URL', 'APP_SECRET'])
      assert.match(run.stderr, new RegExp(name))
  })

  it('adds a territory from the command line, and explains a refusal in French', async () => {
    // The real binary twice, as an operator types it (exit status included); the other
    // commands run in this process, through the same function the binary calls.
    const help = await runCli(target, '--help')
    assert.equal(help.status, 0)
    assert.match(help.stdout, /territory add/)
    const added = spawnCli(
      target,
      'territory',
      'add',
      '--departement',
      '14',
      '--name',
      'Entraide Calvados',
      '--host',
      'entraide.calvados.test',
    )
    assert.equal(added.status, 0, added.stderr)
    assert.match(added.stdout, /Territoire créé : Entraide Calvados/)
    const pale = spawnCli(
      target,
      'territory',
      'add',
      '--departement',
      '50',
      '--name',
      'Entraide Manche',
      '--host',
      'manche.test',
      '--color',
      '#ffff00',
    )
    assert.equal(pale.status, 1)
    assert.match(pale.stderr, /trop claire/)
    const crisis = await runCli(
      target,
      'territory',
      'set',
      '14',
      '--crisis',
      'on',
      '--add-host',
      'www.entraide.calvados.test',
    )
    assert.equal(crisis.status, 0, crisis.stderr)
    assert.match(crisis.stdout, /mode crise : oui/)
    const list = await runCli(target, 'territory', 'list')
    assert.match(
      list.stdout,
      /entraide-calvados\t14\tEntraide Calvados\tentraide\.calvados\.test www\.entraide\.calvados\.test/,
    )
    assert.doesNotMatch(list.stdout, /Manche/)
  })

  it('serves, then stops cleanly on SIGTERM', async () => {
    const port = await freePort()
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: cleanEnv({ NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', ...target.env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let logs = ''
    server.stdout!.on('data', (d) => {
      logs += d
    })
    server.stderr!.on('data', (d) => {
      logs += d
    })
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve))
    // Asked until it answers, for a minute at most; a server that died on start fails at once.
    const deadline = Date.now() + 60_000
    let status = 0
    while (status !== 200 && server.exitCode === null && Date.now() < deadline) {
      status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => 0,
      )
      if (status !== 200) await new Promise((r) => setTimeout(r, 50))
    }
    assert.equal(status, 200, logs)
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
    assert.equal(ready.status, 200)
    server.kill('SIGTERM')
    // A server that ignores SIGTERM must fail this test, not hang the suite.
    const hung = setTimeout(() => server.kill('SIGKILL'), 30_000)
    assert.equal(await exited, 0, logs)
    clearTimeout(hung)
  })
})
