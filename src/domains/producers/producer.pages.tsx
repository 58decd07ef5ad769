import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Commune } from '../../platform/geo/commune.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import {
  emptyPlace,
  emptyProduct,
  list,
  type PlaceForm as PlaceBody,
  PlaceForm,
  type PlaceFormValues,
  ProductForm,
  type ProductFormValues,
  ProfileForm,
  placeValues,
  productValues,
  valuesOfPlace,
  valuesOfProduct,
} from './producer.form.ts'
import { ProducerService } from './producer.service.ts'
import { checkPlace, checkProduct } from './producer.ts'
import { PlaceFormPage } from './views/PlaceFormPage.tsx'
import { ProducerManagePage } from './views/ProducerManagePage.tsx'
import { ProductFormPage } from './views/ProductFormPage.tsx'

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const itemParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  itemId: Type.String({ maxLength: 100 }),
})
const doneQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) })
const signedIn = { permission: 'session' as const, scope: null }

/** ?fait=… after a redirect: which confirmation to show, from a fixed list. */
const notices = {
  enregistre: 'producers.notice.saved',
  retire: 'producers.notice.removed',
  photo: 'producers.notice.photo',
} as const satisfies Record<string, MessageKey>
export function producerNotice(req: FastifyRequest): string | undefined {
  const key = (req.query as { fait?: string } | undefined)?.fait
  return key && Object.hasOwn(notices, key) ? req.t(notices[key as keyof typeof notices]) : undefined
}

const hoursOf = (b: PlaceBody) => placeValues(b).hours

/** A producer's management pages, for its managers: presentation, products, places and hours. */
export async function producerPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const producers = new ProducerService(services)
  const root = '/organisations/:id/producteur'
  const back = (id: string, done: keyof typeof notices) => `/organisations/${id}/producteur?fait=${done}`

  /** The management page, with the profile form as typed when it was refused. */
  async function managePage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    refused?: { presentation: string; labels: string[]; issues: Issue[] },
  ) {
    const view = await producers.page(req.actor, req.territory!, id)
    const places = await Promise.all(
      view.places.map(async (p) => ({
        ...p,
        communeName: (await services.communes.find(req.territory!, p.communeInsee))?.name ?? p.communeInsee,
      })),
    )
    return sendPage(
      reply,
      ProducerManagePage({
        ctx: req.viewContext(),
        organisation: view.organisation,
        presentation: refused?.presentation ?? view.profile?.presentation ?? '',
        labels: refused?.labels ?? view.profile?.labels ?? [],
        products: view.products,
        places,
        photos: view.photos,
        errors: translateIssues(refused?.issues ?? [], req.t),
        notice: producerNotice(req),
      }),
      refused ? 400 : 200,
    )
  }

  app.get(root, { schema: { params: idParams, querystring: doneQuery }, config: signedIn }, (req, reply) =>
    managePage(req, reply, req.params.id),
  )

  app.post(
    root,
    { schema: { params: idParams, body: ProfileForm }, config: signedIn },
    async (req, reply) => {
      const labels = list(req.body.labels)
      const result = await producers.saveProfile(req.actor, req.territory!, req.params.id, {
        presentation: req.body.presentation ?? '',
        labels,
      })
      if (result.kind === 'saved') return reply.redirect(back(result.id, 'enregistre'), 303)
      return managePage(req, reply, req.params.id, {
        presentation: req.body.presentation ?? '',
        labels,
        issues: result.issues,
      })
    },
  )

  // Products

  const productPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    productId: string | null,
    values: ProductFormValues | null,
    issues: Issue[],
  ) => {
    const { id } = req.params as { id: string }
    const view = await producers.page(req.actor, req.territory!, id)
    const product = productId ? view.products.find((p) => p.id === productId) : null
    if (productId && !product) throw notFound()
    const page = ProductFormPage({
      ctx: req.viewContext(),
      organisation: view.organisation,
      productId,
      values: values ?? (product ? valuesOfProduct(product) : emptyProduct),
      errors: translateIssues(issues, req.t),
    })
    return sendPage(reply, page, issues.length > 0 ? 400 : 200)
  }
  const readProduct = (body: ProductForm) =>
    checkProduct({ ...productValues(body), months: list(body.months), labels: list(body.labels) })

  app.get(`${root}/produits/nouveau`, { schema: { params: idParams }, config: signedIn }, (req, reply) =>
    productPage(req, reply, null, null, []),
  )
  app.post(
    `${root}/produits/nouveau`,
    { schema: { params: idParams, body: ProductForm }, config: signedIn },
    async (req, reply) => {
      await producers.managed(req.actor, req.territory!, req.params.id)
      const { value, issues } = readProduct(req.body)
      const result = value
        ? await producers.addProduct(req.actor, req.territory!, req.params.id, value)
        : ({ kind: 'invalid', issues } as const)
      if (result.kind === 'saved') return reply.redirect(back(req.params.id, 'enregistre'), 303)
      return productPage(req, reply, null, productValues(req.body), result.issues)
    },
  )
  app.get(`${root}/produits/:itemId`, { schema: { params: itemParams }, config: signedIn }, (req, reply) =>
    productPage(req, reply, req.params.itemId, null, []),
  )
  app.post(
    `${root}/produits/:itemId`,
    { schema: { params: itemParams, body: ProductForm }, config: signedIn },
    async (req, reply) => {
      await producers.managed(req.actor, req.territory!, req.params.id)
      const { value, issues } = readProduct(req.body)
      if (!value) return productPage(req, reply, req.params.itemId, productValues(req.body), issues)
      await producers.editProduct(req.actor, req.territory!, req.params.id, req.params.itemId, value)
      return reply.redirect(back(req.params.id, 'enregistre'), 303)
    },
  )
  for (const [path, run] of [
    [
      'retirer',
      (req: FastifyRequest, id: string, item: string) =>
        producers.removeProduct(req.actor, req.territory!, id, item),
    ],
    [
      'monter',
      (req: FastifyRequest, id: string, item: string) =>
        producers.moveProduct(req.actor, req.territory!, id, item, true),
    ],
    [
      'descendre',
      (req: FastifyRequest, id: string, item: string) =>
        producers.moveProduct(req.actor, req.territory!, id, item, false),
    ],
  ] as const) {
    app.post(
      `${root}/produits/:itemId/${path}`,
      { schema: { params: itemParams }, config: signedIn },
      async (req, reply) => {
        await run(req, req.params.id, req.params.itemId)
        return reply.redirect(back(req.params.id, path === 'retirer' ? 'retire' : 'enregistre'), 303)
      },
    )
  }

  // Places and their hours

  const placePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    placeId: string | null,
    values: PlaceFormValues | null,
    issues: Issue[],
  ) => {
    const { id } = req.params as { id: string }
    const view = await producers.page(req.actor, req.territory!, id)
    const place = placeId ? view.places.find((p) => p.id === placeId) : null
    if (placeId && !place) throw notFound()
    const commune = place ? await services.communes.find(req.territory!, place.communeInsee) : null
    const page = PlaceFormPage({
      ctx: req.viewContext(),
      organisation: view.organisation,
      placeId,
      values: values ?? (place ? valuesOfPlace(place, commune) : emptyPlace()),
      errors: translateIssues(issues, req.t),
    })
    return sendPage(reply, page, issues.length > 0 ? 400 : 200)
  }
  /** The place checked, and its commune resolved, or every issue at once. */
  const readPlace = async (req: FastifyRequest, body: PlaceBody) => {
    const values = placeValues(body)
    const { value, issues } = checkPlace({
      ...values,
      hours: hoursOf(body).map((h) => ({ day: h.day, opens: h.opens, closes: h.closes })),
    })
    const commune: Commune | null = await producers.commune(req.territory!, { text: values.commune }, issues)
    return value && commune && issues.length === 0
      ? { value, commune, issues }
      : { value: null, commune: null, issues }
  }

  app.get(`${root}/lieux/nouveau`, { schema: { params: idParams }, config: signedIn }, (req, reply) =>
    placePage(req, reply, null, null, []),
  )
  app.post(
    `${root}/lieux/nouveau`,
    { schema: { params: idParams, body: PlaceForm }, config: signedIn },
    async (req, reply) => {
      await producers.managed(req.actor, req.territory!, req.params.id)
      const body = req.body as PlaceBody
      const { value, commune, issues } = await readPlace(req, body)
      const result =
        value && commune
          ? await producers.addPlace(req.actor, req.territory!, req.params.id, value, commune)
          : ({ kind: 'invalid', issues } as const)
      if (result.kind === 'saved') return reply.redirect(back(req.params.id, 'enregistre'), 303)
      return placePage(req, reply, null, placeValues(body), result.issues)
    },
  )
  app.get(`${root}/lieux/:itemId`, { schema: { params: itemParams }, config: signedIn }, (req, reply) =>
    placePage(req, reply, req.params.itemId, null, []),
  )
  app.post(
    `${root}/lieux/:itemId`,
    { schema: { params: itemParams, body: PlaceForm }, config: signedIn },
    async (req, reply) => {
      await producers.managed(req.actor, req.territory!, req.params.id)
      const body = req.body as PlaceBody
      const { value, commune, issues } = await readPlace(req, body)
      if (!value || !commune) return placePage(req, reply, req.params.itemId, placeValues(body), issues)
      await producers.editPlace(req.actor, req.territory!, req.params.id, req.params.itemId, value, commune)
      return reply.redirect(back(req.params.id, 'enregistre'), 303)
    },
  )
  app.post(
    `${root}/lieux/:itemId/retirer`,
    { schema: { params: itemParams }, config: signedIn },
    async (req, reply) => {
      await producers.removePlace(req.actor, req.territory!, req.params.id, req.params.itemId)
      return reply.redirect(back(req.params.id, 'retire'), 303)
    },
  )
}
