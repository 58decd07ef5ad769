// What the HTTP and conversation benches share: the databases one run compares side by side,
// each measured in its own child process, and the machine's load printed around them.
//
// Side by side in one run, because on a shared machine two figures taken minutes apart compare
// the neighbours' load as much as the code. A child process per database, because memory the
// embedded database took (WebAssembly heap, caches) is not given back when it closes: measured
// in one process, the second database would carry the first one's RSS.
import { type ChildProcess, fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export type DatabaseLabel = 'PGlite' | 'PostgreSQL'

/** The per-database children still running, ended if the run is interrupted. */
const running = new Set<ChildProcess>()

/** One database of the run: the environment its child reads, and what removes it afterwards. */
export interface BenchDatabase {
  label: DatabaseLabel
  /** what the child passes to loadConfig: PGLITE_DIR or DATABASE_URL */
  env: { PGLITE_DIR: string } | { DATABASE_URL: string }
  /** said once, before the figures: where the data lives */
  note: string
  dispose(): Promise<void>
}

/** `cat /proc/loadavg`, so a reader can tell a quiet machine from a busy one. */
export function loadavg(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').trim()
  } catch {
    return '(no /proc/loadavg)'
  }
}

/**
 * A fresh embedded database in a temporary directory, then, when DATABASE_URL is set, a database
 * created for this run on that server (dropped by `dispose`). A role that may not create
 * databases gets DATABASE_URL's own database, which the bench then leaves its rows in.
 */
export async function benchDatabases(name: string): Promise<BenchDatabase[]> {
  const dir = await mkdtemp(join(tmpdir(), `entraide-bench-${name}-`))
  const list: BenchDatabase[] = [
    {
      label: 'PGlite',
      env: { PGLITE_DIR: join(dir, 'db') },
      note: 'a fresh directory in the system temporary folder',
      dispose: () => rm(dir, { recursive: true, force: true }),
    },
  ]
  const url = process.env.DATABASE_URL
  if (url) list.push(await throwawayPostgres(url, name))
  // Interrupted (Ctrl-C also ends the child), the run still removes what it created.
  process.once('SIGINT', () => {
    for (const child of running) child.kill()
    Promise.allSettled(list.map((d) => d.dispose())).finally(() => process.exit(130))
  })
  return list
}

async function throwawayPostgres(url: string, name: string): Promise<BenchDatabase> {
  const database = `entraide_bench_${name}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${database}`)
  } catch (error) {
    // 42501: the role may not create databases; the bench works in the given one instead.
    if ((error as { code?: string }).code !== '42501') throw error
    return {
      label: 'PostgreSQL',
      env: { DATABASE_URL: url },
      note: `the database of DATABASE_URL itself (this role may not create one): the run's rows stay there`,
      dispose: async () => {},
    }
  } finally {
    await admin.end()
  }
  const target = new URL(url)
  target.pathname = `/${database}`
  return {
    label: 'PostgreSQL',
    env: { DATABASE_URL: target.toString() },
    note: `${database}, created for this run on ${target.host} and dropped after`,
    dispose: () => dropDatabase(url, database),
  }
}

/**
 * FORCE ends sessions the child may have left, but PostgreSQL 15 refuses it while an autovacuum
 * worker is in the database; a plain DROP waits for that worker instead. Both are tried in turn.
 */
async function dropDatabase(url: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${database}${attempt % 2 === 1 ? ' WITH (FORCE)' : ''}`)
        return
      } catch (error) {
        if (attempt >= 6) throw error
        await new Promise((r) => setTimeout(r, 200 * attempt))
      }
    }
  } finally {
    await admin.end()
  }
}

/**
 * Runs `script` for one database in a child process (with `--expose-gc`, so the child can collect
 * before it reads its idle memory) and resolves with the one result it sends back. Its printed
 * lines go straight to this terminal. BENCH_NODE_FLAGS adds Node flags to the child's, to weigh
 * one (`--max-semi-space-size=8`) against the defaults in alternate runs.
 */
export function runForDatabase<T>(script: string, database: BenchDatabase): Promise<T> {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_DATABASE: database.label }
  delete env.DATABASE_URL
  delete env.PGLITE_DIR
  Object.assign(env, database.env)
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(script, [], {
      env,
      execArgv: [
        '--import',
        'tsx',
        '--expose-gc',
        ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    running.add(child)
    let result: T | undefined
    child.on('message', (message) => {
      result = message as T
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      running.delete(child)
      if (code === 0 && result !== undefined) resolve(result)
      else reject(new Error(`the ${database.label} run of ${script} exited ${code} without a result`))
    })
  })
}

/** In the child: hands the result to the parent, then lets the process end. */
export function sendResult(result: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      console.log(JSON.stringify(result, null, 2))
      resolve()
      return
    }
    process.send(result, undefined, undefined, (error: Error | null) => {
      if (error) reject(error)
      else {
        process.disconnect()
        resolve()
      }
    })
  })
}

/** The child's database settings for loadConfig, from what `runForDatabase` put in its environment. */
export function childDatabaseEnv(): { DATABASE_URL: string } | { PGLITE_DIR: string } {
  if (process.env.BENCH_DATABASE === 'PostgreSQL' && process.env.DATABASE_URL)
    return { DATABASE_URL: process.env.DATABASE_URL }
  if (process.env.PGLITE_DIR) return { PGLITE_DIR: process.env.PGLITE_DIR }
  throw new Error('run the bench itself (bench/http.ts or bench/matches.ts), not its per-database part')
}

/** Right-aligned cells and a left-aligned first column, for the tables the benches print. */
export function table(header: string[], rows: string[][], firstWidth = 34): string {
  const widths = header.map((h, i) =>
    i === 0 ? firstWidth : Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)),
  )
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[0]!) : c.padStart(widths[i]!))).join('  ')
  return [line(header), ...rows.map(line)].join('\n')
}
