import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { localPathOr } from '../../../platform/http/local-path.ts'
import { HttpError } from '../../../platform/http/problem.ts'
import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import type { AppServices } from '../../../platform/services.ts'
import { translateIssues, ValidationError } from '../../../platform/validation.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../../platform/views/render.ts'
import { elevateSession } from '../sessions/privilege-sessions.ts'
import { SecondFactorService } from './second-factor.service.ts'
import { RecoveryCodesPage } from './views/RecoveryCodesPage.tsx'
import { SecondFactorPage } from './views/SecondFactorPage.tsx'
import { SecurityPage } from './views/SecurityPage.tsx'

const config = { permission: 'session' as const, scope: null }
const Retour = Type.Optional(Type.String({ maxLength: 2000 }))
const CodeForm = Type.Object({ code: Type.String({ maxLength: 100 }), retour: Retour })

/** Where to go once done: the page the person was sent from, else their area. */
function nextPath(req: FastifyRequest, retour: string | undefined): string {
  const path = localPathOr(retour)
  if (path !== '/') return path
  return (req.actor?.roles.length ?? 0) > 0 ? '/administration' : '/compte'
}

function fieldErrors(req: FastifyRequest, error: unknown): FieldError[] {
  if (error instanceof ValidationError) return translateIssues(error.issues, req.t)
  throw error
}

export async function secondFactorPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const secondFactor = new SecondFactorService(services)

  const showSecurity = async (
    req: FastifyRequest,
    reply: FastifyReply,
    retour: string | undefined,
    errors: FieldError[] = [],
    sealed?: string,
  ) => {
    const ctx = req.viewContext()
    const status = await secondFactor.status(req.actor)
    const state = status.enabledAt
      ? {
          kind: 'enabled' as const,
          since: formatDateTime(status.enabledAt, req.locale),
          unusedCodes: status.unusedCodes,
        }
      : { kind: 'enrol' as const, enrolment: await secondFactor.enrolment(req.actor, req.territory!, sealed) }
    const page = SecurityPage({ ctx, retour: localPathOr(retour), errors, state })
    return sendPage(reply, page, errors.length > 0 ? 400 : 200)
  }

  app.get(
    '/compte/securite',
    { schema: { querystring: Type.Object({ retour: Retour }) }, config },
    (req, reply) => showSecurity(req, reply, req.query.retour),
  )

  app.post(
    '/compte/securite',
    {
      schema: { body: Type.Object({ cle: Type.String({ maxLength: 1000 }), ...CodeForm.properties }) },
      config,
    },
    async (req, reply) => {
      const { cle, code, retour } = req.body
      try {
        const codes = await secondFactor.confirm(req.actor, req.territory!, cle, code)
        await elevateSession(req, reply, services)
        return sendPage(
          reply,
          RecoveryCodesPage({ ctx: req.viewContext(), codes, next: nextPath(req, retour) }),
        )
      } catch (error) {
        if (error instanceof HttpError && error.statusCode === 409)
          return reply.redirect('/compte/securite', 303)
        return showSecurity(req, reply, retour, fieldErrors(req, error), cle)
      }
    },
  )

  app.post(
    '/compte/securite/codes-de-secours',
    { schema: { body: CodeForm }, config },
    async (req, reply) => {
      try {
        const codes = await secondFactor.renewCodes(req.actor, req.body.code)
        return sendPage(
          reply,
          RecoveryCodesPage({ ctx: req.viewContext(), codes, next: nextPath(req, req.body.retour) }),
        )
      } catch (error) {
        return showSecurity(req, reply, req.body.retour, fieldErrors(req, error))
      }
    },
  )

  /** Accounts without a key are sent to set one up; a session that already gave it goes on. */
  const detour = (req: FastifyRequest, reply: FastifyReply, retour: string | undefined) => {
    if (req.actor?.secondFactor) return reply.redirect(nextPath(req, retour), 303)
    if (!req.actor?.hasTotp)
      return reply.redirect(`/compte/securite?retour=${encodeURIComponent(localPathOr(retour))}`, 303)
    return null
  }

  app.get(
    '/connexion/second-facteur',
    { schema: { querystring: Type.Object({ retour: Retour }) }, config },
    async (req, reply) =>
      detour(req, reply, req.query.retour) ??
      sendPage(
        reply,
        SecondFactorPage({ ctx: req.viewContext(), retour: localPathOr(req.query.retour), errors: [] }),
      ),
  )

  app.post('/connexion/second-facteur', { schema: { body: CodeForm }, config }, async (req, reply) => {
    const { code, retour } = req.body
    const away = detour(req, reply, retour)
    if (away) return away
    try {
      await secondFactor.verify(req.actor, req.territory!, code)
    } catch (error) {
      const errors = fieldErrors(req, error)
      const page = SecondFactorPage({ ctx: req.viewContext(), retour: localPathOr(retour), errors })
      return sendPage(reply, page, 400)
    }
    await elevateSession(req, reply, services)
    return reply.redirect(nextPath(req, retour), 303)
  })
}
