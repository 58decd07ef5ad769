import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../platform/auth/actor.ts'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { CaseService } from './case.service.ts'
import { PersonService } from './person.service.ts'
import { doneQuery, idParams, line, notice, SearchForm, SettingsForm, texts } from './phone.http.ts'
import { QueueService } from './queue.service.ts'
import { linePaths } from './views/paths.ts'
import { QueuePage, type SearchView } from './views/QueuePage.tsx'
import { SettingsPage } from './views/SettingsPage.tsx'

const configure = { permission: 'helpline:configure', scope: null } as const
const emptySearch: SearchView = {
  values: { name: '', phone: '', commune: '', reason: '' },
  errors: [],
  people: null,
}

/** The queue, the search (by POST: no name lands in an address or a log), and the line's settings. */
export async function queuePages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const queue = new QueueService(services)
  const people = new PersonService(services)
  const cases = new CaseService(services)

  const home = async (req: FastifyRequest, reply: FastifyReply, search: SearchView, status = 200) => {
    const items = await queue.queue(req.actor, req.territory!)
    const settings = await queue.settings(req.territory!.id)
    return sendPage(
      reply,
      QueuePage({
        ctx: req.viewContext(),
        items,
        search,
        canConfigure: can(req.actor, 'helpline:configure'),
        delayHours: settings.unansweredAfterHours,
        notice: notice(req),
      }),
      status,
    )
  }

  app.get(linePaths.queue, { schema: { querystring: doneQuery }, config: line }, (req, reply) =>
    home(req, reply, emptySearch),
  )

  app.post(linePaths.search, { schema: { body: SearchForm }, config: line }, async (req, reply) => {
    const values = texts(req.body, ['name', 'phone', 'commune', 'reason'] as const)
    const result = await people.search(req.actor, req.territory!, values)
    if (result.kind === 'invalid')
      return home(req, reply, { values, errors: translateIssues(result.issues, req.t), people: null }, 400)
    const found = await Promise.all(
      result.people.map(async (p) => ({
        id: p.id,
        name: `${p.firstName} ${p.lastName}`,
        communeName: (await services.communes.find(req.territory!, p.communeInsee))?.name ?? p.communeInsee,
      })),
    )
    return home(req, reply, { values, errors: [], people: found })
  })

  // The listing page's link for agents: the case that follows a relayed ask.
  app.get(
    `${linePaths.queue}/annonces/:id`,
    { schema: { params: idParams }, config: line },
    async (req, reply) =>
      reply.redirect(linePaths.case(await cases.ofListing(req.actor, req.territory!, req.params.id)), 303),
  )

  const settingsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    typed?: { delay: string; consentWording: string },
    issues: Issue[] = [],
  ) => {
    const current = await queue.settings(req.territory!.id)
    const values = typed ?? {
      delay: String(current.unansweredAfterHours),
      consentWording: current.consentWording,
    }
    const errors = translateIssues(issues, req.t)
    return sendPage(
      reply,
      SettingsPage({ ctx: req.viewContext(), values, errors, notice: notice(req) }),
      errors.length > 0 ? 400 : 200,
    )
  }
  app.get(linePaths.settings, { schema: { querystring: doneQuery }, config: configure }, (req, reply) =>
    settingsPage(req, reply),
  )
  app.post(linePaths.settings, { schema: { body: SettingsForm }, config: configure }, async (req, reply) => {
    const values = texts(req.body, ['delay', 'consentWording'] as const)
    const result = await queue.saveSettings(req.actor, req.territory!, values)
    if (result.kind === 'saved') return reply.redirect(`${linePaths.settings}?fait=reglages`, 303)
    return settingsPage(req, reply, values, result.issues)
  })
}
