/** Raised by a handler when trying again cannot help (malformed payload): the job goes straight to dead letters. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError'
}

const EMAIL = /[^\s@<>"'(),;:[\]]+@[^\s@<>"'(),;:[\]]+/g
const MAX_LENGTH = 500

/**
 * What may be stored in `last_error` and written to logs about a failure: the message only
 * (no stack, no payload), with anything shaped like an email address masked, because SMTP
 * servers quote the recipient in their refusals and logs must hold no personal data.
 */
export function safeErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error'
  const masked = raw.replace(EMAIL, '[adresse masquée]').replace(/\s+/g, ' ').trim()
  return masked.length > MAX_LENGTH
    ? `${masked.slice(0, MAX_LENGTH - 1)}…`
    : masked || 'error without message'
}
