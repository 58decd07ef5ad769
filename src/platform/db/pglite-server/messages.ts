/** What the main thread and the embedded database's thread say to each other besides SQL. */

/** What PGlite would otherwise compile in each thread (start.ts). */
export interface PgliteArtifacts {
  pgliteWasmModule: WebAssembly.Module
  initdbWasmModule: WebAssembly.Module
}

export interface WorkerData {
  dir: string
  socketPath: string
  artifacts: PgliteArtifacts
}

/** `checkpoint: false` only for a database about to be deleted (tests): nothing to keep on disk. */
export type ToWorker = { id: number; op: 'dump' } | { id: number; op: 'close'; checkpoint: boolean }

export interface WorkerError {
  message: string
  code?: string
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: WorkerError }
  | { type: 'result'; id: number; value: ArrayBuffer | null }
  | { type: 'error'; id: number; error: WorkerError }
