import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { withoutControlCharacters } from '../../platform/http/control-characters.ts'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues, ValidationError } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { DirectoryService } from './organisation-directory.service.ts'
import {
  DIRECTORY_COMMUNE_MAX,
  DIRECTORY_WORDS_MAX,
  type DirectoryQuery,
  DirectoryQuerystring,
  emptyDirectoryQuery,
  parseDirectory,
} from './organisation-directory.ts'
import { DirectoryPage } from './views/DirectoryPage.tsx'

/** What the form shows when the search is refused: the texts as typed, the choices reset. */
function typedValues(raw: Record<string, unknown>): DirectoryQuery {
  const text = (v: unknown, max: number) =>
    typeof v === 'string' ? withoutControlCharacters(v).slice(0, max) : ''
  return {
    ...emptyDirectoryQuery,
    words: text(raw.words, DIRECTORY_WORDS_MAX) || null,
    commune: text(raw.commune, DIRECTORY_COMMUNE_MAX),
  }
}

/** GET /organisations: the public directory, with or without JavaScript. */
export async function organisationDirectoryPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const directory = new DirectoryService(services)
  const mapTileUrl = services.config.mapTileUrl ?? null

  const refused = (reply: FastifyReply, req: FastifyRequest, errors: FieldError[], values: DirectoryQuery) =>
    sendPage(reply, DirectoryPage({ ctx: req.viewContext(), values, errors, results: null, mapTileUrl }), 400)

  app.get(
    '/organisations',
    {
      // The contract is the schema's; parseDirectory reads the query so that refusals speak French.
      schema: { querystring: DirectoryQuerystring, hide: true },
      attachValidation: true,
      config: {
        permission: 'public',
        scope: null,
        refill: (req, reply, errors) =>
          refused(reply, req, errors, typedValues(req.query as Record<string, unknown>)),
      },
    },
    async (req, reply) => {
      const raw = req.query as Record<string, unknown>
      const parsed = parseDirectory(raw)
      if ('issues' in parsed)
        return refused(reply, req, translateIssues(parsed.issues, req.t), typedValues(raw))
      try {
        const results = await directory.search(req.territory!, parsed.query)
        return sendPage(
          reply,
          DirectoryPage({ ctx: req.viewContext(), values: parsed.query, errors: [], results, mapTileUrl }),
        )
      } catch (error) {
        if (error instanceof ValidationError)
          return refused(reply, req, translateIssues(error.issues, req.t), parsed.query)
        throw error
      }
    },
  )
}
