import { resolve } from 'node:path'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DiskFullError, freeBytes, isDiskFull } from '../db/disk.ts'
import { carriesQuery, describeDatabaseError, isDatabaseUnavailable } from '../db/faults.ts'
import { ValidationError } from '../validation.ts'
import { sendPage } from '../views/render.ts'
import { ErrorPage } from './error-pages.tsx'
import { HttpError, PROBLEM_TYPES, type Problem } from './problem.ts'
import { RateLimitedError } from './rate-limit.ts'

export function wantsJson(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || req.url === '/healthz' || req.url === '/readyz'
}

function problem(req: FastifyRequest, status: number, detail?: string, errors?: Problem['errors']): Problem {
  const base = req.host ? `${req.protocol}://${req.host}` : ''
  return {
    type: `${base}/problemes/${PROBLEM_TYPES[status] ?? 'erreur'}`,
    title: req.t(
      status === 404
        ? 'error.notFound.title'
        : status === 503
          ? 'error.unavailable.title'
          : status >= 500
            ? 'error.server.title'
            : status === 403
              ? 'error.forbidden.title'
              : status === 429
                ? 'error.tooMany.title'
                : 'error.badRequest.title',
    ),
    status,
    ...(detail ? { detail } : {}),
    instance: req.url.split('?')[0],
    ...(errors ? { errors } : {}),
  }
}

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  detail?: string,
  errors?: Problem['errors'],
) {
  if (wantsJson(req)) {
    return reply
      .code(status)
      .type('application/problem+json; charset=utf-8')
      .send(problem(req, status, detail, errors))
  }
  return sendPage(
    reply,
    ErrorPage({ ctx: req.viewContext(), status, reference: req.id, host: req.host, detail }),
    status,
  )
}

/** Long enough for a database restart or a failover; browsers and clients may retry after it. */
export const RETRY_AFTER_SECONDS = 30

/**
 * The database is down, restarting, or its disk is full: nothing the visitor did is wrong, and
 * the pool reconnects by itself once it is back, so the answer is « come back in a moment ».
 */
async function unavailable(req: FastifyRequest, reply: FastifyReply, error: unknown, opts: ErrorOptions) {
  if (isDiskFull(error)) {
    const where = opts.dataDir ? resolve(opts.dataDir) : null
    const message = where
      ? new DiskFullError(where, await freeBytes(where)).message
      : 'Disque plein sur le serveur PostgreSQL (53100 disk_full) : les écritures échouent.'
    req.log.error({ cause: describeDatabaseError(error) }, message)
  } else req.log.error({ cause: describeDatabaseError(error) }, 'database unavailable')
  if (reply.sent) return
  reply.header('Retry-After', String(RETRY_AFTER_SECONDS))
  return sendError(req, reply, 503)
}

interface ErrorOptions {
  development: boolean
  /** the embedded database's directory, to say which disk is full */
  dataDir?: string | undefined
}

/**
 * One place turns every failure into what a person or a program can use: a page in their
 * language, or RFC 9457 JSON. Stack traces and SQL go to the log only, never to the client.
 */
export function registerErrorHandling(app: FastifyInstance, opts: ErrorOptions) {
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 404))

  app.setErrorHandler((error: FastifyError | Error, req, reply) => {
    if (error instanceof RateLimitedError) reply.header('Retry-After', String(error.retryAfterSeconds))
    if (error instanceof HttpError) return sendError(req, reply, error.statusCode, error.detail)
    if (error instanceof ValidationError) {
      const errors = error.issues.map((i) => ({ pointer: `/${i.field}`, detail: req.t(i.key, i.params) }))
      return sendError(req, reply, 400, undefined, errors)
    }
    const fe = error as FastifyError
    if (fe.validation) {
      const errors = fe.validation.map((v) => ({
        pointer: v.instancePath || `/${(v.params as { missingProperty?: string }).missingProperty ?? ''}`,
        detail: v.message ?? 'invalid',
      }))
      return sendError(req, reply, 400, fe.message, errors)
    }
    if (isDatabaseUnavailable(error) || isDiskFull(error)) return unavailable(req, reply, error, opts)
    const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 600 ? fe.statusCode : 500
    if (status >= 500) req.log.error({ err: error }, 'request failed')
    // Development shows what failed, but never the SQL and parameters Drizzle wraps around it.
    const devDetail = carriesQuery(error) ? describeDatabaseError(error) : error.message
    const detail = status >= 500 ? (opts.development ? devDetail : undefined) : fe.code
    if (reply.sent) return
    return sendError(req, reply, status, detail)
  })
}
