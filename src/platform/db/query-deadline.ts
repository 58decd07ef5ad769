import pg from 'pg'

/** node-postgres' own words when a query's `query_timeout` passes without an answer. */
const PG_TIMEOUT_MESSAGE = 'Query read timeout'

type Callback = (err: Error | null, result?: unknown) => void

/** The statement's first words, whitespace folded: enough to find it, not a whole SELECT list. */
export function firstWords(text: unknown, length = 120): string {
  if (typeof text !== 'string') return '(a prepared query object)'
  const folded = text.replace(/\s+/g, ' ').trim()
  return folded.length > length ? `${folded.slice(0, length)}…` : folded
}

/**
 * A node-postgres client whose every query fails once it has waited `ms` for its answer, with
 * the statement's first words in the message (never its parameters: they hold what people
 * typed), and whose connection then ends. A query that never gets its answer (a backend that
 * stopped answering, a message lost on the way) otherwise waits for ever, and all a test run
 * shows is its own limit, long after, without saying which statement it was.
 *
 * Ending the connection matters: node-postgres answers the caller but keeps the query as the
 * connection's current one, so a transaction's client, handed back to the pool without an
 * error, would make every later query on it wait behind the lost one. Ended, the pool drops it.
 */
export function deadlineClient(ms: number): typeof pg.Client {
  return class DeadlineClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super({ ...(typeof config === 'string' ? { connectionString: config } : config), query_timeout: ms })
    }

    // biome-ignore lint/suspicious/noExplicitAny: node-postgres' query has a dozen overloads; this one forwards them all
    override query(...args: any[]): any {
      const [config] = args
      const text = typeof config === 'string' ? config : config?.text
      const explain = (error: Error | null) => {
        if (error?.message !== PG_TIMEOUT_MESSAGE) return error
        ;(this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy()
        return Object.assign(
          new Error(`query unanswered after ${ms} ms: ${firstWords(text)}`, { cause: error }),
          { code: 'QUERY_DEADLINE' },
        )
      }
      const last = args.findLastIndex((arg) => typeof arg === 'function')
      if (last > 0) {
        const callback = args[last] as Callback
        args[last] = (err: Error | null, result?: unknown) => callback(explain(err), result)
        return super.query(...(args as Parameters<pg.Client['query']>))
      }
      const result: unknown = super.query(...(args as Parameters<pg.Client['query']>))
      return result instanceof Promise
        ? result.catch((error: Error) => {
            throw explain(error)
          })
        : result
    }
  }
}
