import type { FastifyRequest } from 'fastify'

declare module 'fastify' {
  interface FastifyRequest {
    /** the counts the page header shows, asked for by plugins and run only if a page is sent */
    pageFigures: (() => Promise<void>)[] | null
  }
}

/**
 * Asks for a figure of the page header (« Notifications (3) », « Modération (4) »), counted only
 * when the request ends in a page: a form answered by a redirect, the API or a file costs no
 * statement for a header nobody sees. `count` stores the figure on the request for the view.
 */
export function countForPage(req: FastifyRequest, count: () => Promise<void>): void {
  req.pageFigures = [...(req.pageFigures ?? []), count]
}

/**
 * Counts the figures asked for, once, side by side. A figure that cannot be counted is left out
 * of the header rather than costing the person the page they asked for.
 */
export async function countPageFigures(req: FastifyRequest): Promise<void> {
  const figures = req.pageFigures
  req.pageFigures = null
  if (!figures) return
  const results = await Promise.allSettled(figures.map((count) => count()))
  for (const result of results)
    if (result.status === 'rejected') req.log.warn({ err: result.reason }, 'page header figure not counted')
}
