import pg from 'pg'

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: () => void) => void

/**
 * A pool that knows how long its oldest caller has been waiting for a connection: the sign that
 * queries arrive faster than the database answers them (load shedding), which the number of
 * waiters alone does not give (fifty quick queries in a queue are a burst, not an overload).
 */
export class TimedPool extends pg.Pool {
  /** When each caller not yet given a connection started asking, oldest first. */
  readonly #asking = new Set<{ since: number }>()

  /** How long the oldest caller still waiting has waited, in ms; 0 when nobody waits. */
  oldestWaitMs(now = performance.now()): number {
    for (const ask of this.#asking) return now - ask.since
    return 0
  }

  override connect(): Promise<pg.PoolClient>
  override connect(callback: ConnectCallback): void
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    const ask = { since: performance.now() }
    this.#asking.add(ask)
    if (callback) {
      super.connect((err, client, done) => {
        this.#asking.delete(ask)
        callback(err, client, done)
      })
      return undefined
    }
    return super.connect().finally(() => this.#asking.delete(ask))
  }
}
