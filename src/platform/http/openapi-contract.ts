import type { RouteAccess } from '../auth/policy.ts'

/**
 * How a route's declared access and schemas read in the OpenAPI document: who may call it
 * (security) and which problem answers it can give. Derived from the same declaration the access
 * preHandler enforces, so the document cannot promise what the server refuses.
 */

export const securitySchemes = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'Personal access token, created from the account page (« Jetons d’accès »). A token carries the scopes its owner ticked; each operation names the one it needs.',
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'session',
    description:
      'The browser session of the web pages (`__Host-session` over HTTPS). Requests that change something also send the `x-csrf-token` header.',
  },
} as const

export type SecurityRequirement = Partial<Record<keyof typeof securitySchemes, string[]>>

/** `[]` for a public route; an empty requirement `{}` marks a token as optional there. */
export function securityOf({ permission, scope }: RouteAccess): SecurityRequirement[] {
  const open = permission === 'public' || permission === 'dev'
  if (open) return scope === null ? [] : [{ bearer: [scope] }, {}]
  return scope === null ? [{ session: [] }] : [{ bearer: [scope] }, { session: [] }]
}

const problemDescriptions: Record<number, string> = {
  400: 'Invalid input: `errors` points at each field, with a message in the caller’s language.',
  401: 'Not signed in, or the token is unknown, revoked or expired.',
  403: 'Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required).',
  404: 'Not found, or not visible to the caller; also when no platform answers at this host name.',
  409: 'The current state does not allow it (already taken, closed, ended).',
  429: 'Too many requests: wait for the seconds given by Retry-After.',
  503: 'The service cannot answer now (database unavailable).',
}

interface RouteSchema {
  body?: unknown
  querystring?: unknown
  params?: unknown
  response?: unknown
}

/**
 * The 4xx a route can answer: those its schema declares, 400 when it reads input, 401 and 403
 * when a caller can be refused, 404 when it belongs to a territory (another host is unknown).
 */
export function problemStatuses(schema: RouteSchema, access: RouteAccess, territory: boolean): number[] {
  const statuses = new Set(
    Object.keys((schema.response ?? {}) as object)
      .map(Number)
      .filter((s) => s >= 400),
  )
  if (schema.body || schema.querystring || schema.params) statuses.add(400)
  if (access.permission !== 'public' || access.scope !== null) {
    statuses.add(401)
    statuses.add(403)
  }
  if (territory) statuses.add(404)
  return [...statuses].sort((a, b) => a - b)
}

/** RFC 9457 answers, served as application/problem+json by the error handler. */
export function problemAnswer(status: number) {
  return {
    description: problemDescriptions[status] ?? 'A problem, as RFC 9457 problem details.',
    content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } },
  }
}
