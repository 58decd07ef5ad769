import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildDataDirOnce, copyDir } from '../../test/helpers/dirs.ts'

export const repoRoot = new URL('../../', import.meta.url).pathname

/** The server cannot report the port it chose for PORT=0, so we ask the kernel for one first. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  await once(probe, 'close')
  if (address === null || typeof address === 'string') throw new Error('no TCP port available')
  return address.port
}

export interface SpawnedServer {
  child: ChildProcess
  port: number
  url: string
  /** the last lines the server printed, to explain a failed boot or a crash */
  output(): string
  stop(): Promise<void>
}

interface SpawnOptions {
  env: Record<string, string>
  bootTimeoutMs?: number
  stopTimeoutMs?: number
  /** how often the server is asked during boot; the boot benchmark asks often to time it finely */
  pollMs?: number
  /** what node runs: the TypeScript sources through tsx by default, or the compiled build */
  args?: string[]
}

const KEPT_OUTPUT = 20_000

/** The levels that still print Fastify's « Server listening at » line, which readiness waits for. */
const LISTENING_LEVELS = new Set(['trace', 'debug', 'info'])

/**
 * Runs `node --import tsx src/server.ts` exactly as an operator would (no tsx CLI in between, so
 * SIGTERM reaches the server itself) and resolves once this very process has said it listens on
 * its port and its /readyz answers 200 (a database round trip). An answer on the port alone
 * proves nothing: another test's or another checkout's server may have been given the same free
 * port and answer first, and /healthz answers before the database does. A server that exits
 * before it is ready fails the start at once with what it printed; one refused its port
 * (EADDRINUSE) is started again on another.
 */
export async function spawnServer(options: SpawnOptions): Promise<SpawnedServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnOnce(options)
    } catch (error) {
      if (attempt < 3 && error instanceof PortTaken) continue
      throw error
    }
  }
}

class PortTaken extends Error {}

async function spawnOnce({
  env,
  bootTimeoutMs = 90_000,
  stopTimeoutMs = 15_000,
  pollMs = 100,
  args = ['--import', 'tsx', 'src/server.ts'],
}: SpawnOptions): Promise<SpawnedServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const inherited = { ...process.env }
  // A developer's DATABASE_URL must not point the run at their database; callers pass it on purpose.
  delete inherited.DATABASE_URL
  const level = env.LOG_LEVEL ?? inherited.LOG_LEVEL ?? 'info'
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
      LOG_LEVEL: LISTENING_LEVELS.has(level) ? level : 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  let listening = false
  const said = `Server listening at ${url}"`
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-KEPT_OUTPUT)
    listening ||= log.includes(said)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  // 'close' rather than 'exit': by then everything it printed has been read.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  )
  let gone: { code: number | null; signal: NodeJS.Signals | null } | undefined
  void exited.then((status) => {
    gone = status
  })
  // If the test process dies first, the server must not outlive it and hold the port.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  void exited.then(() => process.off('exit', killOnExit))

  const deadline = Date.now() + bootTimeoutMs
  let status = 0
  for (;;) {
    if (gone) {
      const how = gone.code ?? gone.signal
      if (log.includes('EADDRINUSE')) throw new PortTaken(`port ${port} taken (${how}):\n${log}`)
      throw new Error(`server exited during boot (${how}):\n${log}`)
    }
    if (listening) {
      status = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(10_000) }).then(
        (r) => r.status,
        () => 0,
      )
      if (status === 200) break
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      await exited
      const state = listening ? `listening, /readyz ${status}` : 'not listening yet'
      throw new Error(`server not ready after ${bootTimeoutMs} ms (${state}):\n${log}`)
    }
    // Woken early by the exit, so that a crash is reported at once rather than at the next poll.
    await Promise.race([exited, new Promise((r) => setTimeout(r, pollMs))])
  }

  return {
    child,
    port,
    url,
    output: () => log,
    async stop() {
      process.off('exit', killOnExit)
      if (gone || child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`server had already exited (${child.exitCode ?? child.signalCode}):\n${log}`)
      }
      child.kill('SIGTERM')
      const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), stopTimeoutMs).unref())
      const result = await Promise.race([exited, timer])
      if (result === 'timeout') {
        child.kill('SIGKILL')
        await exited
        throw new Error(`server still running ${stopTimeoutMs} ms after SIGTERM:\n${log}`)
      }
      // A graceful shutdown closes the database and exits 0; dying by the signal means no handler ran.
      if (result.code !== 0)
        throw new Error(`server stopped badly after SIGTERM (${result.code ?? result.signal}):\n${log}`)
    },
  }
}

export interface E2eServer extends SpawnedServer {
  dataDir: string
}

/** The compiled server, as `npm start` runs it: scripts/test.mjs builds it before the journeys. */
const COMPILED = ['--enable-source-maps', '--max-semi-space-size=8', 'dist/server.js']

/**
 * The demonstration database as a server leaves it after its first start, made once per run in the
 * folder scripts/test.mjs names (and removes at the end). Each journey starts on a copy: a first
 * start (initdb, migrations, seeding) took about ten seconds of every journey, and a copy is what
 * the server would find on its second start anyway.
 */
async function seededTemplate(folder: string): Promise<string> {
  return buildDataDirOnce(join(folder, 'seeded'), async (building) => {
    const server = await spawnServer({
      env: { NODE_ENV: 'development', SEED_DEMO: 'true', PGLITE_DIR: building, LOG_LEVEL: 'warn' },
      args: COMPILED,
    })
    // A clean stop checkpoints: the copies start with nothing to replay.
    await server.stop()
  })
}

/** How journeys run the server: compiled when scripts/test.mjs built it for the run. */
export const serverArgs = (): string[] | undefined => (process.env.E2E_TEMPLATE_DIR ? COMPILED : undefined)

/**
 * Fills `dataDir` with the seeded demonstration, stopped: a copy of the run's template, or a first
 * start of its own without one.
 */
export async function seedDemoDir(dataDir: string): Promise<void> {
  const templates = process.env.E2E_TEMPLATE_DIR
  if (templates) return copyDir(await seededTemplate(templates), dataDir)
  const env = { NODE_ENV: 'development', SEED_DEMO: 'true', LOG_LEVEL: 'warn', PGLITE_DIR: dataDir }
  await (await spawnServer({ env })).stop()
}

/**
 * The platform with its demo territory « Entraide Calvados (démo) », which answers on
 * localhost and 127.0.0.1, on a fresh embedded database that is deleted afterwards: a copy of the
 * run's seeded template when scripts/test.mjs made one, a first start otherwise.
 */
export async function startServer(env: Record<string, string> = {}): Promise<E2eServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'entraide-e2e-'))
  try {
    const templates = process.env.E2E_TEMPLATE_DIR
    if (templates) await copyDir(await seededTemplate(templates), dataDir)
    const server = await spawnServer({
      env: { NODE_ENV: 'development', SEED_DEMO: 'true', PGLITE_DIR: dataDir, ...env },
      args: serverArgs(),
    })
    return {
      ...server,
      dataDir,
      async stop() {
        try {
          await server.stop()
        } finally {
          await rm(dataDir, { recursive: true, force: true })
        }
      },
    }
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true })
    throw error
  }
}
