/**
 * PGlite drives PostgreSQL by calling `_PostgresMainLoopOnce` until the input is read, and it
 * swallows whatever that call throws besides PostgreSQL's own error jump, then calls it again.
 * After a WebAssembly fault the instance is corrupt: the loop calls again for ever, the thread
 * at full CPU, every connection waiting. Seen in about one test run in twenty: PGlite sometimes
 * loads a second copy of pg_trgm whose comparison pointer its `_PG_init` never set, and the
 * first trigram sort calls a null function (« null function or function signature mismatch »).
 *
 * `guardFaults` wraps that call: a fault (a WebAssembly RuntimeError, or the stack exhausted
 * inside PostgreSQL) goes to `onFault`, which ends the thread; start.ts then starts another on
 * the same directory. Anything else (the error jump) goes on to PGlite as before.
 */
export function guardFaults(mod: Record<string, unknown>, onFault: (error: Error) => never): void {
  const step = mod._PostgresMainLoopOnce
  if (typeof step !== 'function') throw new Error('PGlite no longer exposes _PostgresMainLoopOnce')
  mod._PostgresMainLoopOnce = (...args: unknown[]) => {
    try {
      return step.apply(mod, args)
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError || error instanceof RangeError) onFault(error)
      throw error
    }
  }
}
