import type pg from 'pg'

/** What node-postgres reports when the database's end of a connection is gone, or not there yet. */
export function lostConnection(error: unknown): boolean {
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown }
  return (
    message === 'Connection terminated unexpectedly' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'EPIPE'
  )
}

/**
 * A statement that only reads: a SELECT that neither locks rows nor calls a function that
 * writes or takes a lock. Parameters are never in the text, so a word a person typed cannot
 * make a write look like a read.
 */
export function isPlainRead(text: unknown): boolean {
  if (typeof text !== 'string' || !/^\s*select\b/i.test(text)) return false
  return !/\b(insert|update|delete|merge|nextval|setval|set_config|pg_advisory\w*|for\s+(no\s+key\s+|key\s+)?(update|share))\b/i.test(
    text,
  )
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The embedded database's thread can end on a fault and start again a second or two later
 * (start.ts). A plain read sent on the pool, outside any transaction, that lost its connection
 * then is sent again until the new thread answers, for at most `waitMs`: the visitor gets the
 * page, a little late, instead of an error. Nothing else is sent twice: a write, or any
 * statement of a transaction (those run on a client taken from the pool, not through here),
 * may have been applied before the connection went, and fails as before (a 503).
 */
export function retryReadsAfterRestart(pool: pg.Pool, waitMs = 10_000): void {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown
  // biome-ignore lint/suspicious/noExplicitAny: node-postgres' query has a dozen overloads; this one forwards them all
  pool.query = ((...args: any[]) => {
    const first = query(...args)
    const config = args[0] as string | { text?: unknown } | undefined
    const text = typeof config === 'string' ? config : config?.text
    if (!(first instanceof Promise) || !isPlainRead(text)) return first
    return first.catch(async (error: unknown) => {
      if (!lostConnection(error)) throw error
      const deadline = Date.now() + waitMs
      for (;;) {
        await pause(250)
        try {
          return await query(...args)
        } catch (again) {
          if (!lostConnection(again) || Date.now() > deadline) throw again
        }
      }
    })
  }) as typeof pool.query
}
