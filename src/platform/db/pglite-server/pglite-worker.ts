import { rm } from 'node:fs/promises'
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { pgliteExtensions } from './extensions.ts'
import { guardFaults } from './fault-guard.ts'
import type { FromWorker, ToWorker, WorkerData } from './messages.ts'
import { type ProtocolServer, servePglite } from './protocol-server.ts'
import { PGLITE_SETTINGS } from './settings.ts'

/**
 * The embedded database's own thread: PGlite runs its queries synchronously, so here they stall
 * only this thread, never the one answering HTTP requests. The main thread has already locked
 * the directory and checked the disk; it talks to this thread over the socket (queries) and
 * through messages (dump, close).
 */

const port = parentPort!
const { dir, socketPath, artifacts } = workerData as WorkerData
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer)

/** The message, and the first code in the chain of causes (ENOSPC must reach the disk checks). */
function describe(error: unknown) {
  let code: string | undefined
  for (let e = error, depth = 0; e && depth < 5 && !code; e = (e as { cause?: unknown }).cause, depth++) {
    const found = (e as { code?: unknown }).code
    if (typeof found === 'string') code = found
  }
  return { message: String((error as { message?: unknown })?.message ?? error), code }
}

let pglite: PGlite
let server: ProtocolServer
try {
  pglite = await PGlite.create({
    dataDir: dir,
    extensions: pgliteExtensions,
    postgresqlconf: PGLITE_SETTINGS,
    pgliteWasmModule: artifacts.pgliteWasmModule,
    initdbWasmModule: artifacts.initdbWasmModule,
  })
  guardFaults((pglite as unknown as { mod: Record<string, unknown> }).mod, (error) => {
    console.error(
      JSON.stringify({
        level: 60,
        time: Date.now(),
        msg: 'embedded database fault: its thread ends',
        ...describe(error),
      }),
    )
    // In a worker, exit ends this thread at once: no JavaScript runs after it, PGlite's loop included.
    process.exit(70)
  })
  // A thread ended by a fault left its socket file behind.
  await rm(socketPath, { force: true })
  server = await servePglite(pglite, socketPath, (error) => {
    // One JSON line, as the server's own log: the error, never a query (it holds what people typed).
    console.error(
      JSON.stringify({ level: 50, time: Date.now(), msg: 'embedded database error', ...describe(error) }),
    )
  })
  post({ type: 'ready' })
} catch (error) {
  post({ type: 'failed', error: describe(error) })
  process.exit(1)
}

port.on('message', async (message: ToWorker) => {
  try {
    if (message.op === 'dump') {
      const file = await server.exclusive(() => pglite.dumpDataDir('gzip'))
      const bytes = await file.arrayBuffer()
      post({ type: 'result', id: message.id, value: bytes }, [bytes])
    } else if (message.op === 'close') {
      await server.close()
      // Everything on disk in the data files: the next start has no WAL to replay.
      if (message.checkpoint) await pglite.exec('CHECKPOINT')
      await pglite.close()
      post({ type: 'result', id: message.id, value: null })
      port.close()
    }
  } catch (error) {
    post({ type: 'error', id: message.id, error: describe(error) })
  }
})
