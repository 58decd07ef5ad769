import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import { isUuid, translateIssues } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { coordinator } from './access.ts'
import { PlanService } from './plan.service.ts'
import { ProposalService } from './proposal.service.ts'
import { categoriesById } from './ranking.ts'
import { whyInWords } from './reasons.ts'
import { SuggestionService } from './suggestion.service.ts'
import { UnansweredService } from './unanswered.service.ts'
import { PlanPage } from './views/PlanPage.tsx'
import { dispatchPaths } from './views/paths.ts'
import { SuggestionsPage } from './views/SuggestionsPage.tsx'
import { UnansweredPage } from './views/UnansweredPage.tsx'

const dispatch = { permission: 'volunteers:dispatch', scope: null } as const
const text = Type.Optional(Type.String({ maxLength: 2000 }))
const ids = Type.Optional(
  Type.Union([
    Type.String({ maxLength: 100 }),
    Type.Array(Type.String({ maxLength: 100 }), { maxItems: 2000 }),
  ]),
)
const idParams = Type.Object({ id: Type.String({ maxLength: 200 }) })
const INSEE = /^(\d{5}|2[AB]\d{3})$/

/** The coordinators' pages: the asks without answer, one ask's suggestions, and bulk plans. */
export async function dispatchPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const unanswered = new UnansweredService(services)
  const suggestions = new SuggestionService(services)
  const plans = new PlanService(services)
  const proposals = new ProposalService(services)

  const listPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    query: { categorie?: string | undefined; commune?: string | undefined; delai?: string | undefined },
    delay: { value: string; errors: FieldError[] } = { value: '', errors: [] },
  ) => {
    coordinator(req.actor, 'dispatch:read')
    const territory = req.territory!
    const categories = await categoriesById(services, territory.id)
    // A filter that names nothing of this territory is dropped rather than refused: the list stays useful.
    const category = query.categorie && categories.has(query.categorie) ? query.categorie : ''
    const commune = query.commune && INSEE.test(query.commune.trim()) ? query.commune.trim() : ''
    const rows = await unanswered.list(req.actor, territory, req.locale, {
      categoryId: category || undefined,
      communeInsee: commune || undefined,
    })
    return sendPage(
      reply,
      UnansweredPage({
        ctx: req.viewContext(),
        rows,
        delayHours: territory.dispatchDelayHours,
        categories: [...categories.values()].map((c) => ({
          value: c.id,
          label: localised(c.name, req.locale),
        })),
        filters: { category, commune },
        delay,
        notice: query.delai !== undefined ? req.t('dispatch.delay.saved') : null,
      }),
      delay.errors.length > 0 ? 400 : 200,
    )
  }

  app.get(
    dispatchPaths.list,
    {
      schema: { querystring: Type.Object({ categorie: text, commune: text, delai: text }) },
      config: dispatch,
    },
    (req, reply) => listPage(req, reply, req.query),
  )

  app.post(
    dispatchPaths.delay,
    { schema: { body: Type.Object({ delay: text }) }, config: dispatch },
    async (req, reply) => {
      const result = await unanswered.setDelay(req.actor, req.territory!, req.body.delay ?? '')
      if (result.kind === 'invalid')
        return listPage(
          req,
          reply,
          {},
          { value: req.body.delay ?? '', errors: translateIssues(result.issues, req.t) },
        )
      return reply.redirect(`${dispatchPaths.list}?delai=1`, 303)
    },
  )

  const askPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors: FieldError[]; checked: string[]; notice: string | null },
  ) => {
    const found = await suggestions.forAsk(req.actor, req.territory!, id, req.locale)
    return sendPage(
      reply,
      SuggestionsPage({ ctx: req.viewContext(), ...found, ...extra }),
      extra.errors.length > 0 ? 400 : 200,
    )
  }

  app.get(
    '/administration/demandes-sans-reponse/:id',
    { schema: { params: idParams, querystring: Type.Object({ envoyees: text }) }, config: dispatch },
    async (req, reply) => {
      const sent = Number(req.query.envoyees)
      const notice =
        req.query.envoyees === undefined || !Number.isInteger(sent)
          ? null
          : sent === 0
            ? req.t('dispatch.suggest.sent.none')
            : sent === 1
              ? req.t('dispatch.suggest.sent.one')
              : req.t('dispatch.suggest.sent.many', { count: sent })
      return askPage(req, reply, req.params.id, { errors: [], checked: [], notice })
    },
  )

  app.post(
    '/administration/demandes-sans-reponse/:id/propositions',
    { schema: { params: idParams, body: Type.Object({ volunteers: ids }) }, config: dispatch },
    async (req, reply) => {
      const result = await proposals.propose(req.actor, req.territory!, req.params.id, req.body.volunteers)
      if (result.kind === 'invalid') {
        const checked = [req.body.volunteers ?? []].flat().filter(isUuid)
        return askPage(req, reply, req.params.id, {
          errors: translateIssues(result.issues, req.t).map((e) => ({ ...e, field: 'volunteers' })),
          checked,
          notice: null,
        })
      }
      return reply.redirect(`${dispatchPaths.ask(req.params.id)}?envoyees=${result.count}`, 303)
    },
  )

  app.post(dispatchPaths.plans, { config: dispatch }, async (req, reply) => {
    const id = await plans.create(req.actor, req.territory!)
    return reply.redirect(dispatchPaths.plan(id), 303)
  })

  const planPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors: FieldError[]; notice: string | null },
  ) => {
    const found = await plans.view(req.actor, req.territory!, id)
    const categories = await categoriesById(services, req.territory!.id)
    const rows = found.pairs.map((p) => {
      const listing = found.listings.get(p.listingId)
      const volunteer = found.volunteers.get(p.volunteerId)
      const category = listing && categories.get(listing.categoryId)
      const points = (c: string) => p.parts.find((x) => x.criterion === c)?.points ?? 0
      return {
        listingId: p.listingId,
        askTitle: listing?.title ?? '—',
        volunteerName: volunteer?.candidate.displayName ?? '—',
        distanceKm: p.distanceKm,
        score: p.score,
        why: whyInWords(
          req.t,
          {
            distanceKm: p.distanceKm,
            radiusKm: volunteer?.candidate.radiusKm ?? 10,
            categoryMatch: points('category') > 0,
            availabilityShare: null,
            verified: points('verified') > 0,
            openMatches: Number(p.parts.find((x) => x.criterion === 'load')?.value ?? 0),
            answerRate: volunteer?.responsiveness?.answerRate ?? null,
            medianAnswerHours: volunteer?.responsiveness?.medianAnswerHours ?? null,
            languageMatch: points('language') > 0,
          },
          {
            categoryName: category ? localised(category.name, req.locale) : '',
            freeHalfDays: [],
            language: 'fr',
          },
        ).join(' · '),
        removed: p.removed,
      }
    })
    const map = found.pairs.flatMap((p) => {
      const listing = found.listings.get(p.listingId)
      const commune = found.volunteers.get(p.volunteerId)?.commune
      return listing && commune
        ? [
            {
              ask: { latitude: listing.latitude, longitude: listing.longitude, label: listing.title },
              volunteer: { latitude: commune.latitude, longitude: commune.longitude, label: commune.name },
            },
          ]
        : []
    })
    return sendPage(
      reply,
      PlanPage({
        ctx: req.viewContext(),
        planId: found.plan.id,
        figures: found.plan.figures,
        sentAt: found.plan.sentAt,
        rows,
        map,
        unplaced: found.unplaced.map((u) => ({ listingId: u.id, title: u.title })),
        ...extra,
      }),
      extra.errors.length > 0 ? 400 : 200,
    )
  }

  app.get(
    '/administration/demandes-sans-reponse/repartition/:id',
    { schema: { params: idParams, querystring: Type.Object({ envoyee: text }) }, config: dispatch },
    (req, reply) =>
      planPage(req, reply, req.params.id, {
        errors: [],
        notice:
          req.query.envoyee === undefined
            ? null
            : req.t('dispatch.plan.sentNow', { count: Number(req.query.envoyee) || 0 }),
      }),
  )

  app.post(
    '/administration/demandes-sans-reponse/repartition/:id/envoyer',
    { schema: { params: idParams, body: Type.Object({ remove: ids }) }, config: dispatch },
    async (req, reply) => {
      const result = await plans.send(req.actor, req.territory!, req.params.id, req.body.remove)
      if (result.kind === 'invalid')
        return planPage(req, reply, req.params.id, {
          errors: translateIssues(result.issues, req.t),
          notice: null,
        })
      return reply.redirect(`${dispatchPaths.plan(req.params.id)}?envoyee=${result.count}`, 303)
    },
  )
}
