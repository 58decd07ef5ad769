import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import {
  type Listing,
  ListingPage,
  type ListingResponses,
  ListingService,
  type ListingView,
} from '../listings/index.ts'
import { ConversationService } from './conversation.service.ts'
import { MatchService } from './match.service.ts'
import { MatchRefusal } from './match.ts'
import { MatchClosing } from './match-closing.service.ts'
import type { MatchResult } from './match-guards.ts'
import { RespondService } from './respond.service.ts'
import { matchPath } from './views/DecisionForms.tsx'
import { MatchPage } from './views/MatchPage.tsx'
import { MyMatchesPage } from './views/MyMatchesPage.tsx'
import { ListingMatchPart, type ListingMatchPartProps } from './views/RespondForm.tsx'

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const text = () => Type.Optional(Type.String({ maxLength: 10_000 }))
/** Ticked checkboxes arrive as one value or several. Other fields (status, authorId…) are never read. */
const many = () => Type.Optional(Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: 10 })]))
const list = (v: string | string[] | undefined) => (v === undefined ? [] : [v].flat())

/** ?fait=… after a redirect: which confirmation to show, from a fixed list (never text from the address). */
const notices = {
  envoyee: 'match.notice.sent',
  acceptee: 'match.notice.accepted',
  declinee: 'match.notice.declined',
  retiree: 'match.notice.withdrawn',
  annulee: 'match.notice.cancelled',
  realisee: 'match.notice.marked',
  confirmee: 'match.notice.confirmed',
} as const satisfies Record<string, MessageKey>
type Done = keyof typeof notices
const doneQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) })
const notice = (req: FastifyRequest) => {
  const key = (req.query as { fait?: string }).fait
  return key && Object.hasOwn(notices, key) ? req.t(notices[key as Done]) : undefined
}

/**
 * The part of a listing's page about matches, for the listing routes: the response form (or why
 * not), the author's responses, public thanks. `extra` carries a refused or invalid response.
 */
export async function listingMatchPart(
  services: AppServices,
  req: FastifyRequest,
  listing: Listing,
  view: ListingView,
  extra: Pick<ListingMatchPartProps, 'form' | 'refusal'> = {},
) {
  const part = await new RespondService(services).onListing(req.actor, req.territory!, listing)
  const props: ListingMatchPartProps = {
    ...part,
    listing: {
      id: listing.id,
      kind: listing.kind,
      title: listing.title,
      authorName: view.relayed ? req.t('match.relay.line') : view.author.displayName,
      relayed: view.relayed,
    },
    ...extra,
  }
  return <ListingMatchPart ctx={req.viewContext()} part={props} />
}

/** The responses' part of the listing pages, handed to listings when the app is assembled. */
export function listingResponses(services: AppServices): ListingResponses {
  return {
    part: (req, listing, view) => listingMatchPart(services, req, listing, view),
    counts: (actor, territory, listings) =>
      new MatchService(services).responseCounts(actor, territory, listings),
  }
}

/** Responding from a listing, « mes mises en relation », one match and every decision on it. */
export async function matchPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const matches = new MatchService(services)
  const closing = new MatchClosing(services)
  const responses = new RespondService(services)
  const listings = new ListingService(services)

  /** The listing page again, with what went wrong with the response. */
  async function listingAgain(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    status: number,
    extra: Pick<ListingMatchPartProps, 'form' | 'refusal'>,
  ) {
    const territory = req.territory!
    const listing = await listings.find(req.actor, territory, id)
    const view = await listings.present(req.actor, territory, listing, req.locale)
    const matchPart = await listingMatchPart(services, req, listing, view, extra)
    return sendPage(reply, ListingPage({ ctx: req.viewContext(), listing: view, matchPart }), status)
  }

  app.post(
    '/annonces/:id/repondre',
    {
      schema: { params: idParams, body: Type.Object({ _csrf: text(), message: text(), shares: many() }) },
      config: { permission: 'verified', scope: null },
    },
    async (req, reply) => {
      const values = { message: req.body.message ?? '', shares: list(req.body.shares) }
      try {
        const result = await responses.respond(req.actor, req.territory!, req.params.id, values)
        if (result.kind === 'saved') return reply.redirect(`${matchPath(result.match.id)}?fait=envoyee`, 303)
        const errors = translateIssues(result.issues, req.t)
        return listingAgain(req, reply, req.params.id, 400, { form: { values, errors } })
      } catch (error) {
        if (!(error instanceof MatchRefusal)) throw error
        const refusal = { message: req.t(error.key, error.params), matchId: error.matchId }
        return listingAgain(req, reply, req.params.id, error.statusCode, { refusal })
      }
    },
  )

  app.get(
    '/mises-en-relation',
    { schema: { querystring: doneQuery }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const mine = await matches.mine(req.actor, req.territory!)
      return sendPage(reply, MyMatchesPage({ ctx: req.viewContext(), matches: mine, notice: notice(req) }))
    },
  )

  interface ShowOptions {
    status?: number
    notice?: string | undefined
    refusal?: string
    errors?: { field: string; message: string }[]
    values?: { reason?: string; thanks?: string; thanksPublic?: boolean }
  }
  async function showMatch(req: FastifyRequest, reply: FastifyReply, id: string, options: ShowOptions = {}) {
    const territory = req.territory!
    const match = await matches.find(req.actor, territory, id)
    const [view, authorHasPhone] = await Promise.all([
      matches.present(req.actor, territory, match),
      matches.hasPhone(req.actor),
    ])
    // After `present`, which read whether the line posted the ask: the conversation then names the
    // line, never its agent, without reading the listing again.
    const conversation = await new ConversationService(services).forPage(req.actor!, territory, match, view)
    const { status = 200, ...rest } = options
    return sendPage(
      reply,
      MatchPage({ ctx: req.viewContext(), match: view, conversation, authorHasPhone, ...rest }),
      status,
    )
  }

  app.get(
    '/mises-en-relation/:id',
    { schema: { params: idParams, querystring: doneQuery }, config: { permission: 'session', scope: null } },
    async (req, reply) => showMatch(req, reply, req.params.id, { notice: notice(req) }),
  )

  const ActionForm = Type.Object({
    _csrf: text(),
    shares: many(),
    reason: text(),
    thanks: text(),
    thanksPublic: text(),
  })
  type ActionForm = typeof ActionForm.static
  const thanksOf = (b: ActionForm) => ({ thanks: b.thanks ?? '', thanksPublic: b.thanksPublic !== undefined })
  type Run = (req: FastifyRequest, id: string, body: ActionForm) => Promise<MatchResult>
  /** path, the confirmation shown after it, the use case, and whether its field ids carry the match id */
  const actions: [string, Done, Run, boolean][] = [
    [
      'accepter',
      'acceptee',
      (req, id, b) => matches.accept(req.actor, req.territory!, id, list(b.shares)),
      true,
    ],
    [
      'decliner',
      'declinee',
      (req, id, b) => matches.decline(req.actor, req.territory!, id, b.reason ?? ''),
      true,
    ],
    ['retirer', 'retiree', (req, id) => matches.withdraw(req.actor, req.territory!, id), false],
    [
      'annuler',
      'annulee',
      (req, id, b) => matches.cancel(req.actor, req.territory!, id, b.reason ?? ''),
      false,
    ],
    [
      'aide-realisee',
      'realisee',
      (req, id, b) => closing.markDone(req.actor, req.territory!, id, thanksOf(b)),
      false,
    ],
    [
      'confirmer',
      'confirmee',
      (req, id, b) => closing.confirm(req.actor, req.territory!, id, thanksOf(b)),
      false,
    ],
  ]
  for (const [path, done, run, perMatchIds] of actions) {
    app.post(
      `/mises-en-relation/:id/${path}`,
      { schema: { params: idParams, body: ActionForm }, config: { permission: 'session', scope: null } },
      async (req, reply) => {
        const { id } = req.params
        try {
          const result = await run(req, id, req.body)
          if (result.kind === 'saved') {
            // The author confirming through « aide réalisée » did confirm: say so.
            const shown = done === 'realisee' && result.match.status === 'done' ? 'confirmee' : done
            return reply.redirect(`${matchPath(id)}?fait=${shown}`, 303)
          }
          const errors = translateIssues(result.issues, req.t).map((e) =>
            perMatchIds ? { ...e, field: `${e.field}-${id}` } : e,
          )
          const values = {
            reason: req.body.reason ?? '',
            ...thanksOf(req.body),
          }
          return showMatch(req, reply, id, { status: 400, errors, values })
        } catch (error) {
          if (!(error instanceof MatchRefusal)) throw error
          return showMatch(req, reply, id, {
            status: error.statusCode,
            refusal: req.t(error.key, error.params),
          })
        }
      },
    )
  }
}
