import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Commune } from '../../platform/geo/commune.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { formBody } from '../accounts/index.ts'
import { AskDraftService, type PageBody, type TypedPage } from './ask-draft.service.ts'
import type { AskAnswers } from './ask-steps.ts'
import { CHECK_SLUG, firstUnanswered, nextSlug, previousSlug, stepBySlug, stepsFor } from './ask-steps.ts'
import { AskCheckPage, rowOfIssue } from './views/AskCheckPage.tsx'
import { AskStepPage, askQuestions } from './views/AskStepPage.tsx'

const AskPageBody = formBody(
  'categoryId',
  'title',
  'description',
  'commune',
  'whenKind',
  'whenStart-day',
  'whenStart-month',
  'whenStart-year',
  'whenEnd-day',
  'whenEnd-month',
  'whenEnd-year',
  'recurrence',
  'urgency',
  'forWhom',
  'onBehalfName',
  'onBehalfRelation',
  'onBehalfConsent',
  'charter',
  'depuis',
)
const draftParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const stepParams = Type.Object({ id: Type.String({ maxLength: 100 }), step: Type.String({ maxLength: 40 }) })
const fromQuery = Type.Object({ depuis: Type.Optional(Type.String({ maxLength: 20 })) })
const FIRST = stepBySlug('aide')!
const CHOOSE_KIND = '/annonces/nouvelle'
export const askPaths = {
  start: '/annonces/demande',
  step: (id: string, slug: string, fromCheck = false) =>
    `/annonces/demande/${id}/${slug}${fromCheck && slug !== CHECK_SLUG ? '?depuis=verifier' : ''}`,
}

/**
 * An ask one question per page, without JavaScript: the answers wait in a draft on the server
 * (`AskDraftService`), each page posts and moves on, and the check page publishes. Offers and
 * editing keep the full form (listing.pages.tsx).
 */
export async function askPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const drafts = new AskDraftService(services)
  const access = { permission: 'verified', scope: null } as const

  async function categories(req: FastifyRequest) {
    const all = await services.categoryCache.list(req.territory!.id, { activeOnly: true })
    return all.map((c) => ({ id: c.id, name: localised(c.name, req.locale) }))
  }

  async function stepPage(
    req: FastifyRequest,
    slug: keyof typeof askQuestions,
    where: { draftId: string | null; answers: AskAnswers; fromCheck: boolean },
    shown: { typed?: TypedPage; issues?: Issue[]; choices?: Commune[] } = {},
  ) {
    const { draftId, answers, fromCheck } = where
    const step = stepBySlug(slug)!
    const back = draftId
      ? ((s) => (s ? askPaths.step(draftId, s) : CHOOSE_KIND))(previousSlug(step, answers, fromCheck))
      : CHOOSE_KIND
    const { dates, ...typed } = shown.typed ?? {}
    return AskStepPage({
      ctx: req.viewContext(),
      slug,
      action: draftId ? askPaths.step(draftId, slug) : askPaths.start,
      back,
      fromCheck,
      values: { ...answers, ...typed },
      dates,
      errors: translateIssues(shown.issues ?? [], req.t),
      categories: slug === 'aide' ? await categories(req) : [],
      communeChoices: shown.choices ?? [],
    })
  }

  const isQuestion = (slug: string): slug is keyof typeof askQuestions => Object.hasOwn(askQuestions, slug)

  /** The first question, before any draft: « Demander de l'aide » from the home page lands here. */
  app.get('/annonces/nouvelle/demande', { config: access }, async (req, reply) =>
    sendPage(reply, await stepPage(req, 'aide', { draftId: null, answers: {}, fromCheck: false })),
  )

  app.post(askPaths.start, { schema: { body: AskPageBody }, config: access }, async (req, reply) => {
    const result = await drafts.start(req.actor, req.territory!, FIRST, req.body as PageBody)
    if (result.kind === 'saved')
      return reply.redirect(askPaths.step(result.draft.id, nextSlug(FIRST, result.draft.answers, false)), 303)
    const page = await stepPage(req, 'aide', { draftId: null, answers: {}, fromCheck: false }, result)
    return sendPage(reply, page, 400)
  })

  app.get(
    `${askPaths.start}/:id/${CHECK_SLUG}`,
    { schema: { params: draftParams }, config: access },
    async (req, reply) => {
      const draft = await drafts.find(req.actor, req.territory!, req.params.id)
      const missing = firstUnanswered(draft.answers)
      if (missing) return reply.redirect(askPaths.step(draft.id, missing.slug), 303)
      return sendPage(reply, await checkPage(req, draft.id, draft.answers, [], false))
    },
  )

  async function checkPage(
    req: FastifyRequest,
    id: string,
    answers: AskAnswers,
    issues: Issue[],
    charter: boolean,
  ) {
    const category = answers.categoryId
      ? await services.categoryCache.find(req.territory!.id, answers.categoryId)
      : null
    const errors = translateIssues(issues, req.t).map((e) => ({
      ...e,
      field: rowOfIssue[e.field] ?? e.field,
    }))
    return AskCheckPage({
      ctx: req.viewContext(),
      draftId: id,
      answers,
      categoryName: category ? localised(category.name, req.locale) : '',
      back: askPaths.step(id, previousSlug('check', answers, false)!),
      errors,
      charter,
    })
  }

  app.post(
    `${askPaths.start}/:id/publier`,
    { schema: { params: draftParams, body: AskPageBody }, config: access },
    async (req, reply) => {
      const territory = req.territory!
      const charter = req.body.charter !== undefined
      const result = await drafts.publish(req.actor, territory, req.params.id, charter)
      if (result.kind === 'saved') {
        const fait = result.listing.status === 'published' ? '?fait=publiee' : '?fait=relue'
        return reply.redirect(`/annonces/${result.listing.id}${fait}`, 303)
      }
      const draft = await drafts.find(req.actor, territory, req.params.id)
      return sendPage(reply, await checkPage(req, draft.id, draft.answers, result.issues, charter), 400)
    },
  )

  app.get(
    `${askPaths.start}/:id/:step`,
    { schema: { params: stepParams, querystring: fromQuery }, config: access },
    async (req, reply) => {
      const draft = await drafts.find(req.actor, req.territory!, req.params.id)
      const slug = req.params.step
      const step = stepBySlug(slug)
      if (!isQuestion(slug) || !step || !stepsFor(draft.answers).includes(step))
        return reply.redirect(
          askPaths.step(draft.id, firstUnanswered(draft.answers)?.slug ?? CHECK_SLUG),
          303,
        )
      const where = { draftId: draft.id, answers: draft.answers, fromCheck: req.query.depuis === CHECK_SLUG }
      return sendPage(reply, await stepPage(req, slug, where))
    },
  )

  app.post(
    `${askPaths.start}/:id/:step`,
    { schema: { params: stepParams, body: AskPageBody }, config: access },
    async (req, reply) => {
      const territory = req.territory!
      const slug = req.params.step
      const step = stepBySlug(slug)
      const draft = await drafts.find(req.actor, territory, req.params.id)
      if (!isQuestion(slug) || !step || !stepsFor(draft.answers).includes(step))
        return reply.redirect(
          askPaths.step(draft.id, firstUnanswered(draft.answers)?.slug ?? CHECK_SLUG),
          303,
        )
      const fromCheck = req.body.depuis === CHECK_SLUG
      const result = await drafts.answer(req.actor, territory, draft.id, step, req.body as PageBody)
      if (result.kind === 'saved') {
        const next = nextSlug(step, result.draft.answers, fromCheck)
        return reply.redirect(askPaths.step(draft.id, next, fromCheck && next !== CHECK_SLUG), 303)
      }
      const where = { draftId: draft.id, answers: draft.answers, fromCheck }
      return sendPage(reply, await stepPage(req, slug, where, result), 400)
    },
  )
}
