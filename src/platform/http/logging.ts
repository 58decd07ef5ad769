import type { FastifyReply, FastifyRequest } from 'fastify'

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
    serializers: {
      req(req: FastifyRequest) {
        return { method: req.method, path: req.url.split('?')[0], id: req.id }
      },
      res(reply: Pick<FastifyReply, 'statusCode'>) {
        return { statusCode: reply.statusCode }
      },
    },
  }
}
