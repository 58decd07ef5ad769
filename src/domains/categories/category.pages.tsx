import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues, ValidationError } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { CategoryService } from './category.service.ts'
import type { Category, CategoryInput } from './category.ts'
import { CategoriesPage } from './views/CategoriesPage.tsx'
import { CategoryFormPage } from './views/CategoryFormPage.tsx'

const manage = { permission: 'category:manage' as const, scope: null }
const Params = Type.Object({ id: Type.String({ maxLength: 100 }) })
const text = Type.Optional(Type.String({ maxLength: 5000 }))
/** Loose on purpose: the use case checks the rules, so bad input comes back as a form with its errors. */
const Form = Type.Object({
  nameFr: text,
  nameEn: text,
  descriptionFr: text,
  descriptionEn: text,
  guidanceFr: text,
  guidanceEn: text,
  icon: text,
  crisis: text,
  needsVerifiedVolunteer: text,
})

function toInput(form: Static<typeof Form>): CategoryInput {
  const clean = (s: string | undefined) => (s ?? '').trim()
  return {
    nameFr: clean(form.nameFr),
    nameEn: clean(form.nameEn),
    descriptionFr: clean(form.descriptionFr),
    descriptionEn: clean(form.descriptionEn),
    guidanceFr: clean(form.guidanceFr),
    guidanceEn: clean(form.guidanceEn),
    icon: clean(form.icon),
    crisis: form.crisis === 'oui',
    needsVerifiedVolunteer: form.needsVerifiedVolunteer === 'oui',
  }
}

function valuesOf(c: Category): CategoryInput {
  return {
    nameFr: c.name.fr,
    nameEn: c.name.en ?? '',
    descriptionFr: c.description.fr,
    descriptionEn: c.description.en ?? '',
    guidanceFr: c.guidance.fr,
    guidanceEn: c.guidance.en ?? '',
    icon: c.icon,
    crisis: c.crisis,
    needsVerifiedVolunteer: c.needsVerifiedVolunteer,
  }
}

const EMPTY: CategoryInput = {
  ...valuesOf({
    name: { fr: '', en: '' },
    description: { fr: '', en: '' },
    guidance: { fr: '', en: '' },
  } as Category),
  icon: 'heart',
  crisis: false,
  needsVerifiedVolunteer: false,
}

const MOVES = [
  ['monter', 'up'],
  ['descendre', 'down'],
] as const
const SWITCHES = [
  ['activer', true],
  ['desactiver', false],
] as const

/** The administration of a territory's categories; every change is a POST and redirects to the list. */
export async function categoryPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const categories = new CategoryService(services)
  const backToList = '/administration/categories?enregistre=1'

  app.get(
    '/administration/categories',
    {
      schema: { querystring: Type.Object({ enregistre: Type.Optional(Type.String({ maxLength: 5 })) }) },
      config: manage,
    },
    async (req, reply) => {
      const list = await categories.manageList(req.actor, req.territory!)
      return sendPage(
        reply,
        CategoriesPage({ ctx: req.viewContext(), categories: list, saved: !!req.query.enregistre }),
      )
    },
  )

  app.get('/administration/categories/nouvelle', { config: manage }, async (req, reply) => {
    await categories.manageList(req.actor, req.territory!)
    return sendPage(reply, CategoryFormPage({ ctx: req.viewContext(), values: EMPTY, errors: [] }))
  })

  app.post('/administration/categories', { schema: { body: Form }, config: manage }, async (req, reply) => {
    const values = toInput(req.body)
    try {
      await categories.create(req.actor, req.territory!, values)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const errors = translateIssues(error.issues, req.t)
      return sendPage(reply, CategoryFormPage({ ctx: req.viewContext(), values, errors }), 400)
    }
    return reply.redirect(backToList, 303)
  })

  app.get(
    '/administration/categories/:id',
    { schema: { params: Params }, config: manage },
    async (req, reply) => {
      const category = await categories.manageFind(req.actor, req.territory!, req.params.id)
      return sendPage(
        reply,
        CategoryFormPage({
          ctx: req.viewContext(),
          id: category.id,
          savedName: category.name.fr,
          values: valuesOf(category),
          errors: [],
        }),
      )
    },
  )

  app.post(
    '/administration/categories/:id',
    { schema: { params: Params, body: Form }, config: manage },
    async (req, reply) => {
      const values = toInput(req.body)
      try {
        await categories.update(req.actor, req.territory!, req.params.id, values)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        const category = await categories.manageFind(req.actor, req.territory!, req.params.id)
        const errors = translateIssues(error.issues, req.t)
        const page = CategoryFormPage({
          ctx: req.viewContext(),
          id: category.id,
          savedName: category.name.fr,
          values,
          errors,
        })
        return sendPage(reply, page, 400)
      }
      return reply.redirect(backToList, 303)
    },
  )

  for (const [path, direction] of MOVES) {
    app.post(
      `/administration/categories/:id/${path}`,
      { schema: { params: Params }, config: manage },
      async (req, reply) => {
        await categories.move(req.actor, req.territory!, req.params.id, direction)
        return reply.redirect('/administration/categories', 303)
      },
    )
  }

  for (const [path, active] of SWITCHES) {
    app.post(
      `/administration/categories/:id/${path}`,
      { schema: { params: Params }, config: manage },
      async (req, reply) => {
        await categories.setActive(req.actor, req.territory!, req.params.id, active)
        return reply.redirect(backToList, 303)
      },
    )
  }
}
