import { type TOptional, type TString, Type } from '@sinclair/typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { linkBase } from '../../../platform/http/links.ts'
import type { AppServices } from '../../../platform/services.ts'
import { translateIssues, ValidationError } from '../../../platform/validation.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { setSessionCookie } from '../sessions/auth.plugin.ts'
import { describeDevice, LIFETIMES, type StartedSession } from '../sessions/session-store.ts'
import type { RequestInfo } from './signup.service.ts'

/**
 * A form body: every field optional and generous in length, so that a missing or overlong value
 * is answered by the form's own error messages rather than a bare 400. Fields not listed
 * (role, status, territory_id…) may be sent; nothing reads them.
 */
export function formBody<K extends string>(...fields: K[]) {
  const field = () => Type.Optional(Type.String({ maxLength: 10_000 }))
  const properties = Object.fromEntries(['_csrf', ...fields].map((f) => [f, field()])) as Record<
    K | '_csrf',
    TOptional<TString>
  >
  return Type.Object(properties)
}

/**
 * A page that carries an emailed token (in its address or a hidden field) is kept by no cache:
 * on a shared computer, the browser's history must not hold a usable link.
 */
export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('Cache-Control', 'no-store')
}

/** Tokens travel in the query string of email links: request logs leave query strings out. */
export const tokenQuery = Type.Object({ jeton: Type.Optional(Type.String({ maxLength: 200 })) })

export function isHttps(services: AppServices): boolean {
  return services.config.publicUrl?.startsWith('https://') ?? false
}

export function requestInfo(req: FastifyRequest, services: AppServices): RequestInfo {
  return {
    // Fastify reads X-Forwarded-For only when TRUST_PROXY is set: a forged header cannot reset a limit.
    ip: req.ip,
    device: describeDevice(req.headers['user-agent']),
    locale: req.locale,
    linkBase: linkBase(req, services.config),
  }
}

/** The cookie lives as long as the session can: the server still ends it earlier when idle. */
export function sendSessionCookie(reply: FastifyReply, services: AppServices, started: StartedSession) {
  const maxAge = Math.floor(LIFETIMES[started.row.kind].absoluteMs / 1000)
  setSessionCookie(reply, isHttps(services), started.token, maxAge)
}

/** The field errors of a use case's ValidationError, in the person's language; other errors go on. */
export function fieldErrors(req: FastifyRequest, error: unknown): FieldError[] {
  if (error instanceof ValidationError) return translateIssues(error.issues, req.t)
  throw error
}
