/**
 * Which constraint of the database refused a statement, when one did: drizzle wraps the driver's
 * error, whose `constraint` field names it. Services turn a known one into a message for the
 * person (« il ne reste que 12 masques à ce point ») instead of a server error.
 */
export function violatedConstraint(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const constraint = (e as { constraint?: unknown }).constraint
    if (typeof constraint === 'string') return constraint
  }
  return null
}
