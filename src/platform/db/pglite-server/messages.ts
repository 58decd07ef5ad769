/** What the main thread and the embedded database's thread say to each other besides SQL. */

export interface WorkerData {
  dir: string
  socketPath: string
}

export type ToWorker = { id: number; op: 'dump' } | { id: number; op: 'close' }

export interface WorkerError {
  message: string
  code?: string
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: WorkerError }
  | { type: 'result'; id: number; value: ArrayBuffer | null }
  | { type: 'error'; id: number; error: WorkerError }
