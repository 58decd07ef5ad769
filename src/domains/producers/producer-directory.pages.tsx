import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../platform/auth/actor.ts'
import { withoutControlCharacters } from '../../platform/http/control-characters.ts'
import { attachment, toCsv } from '../../platform/http/csv.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues, ValidationError } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { roleIn } from '../organisations/index.ts'
import { ProducerDirectoryService } from './producer-directory.service.ts'
import { csvRow, jsonRow, OPEN_DATA_COLUMNS } from './producer-open-data.ts'
import {
  emptyProducerQuery,
  type ProducerQuery,
  parseProducerQuery,
  SEARCH_COMMUNE_MAX,
  SEARCH_WORDS_MAX,
  SearchQuerystring,
} from './producer-query.ts'
import { OpenDataPage } from './views/OpenDataPage.tsx'
import { ProducerDirectoryPage } from './views/ProducerDirectoryPage.tsx'
import { ProducerPage } from './views/ProducerPage.tsx'

const notices = {
  'a-la-une': 'producers.notice.highlighted',
  'hors-une': 'producers.notice.unhighlighted',
} as const satisfies Record<string, MessageKey>

/** What the form shows when the search is refused: the texts as typed, the choices reset. */
function typedValues(raw: Record<string, unknown>): ProducerQuery {
  const text = (v: unknown, max: number) =>
    typeof v === 'string' ? withoutControlCharacters(v).slice(0, max) : ''
  return {
    ...emptyProducerQuery,
    words: text(raw.words, SEARCH_WORDS_MAX) || null,
    commune: text(raw.commune, SEARCH_COMMUNE_MAX),
  }
}

/** The public directory of producers, a producer's page, the open data, and the home page's highlight. */
export async function producerDirectoryPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const directory = new ProducerDirectoryService(services)
  const mapTileUrl = services.config.mapTileUrl ?? null

  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: ProducerQuery,
    errors: FieldError[],
    results: Awaited<ReturnType<ProducerDirectoryService['search']>> | null,
  ) => {
    const highlight = can(req.actor, 'home:highlight')
      ? { on: await directory.highlighted(req.territory!) }
      : null
    const key = (req.query as { fait?: unknown }).fait
    const notice =
      typeof key === 'string' && Object.hasOwn(notices, key)
        ? req.t(notices[key as keyof typeof notices])
        : undefined
    return sendPage(
      reply,
      ProducerDirectoryPage({
        ctx: req.viewContext(),
        values,
        errors,
        results,
        mapTileUrl,
        highlight,
        notice,
      }),
      errors.length > 0 ? 400 : 200,
    )
  }

  app.get(
    '/producteurs',
    {
      schema: { querystring: SearchQuerystring, hide: true },
      attachValidation: true,
      config: {
        permission: 'public',
        scope: null,
        refill: (req, reply, errors) =>
          render(req, reply, typedValues(req.query as Record<string, unknown>), errors, null),
      },
    },
    async (req, reply) => {
      const raw = req.query as Record<string, unknown>
      const parsed = parseProducerQuery(raw)
      if ('issues' in parsed)
        return render(req, reply, typedValues(raw), translateIssues(parsed.issues, req.t), null)
      try {
        return render(req, reply, parsed.query, [], await directory.search(req.territory!, parsed.query))
      } catch (error) {
        if (error instanceof ValidationError)
          return render(req, reply, parsed.query, translateIssues(error.issues, req.t), null)
        throw error
      }
    },
  )

  app.get('/producteurs/donnees', { config: { permission: 'public', scope: null } }, async (req, reply) =>
    sendPage(reply, OpenDataPage({ ctx: req.viewContext() })),
  )

  app.get(
    '/producteurs/donnees.csv',
    { config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const rows = await directory.openData(req.territory!)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment('producteurs.csv'))
        .send(
          toCsv(
            OPEN_DATA_COLUMNS.map((c) => c.name),
            rows.map(csvRow),
          ),
        )
    },
  )

  app.get(
    '/producteurs/donnees.json',
    { config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const rows = await directory.openData(req.territory!)
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(rows.map(jsonRow)))
    },
  )

  for (const [path, on, done] of [
    ['/producteurs/a-la-une', true, 'a-la-une'],
    ['/producteurs/a-la-une/retirer', false, 'hors-une'],
  ] as const) {
    app.post(path, { config: { permission: 'home:highlight', scope: null } }, async (req, reply) => {
      await directory.highlight(req.actor, req.territory!, on)
      return reply.redirect(`/producteurs?fait=${done}`, 303)
    })
  }

  app.get(
    '/producteurs/:id',
    {
      schema: {
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        querystring: Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) }),
      },
      config: { permission: 'public', scope: null },
    },
    async (req, reply) => {
      const view = await directory.producer(req.actor, req.territory!, req.params.id)
      const manages = req.actor
        ? (await roleIn(services.database.db, view.card.id, req.actor.accountId)) === 'manager'
        : false
      return sendPage(reply, ProducerPage({ ctx: req.viewContext(), ...view, manages }))
    },
  )
}
