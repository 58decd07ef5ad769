import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { attachment } from '../../platform/http/csv.ts'
import { linkBase } from '../../platform/http/links.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { sendPage } from '../../platform/views/render.ts'
import { catalogue, FILES, machineCsv, OPEN_DATA_PATH, openDataRows, tableSchema } from './open-data.ts'
import { publishedBilan } from './publication.service.ts'
import { OpenDataPage } from './views/OpenDataPage.tsx'

const page = { permission: 'public' as const, scope: null }

/**
 * Files for machines: the same for everyone, changed once a month (a late answer or help given
 * still counts in its listing's month, so a past month's figures may move a little meanwhile).
 * An hour's freshness; the cache rule adds a weak ETag of the body, so a check costs a 304.
 */
const FILE_CACHE = 'public, max-age=3600'

function territoryOf(req: FastifyRequest): Territory {
  return req.territory!
}

/** Any site may read the files from a browser: they hold nothing but published figures. */
function asOpenData(reply: FastifyReply, type: string): FastifyReply {
  return reply.type(type).header('cache-control', FILE_CACHE).header('access-control-allow-origin', '*')
}

/** The open data: its page, the monthly table as CSV and JSON, its schema and its catalogue. */
export async function openDataPages(app: FastifyInstance, services: AppServices) {
  app.get(OPEN_DATA_PATH, { config: page }, async (req, reply) => {
    const { publication } = await publishedBilan(services, territoryOf(req))
    return sendPage(
      reply,
      OpenDataPage({
        ctx: req.viewContext(),
        territory: territoryOf(req),
        months: publication.months,
        origin: linkBase(req, services.config),
      }),
    )
  })
  app.get(FILES.csv, { config: page }, async (req, reply) => {
    const { publication, labels } = await publishedBilan(services, territoryOf(req))
    return asOpenData(reply, 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', attachment('bilan-mensuel.csv'))
      .send(machineCsv(openDataRows(publication, labels)))
  })
  app.get(FILES.json, { config: page }, async (req, reply) => {
    const { publication, labels } = await publishedBilan(services, territoryOf(req))
    return asOpenData(reply, 'application/json; charset=utf-8').send(
      JSON.stringify(openDataRows(publication, labels)),
    )
  })
  app.get(FILES.schema, { config: page }, async (_req, reply) =>
    asOpenData(reply, 'application/json; charset=utf-8').send(JSON.stringify(tableSchema(), null, 2)),
  )
  app.get(FILES.catalogue, { config: page }, async (req, reply) => {
    const territory = territoryOf(req)
    const { publication } = await publishedBilan(services, territory)
    const body = catalogue({
      origin: linkBase(req, services.config),
      publisher: territory.officialName,
      platformName: territory.platformName,
      departements: territory.departements,
      months: publication.months,
    })
    return asOpenData(reply, 'application/ld+json; charset=utf-8').send(JSON.stringify(body, null, 2))
  })
}
