import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { withoutControlCharacters } from '../../platform/http/control-characters.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import { type Issue, translateIssues, ValidationError } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { SearchService } from './search.service.ts'
import { parseSearch, type SearchQuery, SearchQuerystring, searchHref } from './search.ts'
import type { MissionsInSearch } from './search-missions.ts'
import { SearchPage } from './views/search/SearchPage.tsx'

/** What the form shows when the search is refused: the fields as typed, nothing else read. */
function rawValues(raw: Record<string, unknown>): Omit<SearchQuery, 'cursor'> {
  const s = (v: unknown) => (typeof v === 'string' ? withoutControlCharacters(v).slice(0, 300) : '')
  return {
    kind: null,
    categories: [],
    commune: s(raw.commune),
    radiusKm: null,
    words: s(raw.words),
    urgency: null,
    sort: null,
  }
}

/** GET /annonces: browse and search, for everyone, signed in or not, with or without JavaScript. */
export async function searchPages(
  base: FastifyInstance,
  services: AppServices,
  missions: MissionsInSearch | null = null,
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const search = new SearchService(services, missions)

  /** What every rendering of the page shares: the category choices, the clock, the map. */
  const pageCommon = async (req: FastifyRequest) => {
    const categories = (await services.categoryCache.list(req.territory!.id, { activeOnly: true })).map(
      (c) => ({
        slug: c.slug,
        name: localised(c.name, req.locale),
      }),
    )
    return {
      ctx: req.viewContext(),
      categories,
      now: services.clock.now(),
      mapTileUrl: services.config.mapTileUrl ?? null,
      // « modifier » asks for the filters open: a link, so it works without JavaScript.
      filtersOpen: (req.query as Record<string, unknown>).filtres === '1',
    }
  }

  /** The form again, as typed, with what was wrong at the top and no results. */
  const refusedPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[],
    values: Omit<SearchQuery, 'cursor'>,
  ) =>
    sendPage(
      reply,
      SearchPage({
        ...(await pageCommon(req)),
        values,
        errors,
        results: [],
        missions: [],
        correctedWords: null,
        nextHref: null,
        firstHref: null,
        centreName: null,
        beyond: null,
      }),
      400,
    )

  // Refused before the handler (control characters): the form with the words less those characters.
  const refill = (req: FastifyRequest, reply: FastifyReply, errors: FieldError[]) =>
    refusedPage(req, reply, errors, rawValues(req.query as Record<string, unknown>))

  app.get(
    '/annonces',
    // The contract is documented by the schema; parseSearch reads it so refusals speak French.
    {
      schema: { querystring: SearchQuerystring, hide: true },
      attachValidation: true,
      config: { permission: 'public', scope: null, refill },
    },
    async (req, reply) => {
      const territory = req.territory!
      const raw = req.query as Record<string, unknown>
      const refused = (issues: Issue[], values: Omit<SearchQuery, 'cursor'>) =>
        refusedPage(req, reply, translateIssues(issues, req.t), values)
      const parsed = parseSearch(raw)
      if ('issues' in parsed) return refused(parsed.issues, rawValues(raw))
      try {
        const result = await search.search(territory, parsed.query, req.locale)
        const { cursor: _, ...asked } = parsed.query
        const values = { ...result.query, sort: asked.sort }
        return sendPage(
          reply,
          SearchPage({
            ...(await pageCommon(req)),
            values,
            errors: [],
            results: result.results,
            missions: result.missions,
            correctedWords: result.correctedWords,
            nextHref: result.nextCursor ? searchHref(values, result.nextCursor) : null,
            firstHref: parsed.query.cursor ? searchHref(values) : null,
            centreName: result.centre?.name ?? null,
            beyond: result.beyond,
          }),
        )
      } catch (error) {
        if (error instanceof ValidationError) {
          const { cursor: _, ...values } = parsed.query
          return refused(error.issues, values)
        }
        throw error
      }
    },
  )
}
