import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { LOCK_FILE } from '../../src/platform/db/lock.ts'
import {
  api,
  embeddedDirectory,
  type Launched,
  launch,
  type Poster,
  postListing,
  preparePosters,
  removeDir,
  startServer,
  withApp,
} from './support.ts'

/** A resident may post ten listings a day: enough residents for a burst that outlasts the signals. */
const RESIDENTS = 4
const SIGNAL_AFTER = 6

/** Where in the start the signal fell and where the server stopped, as it logged them, for the report. */
function stoppedAfter(server: Launched): string {
  const lines = server.output().split('\n')
  const field = (msg: string) => {
    const line = lines.find((l) => l.includes(`"msg":"${msg}"`))
    return line ? ((JSON.parse(line) as { after?: string }).after ?? 'ready') : null
  }
  const requested = field('stop requested during the start; it stops after the current step')
  return `signal after the step « ${requested ?? 'ready'} », stopped after « ${field('shutting down')} »`
}

/** The process closed what it had opened and exited 0, leaving the directory unlocked. */
async function assertCleanStop(server: Launched, dir: string): Promise<void> {
  const { code, signal } = await server.exited
  assert.equal(signal, null, `ended by ${signal} instead of its own stop:\n${server.output()}`)
  assert.equal(code, 0, server.output())
  assert.match(server.output(), /"msg":"shutting down"/)
  assert.equal(existsSync(join(dir, LOCK_FILE)), false, 'a clean stop frees the directory')
}

async function waitForFile(path: string, server: Launched): Promise<void> {
  while (!existsSync(path)) {
    if (server.child.exitCode !== null) throw new Error(`exited before ${path} existed:\n${server.output()}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe('SIGTERM at every moment of the start, and twice in a row, on the embedded database', () => {
  let dir: string
  let drop: () => Promise<void>
  let poster: Poster
  const acknowledged: { id: string; token: string }[] = []
  const debug = { LOG_LEVEL: 'debug' }
  before(async () => {
    ;({ dir, drop } = await embeddedDirectory())
    poster = await withApp({ PGLITE_DIR: dir }, (t) => preparePosters(t, RESIDENTS))
  })
  after(() => drop())

  it('twice in a row during a burst of writes: one stop, exit 0', async (t) => {
    // The worker runs too: its jobs must end before the database closes.
    const server = await launch({ PGLITE_DIR: dir, JOBS_ENABLED: 'true', JOBS_POLL_MS: '200', ...debug })
    await server.listening()
    let signalled: Promise<void> | null = null
    const signalTwice = async () => {
      server.child.kill('SIGTERM')
      // The second arrives while the first stop runs, not merged with the first by the kernel.
      await server.line(/"msg":"shutting down"/)
      server.child.kill('SIGTERM')
      server.child.kill('SIGINT')
    }
    const writers = poster.tokens.map(async (token, resident) => {
      for (let n = 0; n < 8 && !signalled; n++) {
        const id = await postListing(server, poster, token, `Annonce ${resident}-${n}`).catch(() => null)
        if (id) acknowledged.push({ id, token })
        if (acknowledged.length >= SIGNAL_AFTER && !signalled) signalled = signalTwice()
      }
    })
    await Promise.all(writers)
    if (!signalled) signalled = signalTwice()
    await signalled
    await assertCleanStop(server, dir)
    assert.ok(acknowledged.length >= SIGNAL_AFTER, `only ${acknowledged.length} writes acknowledged`)
    const again = server.output().includes('signal received again while stopping')
    t.diagnostic(
      `${acknowledged.length} writes acknowledged; later signals ${again ? 'logged' : 'merged or after exit'}`,
    )
  })

  it('right after the spawn: exit 0, or Node’s default before the first line, having opened nothing', async (t) => {
    const server = await launch({ PGLITE_DIR: dir, ...debug })
    server.child.kill('SIGTERM')
    const { code, signal } = await server.exited
    if (signal === 'SIGTERM') {
      // Documented: before the entry's first line runs, no listener exists yet and nothing is open.
      assert.doesNotMatch(server.output(), /"msg":"starting"/, 'the entry ran, yet the signal killed it')
      assert.equal(existsSync(join(dir, LOCK_FILE)), false)
      t.diagnostic('ended by SIGTERM before the entry’s first line')
    } else {
      assert.equal(code, 0, server.output())
      t.diagnostic(stoppedAfter(server))
    }
  })

  it('while it loads its modules: exit 0', async (t) => {
    const server = await launch({ PGLITE_DIR: dir, ...debug })
    await server.line(/"msg":"starting"/)
    server.child.kill('SIGTERM')
    await assertCleanStop(server, dir)
    t.diagnostic(stoppedAfter(server))
  })

  it('while the embedded database’s thread starts: exit 0, the directory unlocked', async (t) => {
    const server = await launch({ PGLITE_DIR: dir, ...debug })
    // The lock is taken just before the thread starts; the socket appears once it serves.
    await waitForFile(join(dir, LOCK_FILE), server)
    server.child.kill('SIGTERM')
    await assertCleanStop(server, dir)
    t.diagnostic(stoppedAfter(server))
  })

  it('just after it is ready: exit 0', async (t) => {
    const server = await launch({ PGLITE_DIR: dir, ...debug })
    await server.listening()
    server.child.kill('SIGTERM')
    await assertCleanStop(server, dir)
    t.diagnostic(stoppedAfter(server))
  })

  it('keeps every write it acknowledged through all these stops', async () => {
    const server = await startServer({ PGLITE_DIR: dir })
    try {
      const missing: string[] = []
      for (const { id, token } of acknowledged) {
        const res = await api(server, token, 'GET', `/api/v1/listings/${id}`)
        if (res.status !== 200) missing.push(`${id} (${res.status})`)
      }
      assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged writes lost`)
    } finally {
      await server.stop()
    }
  })

  it('during the migrations of a first start: exit 0, and the next start serves', async (t) => {
    const fresh = join(await mkdtemp(join(tmpdir(), 'entraide-signal-')), 'donnees')
    try {
      const server = await launch({ PGLITE_DIR: fresh, ...debug })
      await server.line(/"step":"migration lock"/)
      server.child.kill('SIGTERM')
      await assertCleanStop(server, fresh)
      t.diagnostic(stoppedAfter(server))

      const next = await launch({ PGLITE_DIR: fresh, ...debug })
      await next.listening()
      assert.equal((await fetch(`${next.url}/readyz`)).status, 200, next.output())
      next.child.kill('SIGTERM')
      await assertCleanStop(next, fresh)
    } finally {
      await removeDir(join(fresh, '..'))
    }
  })
})
