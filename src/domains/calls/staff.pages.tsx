import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { CampaignForm, doneQuery, EndForm, idParams, notice, PairForm, RegisterForm } from './calls.http.ts'
import { registerInput, registerValues } from './calls.pages.tsx'
import { CampaignService } from './campaign.service.ts'
import { PairingService } from './pairing.service.ts'
import { RegistrationService } from './registration.service.ts'
import { type CampaignValues, CoordinationPage } from './views/CoordinationPage.tsx'
import { emptyRegister, RegisterPage } from './views/RegisterPage.tsx'

const coordinate = { permission: 'calls:coordinate', scope: null } as const
const intake = { permission: 'phone:intake', scope: null } as const
const root = '/administration/appels'

/** The staff's pages: coordinators pair and run campaigns; agents register people on the phone. */
export async function staffPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const pairings = new PairingService(services)
  const campaigns = new CampaignService(services)
  const registrations = new RegistrationService(services)
  const emptyCampaign: CampaignValues = { title: '', reason: '', commune: '' }

  const overview = async (
    req: FastifyRequest,
    reply: FastifyReply,
    issues: Issue[] = [],
    campaign: CampaignValues = emptyCampaign,
  ) => {
    const view = await pairings.overview(req.actor, req.territory!)
    const errors = translateIssues(issues, req.t)
    const page = CoordinationPage({ ctx: req.viewContext(), view, errors, campaign, notice: notice(req) })
    return sendPage(reply, page, errors.length > 0 ? 400 : 200)
  }

  app.get(root, { schema: { querystring: doneQuery }, config: coordinate }, (req, reply) =>
    overview(req, reply),
  )

  app.post(`${root}/appariements`, { schema: { body: PairForm }, config: coordinate }, async (req, reply) => {
    await pairings.pair(req.actor, req.territory!, req.body.registrationId ?? '', req.body.callerId ?? '')
    return reply.redirect(`${root}?fait=apparie`, 303)
  })

  app.post(
    `${root}/appariements/:id/fin`,
    { schema: { params: idParams, body: EndForm }, config: coordinate },
    async (req, reply) => {
      const result = await pairings.unpair(req.actor, req.territory!, req.params.id, req.body.reason)
      if (result.kind === 'invalid') return overview(req, reply, result.issues)
      return reply.redirect(`${root}?fait=fin`, 303)
    },
  )

  app.post(
    `${root}/campagnes`,
    { schema: { body: CampaignForm }, config: coordinate },
    async (req, reply) => {
      const result = await campaigns.start(req.actor, req.territory!, req.body)
      if (result.kind === 'started')
        return reply.redirect(`/appels-de-convivialite/campagnes/${result.id}?fait=campagne`, 303)
      const typed = {
        title: req.body.title ?? '',
        reason: req.body.reason ?? '',
        commune: req.body.commune ?? '',
      }
      return overview(req, reply, result.issues, typed)
    },
  )

  for (const [segment, how, done] of [
    ['arret', 'stopped', 'arretee'],
    ['terminer', 'finished', 'terminee'],
  ] as const) {
    app.post(
      `${root}/campagnes/:id/${segment}`,
      { schema: { params: idParams }, config: coordinate },
      async (req, reply) => {
        await campaigns.end(req.actor, req.territory!, req.params.id, how)
        return reply.redirect(`/appels-de-convivialite/campagnes/${req.params.id}?fait=${done}`, 303)
      },
    )
  }

  const path = `${root}/inscription`
  app.get(path, { schema: { querystring: doneQuery }, config: intake }, async (req, reply) => {
    const values = { ...emptyRegister, consentWording: req.t('calls.register.agentConsentDefault') }
    const page = RegisterPage({
      ctx: req.viewContext(),
      kind: 'agent',
      action: path,
      values,
      errors: [],
      notice: notice(req),
    })
    return sendPage(reply, page)
  })

  app.post(path, { schema: { body: RegisterForm }, config: intake }, async (req, reply) => {
    const result = await registrations.register(
      req.actor,
      req.territory!,
      'agent',
      registerInput(req.body),
      req.t,
    )
    if (result.kind === 'registered') return reply.redirect(`${path}?fait=inscrit`, 303)
    const errors = translateIssues(result.issues, req.t)
    const page = RegisterPage({
      ctx: req.viewContext(),
      kind: 'agent',
      action: path,
      values: registerValues(req.body),
      errors,
    })
    return sendPage(reply, page, 400)
  })
}
