import { safeMessage } from '../safe-error.ts'

/** Raised by a handler when trying again cannot help (malformed payload): the job goes straight to dead letters. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError'
}

/**
 * What may be stored in `last_error` and written to logs about a failure: the message only (no
 * stack, no payload, no SQL or parameters), with email addresses masked, because SMTP servers
 * quote the recipient in their refusals and logs must hold no personal data.
 */
export function safeErrorMessage(error: unknown): string {
  return safeMessage(error)
}
