import { chmodSync, mkdtempSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import type { Worker } from 'node:worker_threads'
import { startModuleWorker } from '../../threads.ts'
import type { FromWorker, PgliteArtifacts, ToWorker, WorkerData, WorkerError } from './messages.ts'
import { WASM_TIERING_BUDGET } from './settings.ts'

/** node-postgres finds a Unix socket as `<host>/.s.PGSQL.<port>`, host being its directory. */
const SOCKET_PORT = 5432

export interface EmbeddedServer {
  /** where node-postgres connects: a directory only this user may enter, and the socket's number */
  host: string
  port: number
  /** node-postgres' socket factory: refuses at once, as a stopped server would, once the thread is gone */
  stream(): Socket
  /** the whole data directory as a gzip tarball, taken while no transaction is open */
  dumpDataDir(): Promise<Uint8Array>
  /**
   * Ends every connection, checkpoints, closes PGlite and ends the thread. Without the checkpoint
   * only for a directory deleted next (a test's copy): it is what makes closing slow.
   */
  close(options?: { checkpoint?: boolean }): Promise<void>
  /** ends the thread at once, as a crash would (another starts a second later): for tests */
  abort(): Promise<void>
}

/**
 * The thread's JavaScript only relays protocol messages to PGlite, whose data lives in its
 * WebAssembly memory, not in V8's heap: a young generation of V8's usual size (32 MB, all of it
 * resident once touched) only held garbage there. 8 MB measured as fast (docs/ARCHITECTURE.md
 * « Memory »).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 }

/**
 * The worker file sits next to this one, `.ts` under tsx or `.js` once compiled; a bundle that
 * holds this module must emit `pglite-worker.js` beside itself.
 */
function startWorker(workerData: WorkerData): Worker {
  const typescript = import.meta.url.endsWith('.ts')
  return startModuleWorker(
    new URL(`./pglite-worker.${typescript ? 'ts' : 'js'}`, import.meta.url),
    workerData,
    WORKER_LIMITS,
  )
}

let artifacts: Promise<PgliteArtifacts> | undefined

/**
 * PostgreSQL's WebAssembly compiled once for the process and handed to each thread: a thread
 * compiling it itself spent about 150 ms of CPU on it, paid by every database a test run opens
 * (hundreds) and by a server that opens its database again after a restore. Only the compiled
 * modules are kept (their code is the threads' own code anyway), not the files' bytes.
 */
function pgliteArtifacts(): Promise<PgliteArtifacts> {
  artifacts ??= (async () => {
    // Read when a module is compiled (settings.ts says why), and V8's flags hold for every thread.
    setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`)
    const dist = new URL('./', import.meta.resolve('@electric-sql/pglite'))
    const compile = async (name: string) => WebAssembly.compile(await readFile(new URL(name, dist)))
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([
      compile('pglite.wasm'),
      compile('initdb.wasm'),
    ])
    return { pgliteWasmModule, initdbWasmModule }
  })()
  artifacts.catch(() => {
    artifacts = undefined
  })
  return artifacts
}

function toError({ message, code }: WorkerError): Error {
  return Object.assign(new Error(message), code ? { code } : {})
}

function refused(): Error {
  return Object.assign(new Error('la base embarquée ne répond plus (son fil d’exécution s’est arrêté)'), {
    code: 'ECONNREFUSED',
  })
}

const SOCKET_DIR_PREFIX = 'entraide-pglite-'

/** The socket directories left by processes killed before they could remove theirs (`kill -9`). */
async function removeStaleSocketDirs(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[])
  for (const name of names) {
    const pid = Number(/^entraide-pglite-(\d+)-/.exec(name)?.[1])
    if (!pid || pid === process.pid) continue
    try {
      process.kill(pid, 0)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH')
        await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => {})
    }
  }
}

/** How long after a thread ended by a fault the next one starts, doubling while starts fail. */
const RESTART_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000]

function log(level: number, msg: string, extra: Record<string, unknown> = {}) {
  // One JSON line, as the server's own log and the thread's.
  console.error(JSON.stringify({ level, time: Date.now(), msg, ...extra }))
}

/**
 * Starts PGlite on `dir` in its own thread, serving it on a private socket; resolves once it
 * answers. A thread that ends by itself (a fault, fault-guard.ts) is started again on the same
 * directory, PostgreSQL replaying its log as after a crash: meanwhile connections are refused at
 * once (a 503 for a request), and the pool connects to the new thread when it is up.
 */
export async function startEmbeddedServer(
  dir: string,
  { onStarted }: { onStarted?: () => void } = {},
): Promise<EmbeddedServer> {
  // Nothing waits between here and the thread's start but the compiled WebAssembly: a server
  // loads its app's modules meanwhile (`onStarted`), and every step awaited here waited for them.
  const socketDir = mkdtempSync(join(tmpdir(), `${SOCKET_DIR_PREFIX}${process.pid}-`))
  chmodSync(socketDir, 0o700)
  const data: WorkerData = {
    dir,
    socketPath: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
    artifacts: await pgliteArtifacts(),
  }

  let gone = true
  let closing = false
  let restarts = 0
  let startedAt = 0
  let nextId = 1
  const pending = new Map<number, { resolve(value: ArrayBuffer | null): void; reject(error: Error): void }>()

  /** One thread: resolves once it answers, with the promise of its end. */
  const spawn = async () => {
    const thread = startWorker(data)
    const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()))
    let started = false
    const ready = new Promise<void>((resolve, reject) => {
      thread.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolve()
        else if (message.type === 'failed') reject(toError(message.error))
        else if (message.type === 'result' || message.type === 'error') {
          const call = pending.get(message.id)
          pending.delete(message.id)
          if (pending.size === 0 && !closing) thread.unref()
          if (message.type === 'result') call?.resolve(message.value)
          else call?.reject(toError(message.error))
        }
      })
      thread.on('error', reject)
      thread.once('exit', (code) => {
        gone = true
        reject(new Error(`le fil de la base embarquée s’est arrêté au démarrage (code ${code})`))
        for (const call of pending.values()) call.reject(closing ? new Error('fermée') : refused())
        pending.clear()
        if (closing || !started) void rm(socketDir, { recursive: true, force: true })
        else restartLater(code)
      })
    })
    try {
      await ready
    } catch (error) {
      await thread.terminate()
      throw error
    }
    started = true
    startedAt = Date.now()
    // The open connections keep the process alive while they work; the thread itself must not.
    thread.unref()
    gone = false
    return { thread, exited }
  }

  const restartLater = (code: number) => {
    // A thread that served a minute ended by chance, not at its start: no backing off then.
    if (Date.now() - startedAt > 60_000) restarts = 0
    const delay = RESTART_DELAYS_MS[Math.min(restarts, RESTART_DELAYS_MS.length - 1)]!
    restarts++
    log(50, 'embedded database thread ended; starting it again', { code, delayMs: delay })
    setTimeout(async () => {
      if (closing) return
      try {
        const thread = await spawn()
        // Closed while this one started: it must not outlive the close.
        if (closing) return void (await thread.thread.terminate())
        current = thread
        log(30, 'embedded database thread started again')
      } catch (error) {
        log(50, 'embedded database thread did not start again', { error: String(error) })
        if (!closing) restartLater(code)
      }
    }, delay).unref()
  }

  let current: Awaited<ReturnType<typeof spawn>>
  try {
    const first = spawn()
    // Awaited below: failing meanwhile is not an unhandled rejection.
    first.catch(() => {})
    onStarted?.()
    await removeStaleSocketDirs()
    current = await first
  } catch (error) {
    await rm(socketDir, { recursive: true, force: true })
    throw error
  }

  type Request = ToWorker extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never
  const call = (request: Request) =>
    new Promise<ArrayBuffer | null>((resolve, reject) => {
      if (gone) return reject(refused())
      const id = nextId++
      pending.set(id, { resolve, reject })
      current.thread.ref()
      current.thread.postMessage({ id, ...request } satisfies ToWorker)
    })

  return {
    host: socketDir,
    port: SOCKET_PORT,
    stream() {
      const socket = new Socket()
      if (gone) {
        socket.connect = (() => {
          process.nextTick(() => socket.destroy(refused()))
          return socket
        }) as typeof socket.connect
      }
      return socket
    },
    async dumpDataDir() {
      return new Uint8Array((await call({ op: 'dump' }))!)
    },
    async abort() {
      await current.thread.terminate()
    },
    async close({ checkpoint = true } = {}) {
      closing = true
      if (gone) {
        await rm(socketDir, { recursive: true, force: true })
        return
      }
      try {
        await call({ op: 'close', checkpoint })
        await current.exited
      } catch (error) {
        await current.thread.terminate()
        throw error
      }
    },
  }
}
