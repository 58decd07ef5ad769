import type { Worker } from 'node:worker_threads'
import { startModuleWorker } from './threads.ts'

/** What a worker of `threadCalls` answers: the request's id, and its result or its error. */
export type ThreadReply<R> = { id: number; result: R } | { id: number; error: string }

/**
 * Requests to a worker thread on `url`, answered in any order by id: one thread per process, started
 * at the first call, holding the process open only while a call waits. A thread that crashes (out
 * of memory) fails the calls in flight, and the next call starts a new one.
 */
export function threadCalls<Q, R>(
  url: URL,
  name: string,
): (request: Q, transfer?: ArrayBuffer[]) => Promise<R> {
  let worker: Worker | null = null
  let nextId = 1
  const pending = new Map<number, { resolve: (r: R) => void; reject: (e: Error) => void }>()
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error)
    pending.clear()
    worker = null
  }
  const thread = (): Worker => {
    if (worker) return worker
    const started = startModuleWorker(url)
    started.on('message', (reply: ThreadReply<R>) => {
      const waiting = pending.get(reply.id)
      if (!waiting) return
      pending.delete(reply.id)
      if (pending.size === 0) started.unref()
      if ('error' in reply) waiting.reject(new Error(`${name} : ${reply.error}`))
      else waiting.resolve(reply.result)
    })
    started.on('error', (error) => failAll(error))
    started.on('exit', (code) => failAll(new Error(`le fil ${name} s’est arrêté (code ${code})`)))
    worker = started
    return started
  }
  return (request, transfer = []) => {
    const started = thread()
    const id = nextId++
    started.ref()
    return new Promise<R>((resolve, reject) => {
      pending.set(id, { resolve, reject })
      started.postMessage({ id, request }, transfer)
    })
  }
}

/** The worker's side: answers each `{ id, request }` with `work(request)`'s result or its error. */
export function answerThreadCalls<Q, R>(
  port: {
    on(event: 'message', listener: (m: { id: number; request: Q }) => void): unknown
    postMessage(m: unknown): void
  } | null,
  work: (request: Q) => R | Promise<R>,
): void {
  port?.on('message', async ({ id, request }) => {
    try {
      port.postMessage({ id, result: await work(request) } satisfies ThreadReply<R>)
    } catch (error) {
      port.postMessage({ id, error: String((error as Error)?.message ?? error) } satisfies ThreadReply<R>)
    }
  })
}
