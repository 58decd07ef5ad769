import type { FastifyReply, FastifyRequest } from 'fastify'
import { safeError, safeMessage } from '../safe-error.ts'

/**
 * A path as the logs write it: no query string, and no secret in a segment. A mailed link that
 * carries its token in the path (an appeal link, `/recours/<token>`) would otherwise put in the
 * logs what opens the page. Such tokens are 43 URL-safe characters (`randomToken`) with capitals
 * in them, unlike an id (a UUID is 36 characters) or a slug (lower case), so a segment of 40 or
 * more with a capital is replaced.
 */
export function loggedPath(url: string): string {
  return (url.split('?')[0] ?? '')
    .split('/')
    .map((segment) => (/^[\w-]{40,}$/.test(segment) && /[A-Z]/.test(segment) ? ':secret' : segment))
    .join('/')
}

/**
 * JSON logs an operator can ship anywhere. Requests are logged by method, path and request id
 * only: no query string (it may carry a name or a search), no IP address, no cookies, because a
 * public body must not keep personal data in its logs.
 */
export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.email', '*.phone'],
      remove: true,
    },
    hooks: {
      // Fastify writes an error's message as the line's text: the serialized one replaces it.
      logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
        const [first] = args
        const error = first instanceof Error ? first : (first as { err?: unknown } | undefined)?.err
        if (error instanceof Error) {
          const safe = safeMessage(error)
          args = args.map((arg, i) =>
            i > 0 && typeof arg === 'string' && arg === error.message ? safe : arg,
          )
        }
        method.apply(this, args)
      },
    },
    serializers: {
      req(req: FastifyRequest) {
        return { method: req.method, path: loggedPath(req.url), id: req.id }
      },
      res(reply: Pick<FastifyReply, 'statusCode'>) {
        return { statusCode: reply.statusCode }
      },
      // A failed query's error carries its SQL and parameters, which may be what a person typed.
      err: (error: unknown) => safeError(error),
    },
  }
}
