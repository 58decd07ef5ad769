import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, ValidationError } from '../../platform/validation.ts'
import { ListQuery, nullable, ProducerBody, ProducerSummary, ProducerView } from './producer.api-schemas.ts'
import { ProducerService } from './producer.service.ts'
import {
  checkLabels,
  checkPlace,
  checkProduct,
  checkText,
  PLACES_MAX,
  PRESENTATION_MAX,
  PRODUCTS_MAX,
} from './producer.ts'
import { ProducerDirectoryService } from './producer-directory.service.ts'
import { parseProducerQuery } from './producer-query.ts'
import { photoUrl } from './views/words.ts'

const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
}
const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const prefixed = (prefix: string, issues: Issue[]) =>
  issues.map((i) => ({ ...i, field: `${prefix}/${i.field}` }))

/** The JSON side of the producers' directory: the same search, page and rules as the HTML pages. */
export async function producerApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const directory = new ProducerDirectoryService(services)
  const producers = new ProducerService(services)
  app.addSchema(ProducerSummary)
  app.addSchema(ProducerView)

  const present = async (
    actor: Parameters<ProducerDirectoryService['producer']>[0],
    territory: Territory,
    id: string,
  ) => {
    const v = await directory.producer(actor, territory, id)
    return {
      id: v.card.id,
      name: v.card.name,
      verified: v.card.status === 'verified',
      commune: v.commune,
      presentation: v.profile?.presentation ?? '',
      labels: v.profile?.labels ?? [],
      families: v.profile?.families ?? [],
      contact: v.card.contact,
      products: v.products.map(({ id: pid, family, name, description, months, labels }) => ({
        id: pid,
        family,
        name,
        description,
        months,
        labels,
      })),
      places: v.places.map((p) => ({
        id: p.id,
        mode: p.mode,
        name: p.name,
        commune: p.commune,
        address: p.address,
        details: p.details,
        radiusKm: p.radiusKm,
        hours: p.hours,
      })),
      photos: v.photos.map((p) => ({
        url: photoUrl(v.card.id, p),
        alt: p.alt,
        width: p.width,
        height: p.height,
      })),
    }
  }

  app.get(
    '/api/v1/producers',
    {
      schema: {
        operationId: 'listProducers',
        tags: ['producers'],
        summary: 'Verified producers of the territory',
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('ProducerSummary')),
            total: Type.Integer(),
            nextPage: nullable(Type.Integer()),
          }),
          400: problems[400],
        },
      },
      config: { permission: 'public', scope: 'organisations:read' },
    },
    async (req) => {
      const q = req.query
      const parsed = parseProducerQuery({
        ...q,
        radiusKm: q.radiusKm === undefined ? '' : String(q.radiusKm),
        openToday: q.openToday ? 'oui' : '',
        page: String(q.page ?? 1),
      })
      if ('issues' in parsed) throw new ValidationError(parsed.issues)
      const found = await directory.search(req.territory!, parsed.query)
      return {
        items: found.entries.map((e) => ({
          id: e.id,
          name: e.name,
          commune: e.commune,
          families: e.families,
          labels: e.labels,
          salesModes: e.modes,
          distanceKm: e.distanceKm,
          openTodayUntil: e.openUntil,
          point: e.point,
        })),
        total: found.total,
        nextPage: parsed.query.page < found.pages ? parsed.query.page + 1 : null,
      }
    },
  )

  app.get(
    '/api/v1/producers/:id',
    {
      schema: {
        operationId: 'getProducer',
        tags: ['producers'],
        summary: 'A producer with its products and places',
        description:
          'Verified producers for anyone; a pending one for its members and staff only (404 otherwise).',
        params: idParams,
        response: { 200: Type.Ref('Producer'), 404: problems[404] },
      },
      config: { permission: 'public', scope: 'organisations:read' },
    },
    async (req) => present(req.actor, req.territory!, req.params.id),
  )

  app.put(
    '/api/v1/producers/:id',
    {
      schema: {
        operationId: 'replaceProducer',
        tags: ['producers'],
        summary: 'Replace the page of a producer I manage',
        description:
          'Presentation, labels, products and places with their hours, all at once; photos are kept. Only its managers may (404 otherwise). Nothing is written when any part is refused.',
        params: idParams,
        body: ProducerBody,
        response: { 200: Type.Ref('Producer'), ...problems },
      },
      config: { permission: 'session', scope: 'organisations:write' },
    },
    async (req) => {
      const territory = req.territory!
      await producers.managed(req.actor, territory, req.params.id)
      const page = await readBody(req.body, territory)
      await producers.replace(req.actor, territory, req.params.id, page)
      return present(req.actor, territory, req.params.id)
    },
  )

  /** The whole page checked, every issue named by its place in the body; nothing written on any. */
  async function readBody(body: ProducerBody, territory: Territory) {
    const issues: Issue[] = []
    const presentation = checkText(issues, 'presentation', body.presentation ?? '', PRESENTATION_MAX, null)
    const labels = checkLabels(issues, 'labels', body.labels ?? [])
    if ((body.products ?? []).length > PRODUCTS_MAX)
      issues.push({
        field: 'products',
        key: 'producers.error.tooManyProducts',
        params: { max: PRODUCTS_MAX },
      })
    if ((body.places ?? []).length > PLACES_MAX)
      issues.push({ field: 'places', key: 'producers.error.tooManyPlaces', params: { max: PLACES_MAX } })
    const products = (body.products ?? []).flatMap((p, i) => {
      const checked = checkProduct({
        family: p.family,
        name: p.name,
        description: p.description,
        months: p.months ?? [],
        labels: p.labels ?? [],
      })
      issues.push(...prefixed(`products/${i}`, checked.issues))
      return checked.value ? [checked.value] : []
    })
    const places = []
    for (const [i, p] of (body.places ?? []).entries()) {
      const checked = checkPlace({
        mode: p.mode,
        name: p.name,
        address: p.address,
        details: p.details,
        radiusKm: p.radiusKm ?? '',
        hours: (p.hours ?? []).map((h) => ({ day: String(h.weekday), opens: h.opens, closes: h.closes })),
      })
      issues.push(...prefixed(`places/${i}`, checked.issues))
      const commune = await producers.commune(
        territory,
        { insee: p.communeInsee ?? '' },
        issues,
        `places/${i}/communeInsee`,
      )
      if (checked.value && commune) places.push({ input: checked.value, commune })
    }
    if (issues.length > 0) throw new ValidationError(issues)
    return { presentation, labels, products, places }
  }
}
