import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { CallerService } from './caller.service.ts'
import { CallerForm, doneQuery, idParams, notice, OutcomeForm, RegisterForm } from './calls.http.ts'
import type { RegistrantKind } from './calls.schema.ts'
import { type RegisterInput, RegistrationService } from './registration.service.ts'
import { CallerBlocked, CallerPage, type CallerValues } from './views/CallerPage.tsx'
import { MyCallsPage } from './views/MyCallsPage.tsx'
import { PersonCardPage } from './views/PersonCardPage.tsx'
import { emptyRegister, RegisterPage, type RegisterValues } from './views/RegisterPage.tsx'

const verified = { permission: 'verified', scope: null } as const
const home = '/appels-de-convivialite'

export function registerValues(form: RegisterForm): RegisterValues {
  return {
    firstName: form.firstName ?? '',
    lastName: form.lastName ?? '',
    phone: form.phone ?? '',
    commune: form.commune ?? '',
    frequency: form.frequency ?? '',
    preferredTimes: form.preferredTimes ?? '',
    topics: form.topics ?? '',
    language: form.language ?? '',
    consent: form.consent === 'oui',
    consentWording: form.consentWording ?? '',
    mayorRegister: form.mayorRegister === 'oui',
  }
}

export const registerInput = (form: RegisterForm): RegisterInput => ({ ...form }) as RegisterInput

/**
 * A caller whose verification lapsed, or a person who is no caller, gets a page that says why
 * (403) instead of the bare error page.
 */
export async function asCaller(reply: FastifyReply, req: FastifyRequest, run: () => Promise<unknown>) {
  try {
    return await run()
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 403 && error.detail?.startsWith('caller-'))
      return sendPage(reply, CallerBlocked({ ctx: req.viewContext(), why: error.detail }), 403)
    throw error
  }
}

/** The residents' pages (registering, pausing, withdrawing) and the callers' (signing up, calling). */
export async function callsPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const registrations = new RegistrationService(services)
  const callers = new CallerService(services)

  app.get(home, { schema: { querystring: doneQuery }, config: verified }, async (req, reply) => {
    const rows = await registrations.mine(req.actor, req.territory!)
    return sendPage(reply, MyCallsPage({ ctx: req.viewContext(), rows, notice: notice(req) }))
  })

  const forms: [string, RegistrantKind][] = [
    [`${home}/inscription`, 'self'],
    [`${home}/inscription-proche`, 'relative'],
  ]
  for (const [path, kind] of forms) {
    app.get(path, { config: verified }, async (req, reply) => {
      const defaults = kind === 'self' ? await registrations.selfDefaults(req.actor, req.territory!) : {}
      const values = { ...emptyRegister, ...defaults }
      return sendPage(reply, RegisterPage({ ctx: req.viewContext(), kind, action: path, values, errors: [] }))
    })
    app.post(path, { schema: { body: RegisterForm }, config: verified }, async (req, reply) => {
      const result = await registrations.register(
        req.actor,
        req.territory!,
        kind,
        registerInput(req.body),
        req.t,
      )
      if (result.kind === 'registered') return reply.redirect(`${home}?fait=inscrit`, 303)
      const errors = translateIssues(result.issues, req.t)
      const page = RegisterPage({
        ctx: req.viewContext(),
        kind,
        action: path,
        values: registerValues(req.body),
        errors,
      })
      return sendPage(reply, page, 400)
    })
  }

  const changes = [
    ['pause', 'pause'],
    ['reprise', 'resume'],
    ['retrait', 'withdraw'],
  ] as const
  for (const [segment, method] of changes) {
    app.post(
      `${home}/:id/${segment}`,
      { schema: { params: idParams }, config: verified },
      async (req, reply) => {
        await registrations[method](req.actor, req.territory!, req.params.id)
        return reply.redirect(`${home}?fait=${segment}`, 303)
      },
    )
  }

  const callerPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    typed?: { values: CallerValues; issues: Issue[] },
  ) => {
    const access = await callers.access(req.actor, req.territory!)
    const isCaller = access.kind === 'caller'
    const people = isCaller ? await callers.myPeople(req.actor, req.territory!) : []
    const campaigns = isCaller ? await callers.runningCampaigns(req.actor, req.territory!) : []
    const saved = access.caller
    const values: CallerValues = typed?.values ?? {
      languages: saved?.languages ?? ['fr'],
      communes: saved?.communes.join(', ') ?? '',
      availability: saved?.availability ?? '',
      capacity: String(saved?.capacity ?? 3),
    }
    const errors = translateIssues(typed?.issues ?? [], req.t)
    const page = CallerPage({
      ctx: req.viewContext(),
      access,
      people,
      campaigns,
      values,
      errors,
      notice: notice(req),
    })
    const status =
      access.kind === 'unverified' || access.kind === 'lapsed' ? 403 : errors.length > 0 ? 400 : 200
    return sendPage(reply, page, status)
  }

  app.get(`${home}/appelant`, { schema: { querystring: doneQuery }, config: verified }, (req, reply) =>
    callerPage(req, reply),
  )

  app.post(`${home}/appelant`, { schema: { body: CallerForm }, config: verified }, (req, reply) =>
    asCaller(reply, req, async () => {
      const input = {
        languages: req.body.languages ?? [],
        communes: req.body.communes ?? '',
        availability: req.body.availability ?? '',
        capacity: req.body.capacity ?? '',
      }
      const result = await callers.signUp(req.actor, req.territory!, input)
      if (result.kind === 'saved') return reply.redirect(`${home}/appelant?fait=appelant`, 303)
      const values: CallerValues = {
        languages: [input.languages].flat(),
        communes: input.communes,
        availability: input.availability,
        capacity: input.capacity,
      }
      return callerPage(req, reply, { values, issues: result.issues })
    }),
  )

  const card = async (req: FastifyRequest, reply: FastifyReply, id: string, issues: Issue[] = []) => {
    const shown = await callers.card(req.actor, req.territory!, id)
    const errors = translateIssues(issues, req.t)
    const page = PersonCardPage({ ctx: req.viewContext(), card: shown, errors, notice: notice(req) })
    return sendPage(reply, page, errors.length > 0 ? 400 : 200)
  }

  app.get(
    `${home}/personnes/:id`,
    { schema: { params: idParams, querystring: doneQuery }, config: verified },
    (req, reply) => asCaller(reply, req, () => card(req, reply, req.params.id)),
  )

  app.post(
    `${home}/personnes/:id/appel`,
    { schema: { params: idParams, body: OutcomeForm }, config: verified },
    (req, reply) =>
      asCaller(reply, req, async () => {
        const result = await callers.logCall(req.actor, req.territory!, req.params.id, req.body)
        if (result.kind === 'invalid') return card(req, reply, req.params.id, result.issues)
        const done = result.alerted && result.outcome === 'no-answer' ? 'alerte' : result.outcome
        return reply.redirect(`${home}/personnes/${req.params.id}?fait=${done}`, 303)
      }),
  )
}
