import type { FastifyReply } from 'fastify'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { countPageFigures } from '../http/page-figures.ts'

export function renderPage(node: VNode): string {
  return `<!doctype html>${renderToString(node)}`
}

/**
 * Sends the page, once the header's figures it shows are counted (page-figures.ts): the reply is
 * returned at once, and a handler that returns it lets Fastify wait for the page. An error page
 * of the server (5xx) leaves them out, so that a database in trouble is not asked again.
 */
export function sendPage(reply: FastifyReply, node: VNode, status = 200): FastifyReply {
  reply.code(status).type('text/html; charset=utf-8')
  if (!reply.request.pageFigures || status >= 500) return reply.send(renderPage(node))
  void countPageFigures(reply.request).then(() => {
    try {
      reply.send(renderPage(node))
    } catch (error) {
      reply.send(error)
    }
  })
  return reply
}
