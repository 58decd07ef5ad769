import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { rm } from 'node:fs/promises'
import { freePort, repoRoot, type SpawnedServer } from '../../e2e/helpers/server.ts'
import { type App, buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import type { Category } from '../../src/domains/categories/category.ts'
import { systemClock } from '../../src/platform/clock.ts'
import { openDatabase } from '../../src/platform/db/client.ts'
import { migrate } from '../../src/platform/db/migrate.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { makeAccount } from '../helpers/accounts.ts'
import { makeAccessToken } from '../helpers/api.ts'
import type { TestApp } from '../helpers/app.ts'
import { createTestTarget } from '../helpers/db.ts'
import { makeTerritory } from '../helpers/factories.ts'
import { makeCategory } from '../helpers/listings.ts'

/** The host the spawned servers answer on; the territories made here answer it. */
export const HOST = '127.0.0.1'

/** A migrated embedded data directory of its own, whatever DATABASE_URL the shell has. */
export async function embeddedDirectory(): Promise<{ dir: string; drop(): Promise<void> }> {
  const saved = process.env.DATABASE_URL
  delete process.env.DATABASE_URL
  try {
    const target = await createTestTarget()
    const dir = target.env.PGLITE_DIR
    if (!dir) throw new Error('expected an embedded data directory')
    return { dir, drop: target.drop }
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved
  }
}

/**
 * Opens the database the way a server would, in this process, to put in it what a fault needs
 * before a server starts on it; closed again (and the directory unlocked) afterwards.
 */
export async function withApp<T>(env: Record<string, string>, run: (t: TestApp) => Promise<T>): Promise<T> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', ...env })
  const database = await openDatabase(config.database, { poolSize: 2 })
  try {
    await migrate(database)
    const app: App = await buildApp({ config, database, logger: false })
    try {
      return await run({ app, db: database, clock: systemClock } as unknown as TestApp)
    } finally {
      await app.close()
    }
  } finally {
    await database.close()
  }
}

export interface Poster {
  territory: Territory
  category: Category
  accountIds: string[]
  /** personal access tokens allowed to post and read listings, one per account */
  tokens: string[]
}

/** A territory on HOST with `accounts` residents, each with a token to post listings through the API. */
export async function preparePosters(t: TestApp, accounts: number): Promise<Poster> {
  const territory = await makeTerritory(t.app.services, { hostnames: [HOST] })
  const category = await makeCategory(t, territory)
  const tokens: string[] = []
  const accountIds: string[] = []
  for (let i = 0; i < accounts; i++) {
    const account = await makeAccount(t, territory)
    accountIds.push(account.id)
    tokens.push(await makeAccessToken(t, territory, account.id, ['listings:write', 'listings:read']))
  }
  return { territory, category, accountIds, tokens }
}

export function api(server: { url: string }, token: string, method: string, path: string, body?: object) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
}

/** Posts one ask; the listing's id when the server acknowledged it (201), null otherwise. */
export async function postListing(
  server: { url: string },
  poster: Poster,
  token: string,
  title: string,
  description = 'Besoin d’aide pour porter les courses.',
): Promise<string | null> {
  const res = await postListingResponse(server, poster, token, title, description)
  if (res.status !== 201) return null
  return ((await res.json()) as { id: string }).id
}

/** The server's whole answer to posting one ask. */
export function postListingResponse(
  server: { url: string },
  poster: Poster,
  token: string,
  title: string,
  description: string,
): Promise<Response> {
  return api(server, token, 'POST', '/api/v1/listings', {
    kind: 'ask',
    categoryId: poster.category.id,
    title,
    description,
    communeInsee: '14118',
    whenKind: 'flexible',
    urgency: 'week',
    charter: true,
  })
}

/**
 * A server process, as an operator starts it, on the given database: ready once it says it
 * listens on its own port, not once that port answers /healthz. The fault files run two at a
 * time, and a port found free may be bound by another file's server before this one, still
 * starting, binds it: that other server would answer, and the test would go on (and signal) a
 * process still starting. A start refused with EADDRINUSE is tried again on another port.
 */
export async function startServer(env: Record<string, string>): Promise<SpawnedServer> {
  for (let attempt = 1; ; attempt++) {
    const server = await launch({ LOG_LEVEL: 'info', ...env })
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 120_000)
    try {
      await server.listening()
    } catch (error) {
      if (attempt < 3 && server.output().includes('EADDRINUSE')) continue
      throw error
    } finally {
      clearTimeout(timer)
    }
    return {
      child: server.child,
      port: Number(new URL(server.url).port),
      url: server.url,
      output: server.output,
      async stop() {
        const { child } = server
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(
            `server had already exited (${child.exitCode ?? child.signalCode}):\n${server.output()}`,
          )
        child.kill('SIGTERM')
        // Longer than the server's own 25 s limit: a stop it gives up on shows as its exit 1.
        const waited = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000).unref())
        const result = await Promise.race([server.exited, waited])
        if (result === 'timeout') {
          child.kill('SIGKILL')
          await server.exited
          throw new Error(`server still running 30 s after SIGTERM:\n${server.output()}`)
        }
        if (result.code !== 0)
          throw new Error(
            `server stopped badly after SIGTERM (${result.code ?? result.signal}):\n${server.output()}`,
          )
      },
    }
  }
}

/** Ends a server without letting it run a single line more: no handler, no close, no flush. */
export async function killHard(server: SpawnedServer): Promise<void> {
  const exited = once(server.child, 'exit')
  server.child.kill('SIGKILL')
  await exited
}

/** Starts a server that is expected to refuse to start: its exit status and what it printed. */
export function startRefused(env: Record<string, string>) {
  const inherited = { ...process.env }
  delete inherited.DATABASE_URL
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: repoRoot,
    env: { ...inherited, NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST, PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
}

/** Runs a command and waits for it; throws with its output when it fails. */
export async function run(command: string, args: string[], options: { user?: string } = {}) {
  const [file, argv] =
    options.user && process.getuid?.() === 0
      ? ['runuser', ['-u', options.user, '--', command, ...args]]
      : [command, args]
  const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (d) => {
    output += d
  })
  child.stderr.on('data', (d) => {
    output += d
  })
  const [code] = (await once(child, 'exit')) as [number | null]
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`)
  return output
}

export const removeDir = (dir: string) => rm(dir, { recursive: true, force: true })

/** A server process just spawned, not waited for: to signal it at a chosen moment of its start. */
export interface Launched {
  child: ChildProcess
  url: string
  /** everything it printed so far */
  output(): string
  /** its exit status, or the signal that ended it */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** resolves once a line it printed matches, or fails when it exits first */
  line(pattern: RegExp): Promise<string>
  /**
   * Resolves once this process says it listens on `url`. Its own line, not /healthz: another
   * process may have been given the same free port meanwhile and answer it first.
   */
  listening(): Promise<void>
}

/** Spawns `node --import tsx src/server.ts` as an operator would, and returns at once. */
export async function launch(env: Record<string, string>): Promise<Launched> {
  const port = await freePort()
  const inherited = { ...process.env }
  delete inherited.DATABASE_URL
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: repoRoot,
    env: { ...inherited, NODE_ENV: 'test', JOBS_ENABLED: 'false', HOST, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const waiting = new Set<() => void>()
  const keep = (chunk: Buffer) => {
    log += chunk.toString()
    for (const check of waiting) check()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  // 'close' rather than 'exit': by then everything it printed has been read.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  )
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  void exited.then(() => process.off('exit', killOnExit))
  const url = `http://${HOST}:${port}`
  const line = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = log.split('\n').find((l) => pattern.test(l))
        if (found === undefined) return
        waiting.delete(check)
        resolve(found)
      }
      waiting.add(check)
      check()
      void exited.then(() => {
        if (!waiting.delete(check)) return
        reject(new Error(`exited before printing ${pattern}:\n${log}`))
      })
    })
  return {
    child,
    url,
    output: () => log,
    exited,
    line,
    async listening() {
      const escaped = url.replace(/[.:/]/g, (c) => `\\${c}`)
      await line(new RegExp(`Server listening at ${escaped}"`))
    },
  }
}
