import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { MatchRefusal } from '../matches/index.ts'
import { type CaseResult, CaseService } from './case.service.ts'
import { viewReasonOf } from './case.ts'
import { CaseAskService } from './case-ask.service.ts'
import {
  CallForm,
  CloseForm,
  type Done,
  idParams,
  line,
  matchParams,
  NoteForm,
  notice,
  reasonQuery,
  texts,
} from './phone.http.ts'
import { CasePage } from './views/CasePage.tsx'
import { linePaths } from './views/paths.ts'

/** A case's page and every entry on it: calls, notes, decisions for the person, closing, reopening. */
export async function casePages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const cases = new CaseService(services)
  const asks = new CaseAskService(services)
  const path = `${linePaths.queue}/dossiers/:id`

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    options: { issues?: Issue[]; values?: Record<string, string>; refusal?: string; status?: number } = {},
  ) => {
    const motif = (req.query as { motif?: string } | undefined)?.motif
    const view = await cases.page(req.actor, req.territory!, id, viewReasonOf(motif))
    const errors = translateIssues(options.issues ?? [], req.t)
    return sendPage(
      reply,
      CasePage({
        ctx: req.viewContext(),
        view,
        errors,
        values: options.values ?? {},
        notice: notice(req),
        ...(options.refusal ? { refusal: options.refusal } : {}),
      }),
      options.status ?? (errors.length > 0 ? 400 : 200),
    )
  }

  /** After an entry: back to the case saying what was done, or the case again with why not. */
  const after = (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    done: Done,
    result: CaseResult,
    values: Record<string, string> = {},
  ) =>
    result.kind === 'saved'
      ? reply.redirect(`${linePaths.case(id)}?fait=${done}`, 303)
      : show(req, reply, id, { issues: result.issues, values })

  app.get(path, { schema: { params: idParams, querystring: reasonQuery }, config: line }, (req, reply) =>
    show(req, reply, req.params.id),
  )

  app.post(
    `${path}/appel`,
    { schema: { params: idParams, body: CallForm }, config: line },
    async (req, reply) => {
      const values = texts(req.body, ['direction', 'result', 'note'] as const)
      return after(
        req,
        reply,
        req.params.id,
        'appel',
        await cases.logCall(req.actor, req.territory!, req.params.id, values),
        values,
      )
    },
  )

  app.post(
    `${path}/note`,
    { schema: { params: idParams, body: NoteForm }, config: line },
    async (req, reply) => {
      const values = texts(req.body, ['noteText'] as const)
      return after(
        req,
        reply,
        req.params.id,
        'note',
        await cases.addNote(req.actor, req.territory!, req.params.id, values.noteText),
        values,
      )
    },
  )

  for (const [action, done] of [
    ['accepter', 'acceptee'],
    ['decliner', 'declinee'],
  ] as const) {
    app.post(
      `${path}/reponses/:matchId/${action}`,
      { schema: { params: matchParams }, config: line },
      async (req, reply) => {
        const { id, matchId } = req.params
        try {
          const result =
            action === 'accepter'
              ? await asks.accept(req.actor, req.territory!, id, matchId)
              : await asks.decline(req.actor, req.territory!, id, matchId)
          return await after(req, reply, id, done, result)
        } catch (error) {
          // Another agent decided first, or the ask closed meanwhile: said in words on the case.
          if (!(error instanceof MatchRefusal)) throw error
          return show(req, reply, id, { refusal: req.t(error.key, error.params), status: error.statusCode })
        }
      },
    )
  }

  app.post(
    `${path}/cloture`,
    { schema: { params: idParams, body: CloseForm }, config: line },
    async (req, reply) => {
      const values = texts(req.body, ['outcome', 'closingNote'] as const)
      const result = await cases.close(req.actor, req.territory!, req.params.id, {
        outcome: values.outcome,
        note: values.closingNote,
      })
      return after(req, reply, req.params.id, 'clos', result, values)
    },
  )

  app.post(`${path}/reouverture`, { schema: { params: idParams }, config: line }, async (req, reply) => {
    await cases.reopen(req.actor, req.territory!, req.params.id)
    return reply.redirect(`${linePaths.case(req.params.id)}?fait=rouvert`, 303)
  })
}
