/**
 * What logs and the job table keep of a failure. A failed query's error carries its SQL and
 * parameters (what a person typed in a search, an address), and PostgreSQL quotes the faulty
 * value in its own message (`invalid input syntax for type uuid: "…"`) and in `detail`; so a
 * database error is reduced to its SQLSTATE code and the names of the objects involved, and any
 * other message is cut before a query and stripped of email addresses. Stack frames stay: they
 * hold file names, never data.
 */
export interface SafeError {
  [key: string]: unknown
  type: string
  message: string
  code?: string
  constraint?: string
  table?: string
  column?: string
  stack: string
  cause?: SafeError
}

const EMAIL = /[^\s@<>"'(),;:[\]]+@[^\s@<>"'(),;:[\]]+/g
const MAX_LENGTH = 500
const SQLSTATE = /^[0-9A-Z]{5}$/

interface DatabaseFields {
  code?: unknown
  severity?: unknown
  constraint?: unknown
  table?: unknown
  column?: unknown
  query?: unknown
  params?: unknown
}

/** A query wrapper (Drizzle's « Failed query: … params: … ») or a PostgreSQL error. */
function isQueryError(error: Error): boolean {
  const e = error as Error & DatabaseFields
  return (
    'params' in e ||
    'query' in e ||
    error.message.startsWith('Failed query') ||
    (typeof e.code === 'string' && SQLSTATE.test(e.code) && typeof e.severity === 'string')
  )
}

function clip(text: string): string {
  const flat = text.replace(EMAIL, '[adresse masquée]').replace(/\s+/g, ' ').trim()
  return flat.length > MAX_LENGTH ? `${flat.slice(0, MAX_LENGTH - 1)}…` : flat
}

/** The message of `error` fit for a log line or `last_error`: no SQL, no parameter, no email address. */
export function safeMessage(error: unknown): string {
  if (!(error instanceof Error))
    return typeof error === 'string' ? clip(error) || 'error without message' : 'unknown error'
  if (isQueryError(error)) {
    const code = databaseCode(error)
    return code ? `database error ${code}` : 'database query failed'
  }
  return clip(error.message) || 'error without message'
}

function databaseCode(error: Error): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as Error & DatabaseFields).code
    if (typeof code === 'string' && SQLSTATE.test(code)) return code
  }
  return undefined
}

const name = (value: unknown) =>
  typeof value === 'string' && /^[\w.$-]{1,128}$/.test(value) ? value : undefined

/** The log serializer for `err`: class, code and safe message, the same for each cause. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: safeMessage(error), stack: '' }
  const fields = error as Error & DatabaseFields
  const code = isQueryError(error)
    ? databaseCode(error)
    : typeof fields.code === 'string'
      ? fields.code
      : undefined
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.startsWith('    at '))
    .join('\n')
  return {
    type: error.constructor?.name ?? error.name,
    message: safeMessage(error),
    ...(code ? { code } : {}),
    ...(name(fields.constraint) ? { constraint: name(fields.constraint) } : {}),
    ...(name(fields.table) ? { table: name(fields.table) } : {}),
    ...(name(fields.column) ? { column: name(fields.column) } : {}),
    stack: frames,
    ...(error.cause !== undefined && depth < 3 ? { cause: safeError(error.cause, depth + 1) } : {}),
  }
}
