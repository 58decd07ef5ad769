import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

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
  /** the address that must answer 200 for the server to count as started */
  readyPath?: string
}

/**
 * Runs `node --import tsx src/server.ts` exactly as an operator would (no tsx CLI in
 * between, so SIGTERM reaches the server itself) and resolves once /healthz answers 200.
 */
export async function spawnServer({
  env,
  bootTimeoutMs = 90_000,
  stopTimeoutMs = 15_000,
  pollMs = 100,
  args = ['--import', 'tsx', 'src/server.ts'],
  readyPath = '/healthz',
}: SpawnOptions): Promise<SpawnedServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const inherited = { ...process.env }
  // A developer's DATABASE_URL must not point the run at their database; callers pass it on purpose.
  delete inherited.DATABASE_URL
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...inherited, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
  // If the test process dies first, the server must not outlive it and hold the port.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const deadline = Date.now() + bootTimeoutMs
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited during boot (${child.exitCode ?? child.signalCode}):\n${log}`)
    }
    const status = await fetch(`${url}${readyPath}`).then(
      (r) => r.status,
      () => 0,
    )
    if (status === 200) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server not healthy after ${bootTimeoutMs} ms (last status ${status}):\n${log}`)
    }
    await new Promise((r) => setTimeout(r, pollMs))
  }

  const server: SpawnedServer = {
    child,
    port,
    url,
    output: () => log,
    async stop() {
      process.off('exit', killOnExit)
      if (child.exitCode !== null || child.signalCode !== null) {
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
      const [code, signal] = result
      // A graceful shutdown closes the database and exits 0; dying by the signal means no handler ran.
      if (code !== 0) throw new Error(`server stopped badly after SIGTERM (${code ?? signal}):\n${log}`)
    },
  }
  return server
}

export interface E2eServer extends SpawnedServer {
  dataDir: string
}

/**
 * The platform with its demo territory « Entraide Calvados (démo) », which answers on
 * localhost and 127.0.0.1, on a fresh embedded database that is deleted afterwards.
 */
export async function startServer(env: Record<string, string> = {}): Promise<E2eServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'entraide-e2e-'))
  try {
    const server = await spawnServer({
      env: { NODE_ENV: 'development', SEED_DEMO: 'true', LOG_LEVEL: 'warn', PGLITE_DIR: dataDir, ...env },
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
