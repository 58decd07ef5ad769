import type { Worker } from 'node:worker_threads'
import { startModuleWorker } from '../threads.ts'
import type { BMatchingProblem } from './b-matching.ts'

export type SolveOptions = Record<string, string | number | boolean>
export type SolveRequest =
  | { id: number; lp: string; options: SolveOptions }
  | { id: number; matching: BMatchingProblem }
export type SolveReply =
  | { id: number; status: string; solverMs: number; values: [string, number][] }
  | { id: number; chosen: Int32Array; solverMs: number }
  | { id: number; error: string }
export type Solved = { status: string; solverMs: number; values: Map<string, number> }
export type Matched = { chosen: Int32Array; solverMs: number }

let worker: Worker | null = null
let nextId = 1
// biome-ignore lint/suspicious/noExplicitAny: each request resolves with its own kind of reply
const pending = new Map<number, { resolve: (s: any) => void; reject: (e: Error) => void }>()

function failAll(error: Error) {
  for (const { reject } of pending.values()) reject(error)
  pending.clear()
  worker = null
}

/** One thread per process (HiGHS and the exact matching share it), started at the first solve; it holds the process open only while it works. */
function solverThread(): Worker {
  if (worker) return worker
  const started = startModuleWorker(new URL('./highs-worker.ts', import.meta.url))
  started.on('message', (reply: SolveReply) => {
    const waiting = pending.get(reply.id)
    if (!waiting) return
    pending.delete(reply.id)
    if (pending.size === 0) started.unref()
    if ('error' in reply) waiting.reject(new Error(`HiGHS : ${reply.error}`))
    else if ('chosen' in reply) waiting.resolve({ chosen: reply.chosen, solverMs: reply.solverMs })
    else waiting.resolve({ status: reply.status, solverMs: reply.solverMs, values: new Map(reply.values) })
  })
  // A solver that crashes (WebAssembly out of memory) fails the solves in flight; the next starts anew.
  started.on('error', (error) => failAll(error))
  started.on('exit', (code) => failAll(new Error(`le fil du solveur s’est arrêté (code ${code})`)))
  worker = started
  return started
}

/** Solves a model in CPLEX LP format on the solver's thread. */
export function solveLp(lp: string, options: SolveOptions): Promise<Solved> {
  const thread = solverThread()
  const id = nextId++
  thread.ref()
  return new Promise<Solved>((resolve, reject) => {
    pending.set(id, { resolve, reject })
    thread.postMessage({ id, lp, options } satisfies SolveRequest)
  })
}

/**
 * The heaviest b-matching (see b-matching.ts) on the solver's thread: tens of milliseconds of
 * pure computation for a large Département, which the server's thread must not spend. The
 * problem's buffers move to the thread (they are left empty here).
 */
export function solveMatching(matching: BMatchingProblem): Promise<Matched> {
  const thread = solverThread()
  const id = nextId++
  thread.ref()
  return new Promise<Matched>((resolve, reject) => {
    pending.set(id, { resolve, reject })
    thread.postMessage({ id, matching } satisfies SolveRequest, [
      matching.left.buffer,
      matching.right.buffer,
      matching.weight.buffer,
      matching.capacity.buffer,
    ] as ArrayBuffer[])
  })
}
