import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import { translateIssues } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { ProposalRefusal, ProposalService } from './proposal.service.ts'
import { categoriesById } from './ranking.ts'
import { MyProposalsPage, ProposalPage } from './views/ProposalPages.tsx'
import { dispatchPaths } from './views/paths.ts'

const verifiedPage = { permission: 'verified', scope: null } as const
const idParams = Type.Object({ id: Type.String({ maxLength: 200 }) })
const notices = { acceptee: 'dispatch.accepted', declinee: 'dispatch.declined' } as const

/** The volunteer's side: my proposals, one of them, « Je peux aider » and « Je ne peux pas ». */
export async function proposalPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const proposals = new ProposalService(services)

  app.get(dispatchPaths.mine, { config: verifiedPage }, async (req, reply) =>
    sendPage(
      reply,
      MyProposalsPage({ ctx: req.viewContext(), rows: await proposals.mine(req.actor, req.territory!) }),
    ),
  )

  const onePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { message: string; errors: FieldError[]; notice: string | null },
    status = 200,
  ) => {
    const { proposal, listing } = await proposals.view(req.actor, req.territory!, id)
    const category = (await categoriesById(services, req.territory!.id)).get(listing.categoryId)
    const commune = await services.communes.find(req.territory!, listing.communeInsee)
    return sendPage(
      reply,
      ProposalPage({
        ctx: req.viewContext(),
        proposal,
        listing,
        categoryName: category ? localised(category.name, req.locale) : '',
        communeName: commune?.name ?? listing.communeInsee,
        ...extra,
      }),
      status,
    )
  }

  app.get(
    '/mes-propositions/:id',
    {
      schema: {
        params: idParams,
        querystring: Type.Object({ fait: Type.Optional(Type.String({ maxLength: 20 })) }),
      },
      config: verifiedPage,
    },
    (req, reply) => {
      const done = req.query.fait
      const notice = done === 'acceptee' || done === 'declinee' ? req.t(notices[done]) : null
      return onePage(req, reply, req.params.id, { message: '', errors: [], notice })
    },
  )

  /** A refusal (taken, expired, closed) is said on the page with 409, as it happened. */
  const refused = (req: FastifyRequest, reply: FastifyReply, id: string, error: unknown, message = '') => {
    if (!(error instanceof ProposalRefusal)) throw error
    return onePage(
      req,
      reply,
      id,
      { message, errors: [{ field: 'proposal', message: req.t(error.key, error.params) }], notice: null },
      409,
    )
  }

  app.post(
    '/mes-propositions/:id/accepter',
    {
      schema: {
        params: idParams,
        body: Type.Object({ message: Type.Optional(Type.String({ maxLength: 10000 })) }),
      },
      config: verifiedPage,
    },
    async (req, reply) => {
      try {
        const result = await proposals.accept(
          req.actor,
          req.territory!,
          req.params.id,
          req.body.message ?? '',
        )
        if (result.kind === 'invalid')
          return onePage(
            req,
            reply,
            req.params.id,
            { message: req.body.message ?? '', errors: translateIssues(result.issues, req.t), notice: null },
            400,
          )
        return reply.redirect(`${dispatchPaths.one(req.params.id)}?fait=acceptee`, 303)
      } catch (error) {
        return refused(req, reply, req.params.id, error, req.body.message ?? '')
      }
    },
  )

  app.post(
    '/mes-propositions/:id/refuser',
    { schema: { params: idParams }, config: verifiedPage },
    async (req, reply) => {
      try {
        await proposals.decline(req.actor, req.territory!, req.params.id)
        return reply.redirect(`${dispatchPaths.one(req.params.id)}?fait=declinee`, 303)
      } catch (error) {
        return refused(req, reply, req.params.id, error)
      }
    },
  )
}
