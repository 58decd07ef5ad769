import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
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
  /** ends the thread at once, as a crash would: for tests of what the application does then */
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

/** Starts PGlite on `dir` in its own thread, serving it on a private socket; resolves once it answers. */
export async function startEmbeddedServer(dir: string): Promise<EmbeddedServer> {
  await removeStaleSocketDirs()
  const socketDir = await mkdtemp(join(tmpdir(), `${SOCKET_DIR_PREFIX}${process.pid}-`))
  await chmod(socketDir, 0o700)
  const data: WorkerData = {
    dir,
    socketPath: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
    artifacts: await pgliteArtifacts(),
  }
  const worker = startWorker(data)

  let gone = false
  let closing = false
  let nextId = 1
  const pending = new Map<number, { resolve(value: ArrayBuffer | null): void; reject(error: Error): void }>()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') resolve()
      else if (message.type === 'failed') reject(toError(message.error))
      else if (message.type === 'result' || message.type === 'error') {
        const call = pending.get(message.id)
        pending.delete(message.id)
        if (pending.size === 0 && !closing) worker.unref()
        if (message.type === 'result') call?.resolve(message.value)
        else call?.reject(toError(message.error))
      }
    })
    worker.on('error', reject)
    worker.once('exit', (code) => {
      gone = true
      reject(new Error(`le fil de la base embarquée s’est arrêté au démarrage (code ${code})`))
      for (const call of pending.values()) call.reject(closing ? new Error('fermée') : refused())
      pending.clear()
      void rm(socketDir, { recursive: true, force: true })
    })
  })
  try {
    await ready
  } catch (error) {
    await worker.terminate()
    await rm(socketDir, { recursive: true, force: true })
    throw error
  }
  // The open connections keep the process alive while they work; the thread itself must not.
  worker.unref()

  type Request = ToWorker extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never
  const call = (request: Request) =>
    new Promise<ArrayBuffer | null>((resolve, reject) => {
      if (gone) return reject(refused())
      const id = nextId++
      pending.set(id, { resolve, reject })
      worker.ref()
      worker.postMessage({ id, ...request } satisfies ToWorker)
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
      await worker.terminate()
    },
    async close({ checkpoint = true } = {}) {
      if (gone) return
      closing = true
      try {
        await call({ op: 'close', checkpoint })
        await exited
      } catch (error) {
        await worker.terminate()
        throw error
      }
    },
  }
}
