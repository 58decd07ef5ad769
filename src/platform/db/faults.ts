/**
 * Recognises the failures that mean « the database cannot be reached right now » rather than
 * « this request is wrong »: they deserve a 503 with Retry-After, not a 500. Drizzle wraps the
 * driver's error (and the SQL) in its own, so the whole chain of causes is searched.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
])

/** SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300'])

/** node-postgres and its pool say these without a code. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /Client was closed and is not queryable/,
]

function* causes(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>()
  const pending = [error]
  while (pending.length > 0 && seen.size < 20) {
    const e = pending.shift()
    if (!e || typeof e !== 'object' || seen.has(e)) continue
    seen.add(e)
    yield e
    pending.push((e as { cause?: unknown }).cause)
    // Connecting to "localhost" tries ::1 and 127.0.0.1: both refusals come in an AggregateError.
    if (e instanceof AggregateError) pending.push(...e.errors)
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of causes(error)) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || /^08/.test(code)))
      return true
    const message = (e as { message?: unknown }).message
    if (typeof message === 'string' && DRIVER_MESSAGES.some((m) => m.test(message))) return true
  }
  return false
}

/**
 * The innermost error's code and message, for logs and development pages: the database's own
 * words, without the SQL text and parameters (personal data) Drizzle puts in its wrapper.
 */
export function describeDatabaseError(error: unknown): string {
  let last: unknown = error
  for (const e of causes(error)) last = e
  const { code, message } = last as { code?: unknown; message?: unknown }
  const text = typeof message === 'string' ? message.replace(/\s+/g, ' ').slice(0, 200) : 'unknown error'
  return typeof code === 'string' ? `${code}: ${text}` : text
}

/** Whether Drizzle wrapped this error with the query it ran. */
export function carriesQuery(error: unknown): boolean {
  for (const e of causes(error)) if (typeof (e as { query?: unknown }).query === 'string') return true
  return false
}
