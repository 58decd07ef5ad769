import type { FastifyInstance } from 'fastify'
import { loadCharts } from '../../platform/charts/charts.ts'
import { linkBase } from '../../platform/http/links.ts'
import type { AppServices } from '../../platform/services.ts'
import { sendPage } from '../../platform/views/render.ts'
import { publishedBilan } from './publication.service.ts'
import { BilanPage } from './views/BilanPage.tsx'

/** The territory's bilan for anyone, cached as every public page is (shared, checked by ETag). */
export async function publicBilanPages(app: FastifyInstance, services: AppServices) {
  app.get('/bilan', { config: { permission: 'public', scope: null } }, async (req, reply) => {
    const territory = req.territory!
    const bilan = await publishedBilan(services, territory)
    await loadCharts()
    return sendPage(
      reply,
      BilanPage({
        ctx: req.viewContext(),
        territory,
        bilan,
        origin: linkBase(req, services.config),
      }),
    )
  })
}
