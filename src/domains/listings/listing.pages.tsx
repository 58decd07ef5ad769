import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Commune } from '../../platform/geo/commune.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { medianReviewHours } from '../../platform/review/review-queue.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import {
  inputFromForm,
  ListingForm,
  valuesFromForm,
  valuesOfListing,
  withDateProblems,
} from './listing.form.ts'
import { ListingService } from './listing.service.ts'
import { kindFromSlug, type ListingKind } from './listing.ts'
import type { ExtraGuidance } from './listing-guidance.ts'
import { ListingModeration } from './listing-moderation.service.ts'
import type { ListingResponses } from './listing-responses.ts'
import { HeldListingsPage } from './views/HeldListingsPage.tsx'
import {
  emptyListingForm,
  KindChoicePage,
  ListingFormPage,
  type ListingFormValues,
} from './views/ListingFormPage.tsx'
import { ListingPage } from './views/ListingPage.tsx'
import { MyListingsPage, RenewPage } from './views/MyListingsPage.tsx'

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
/** ?fait=… after a redirect: which confirmation to show, from a fixed list (never text from the address). */
const notices = {
  publiee: 'listing.notice.published',
  enregistree: 'listing.notice.saved',
  cloturee: 'listing.notice.closed',
  renouvelee: 'listing.notice.renewed',
  pourvue: 'listing.notice.fulfilled',
  relue: 'listingReview.notice.posted',
  publiee_moderation: 'listing.moderation.published',
  rejetee: 'listing.moderation.rejected',
} as const satisfies Record<string, MessageKey>
const doneQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) })
const notice = (req: FastifyRequest) => {
  const key = (req.query as { fait?: string }).fait
  return key && Object.hasOwn(notices, key) ? req.t(notices[key as keyof typeof notices]) : undefined
}

/** Posting, the listing page, « mes annonces » and the held list for administrators. */
export async function listingPages(
  base: FastifyInstance,
  services: AppServices & { responses?: ListingResponses; guidance?: ReturnType<ExtraGuidance> | undefined },
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const listings = new ListingService(services)
  const moderation = new ListingModeration(services)

  /** Only active categories take new listings; the one a listing already has stays in its edit form. */
  async function categoryOptions(req: FastifyRequest, keep?: string) {
    const all = await services.categoryCache.list(req.territory!.id, { activeOnly: false })
    return all
      .filter((c) => c.active || c.id === keep)
      .map((c) => ({ id: c.id, name: localised(c.name, req.locale) }))
  }

  async function formPage(
    req: FastifyRequest,
    kind: ListingKind,
    values: ListingFormValues,
    issues: Issue[],
    choices: Commune[],
    editing?: { id: string; categoryId: string },
  ) {
    return ListingFormPage({
      ctx: req.viewContext(),
      kind,
      ...(editing ? { editing } : {}),
      categories: await categoryOptions(req, editing?.categoryId),
      values,
      errors: translateIssues(issues, req.t),
      communeChoices: choices,
    })
  }

  app.get(
    '/annonces/nouvelle',
    {
      schema: { querystring: Type.Object({ type: Type.Optional(Type.String({ maxLength: 20 })) }) },
      config: { permission: 'verified', scope: null },
    },
    async (req, reply) => {
      const kind = kindFromSlug(req.query.type)
      if (!kind) {
        const errors =
          req.query.type === undefined ? [] : [{ field: 'type', message: req.t('listing.kind.required') }]
        return sendPage(reply, KindChoicePage({ ctx: req.viewContext(), errors }), errors.length ? 400 : 200)
      }
      // An ask is written one question per page (ask.pages.tsx); offers keep the full form.
      if (kind === 'ask') return reply.redirect('/annonces/nouvelle/demande', 303)
      return sendPage(reply, await formPage(req, kind, emptyListingForm, [], []))
    },
  )

  app.post(
    '/annonces/nouvelle',
    { schema: { body: ListingForm }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      const result = await listings.create(req.actor, req.territory!, inputFromForm(req.body), {
        text: req.body.commune ?? '',
      })
      if (result.kind === 'saved') {
        const fait = result.listing.status === 'published' ? '?fait=publiee' : '?fait=relue'
        return reply.redirect(`/annonces/${result.listing.id}${fait}`, 303)
      }
      const kind = req.body.kind === 'offer' ? 'offer' : 'ask'
      return sendPage(
        reply,
        await formPage(
          req,
          kind,
          valuesFromForm(req.body),
          withDateProblems(result.issues, req.body),
          result.choices,
        ),
        400,
      )
    },
  )

  app.get(
    '/annonces/:id',
    { schema: { params: idParams, querystring: doneQuery }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const { listing, view } = await listings.page(req.actor, req.territory!, req.params.id, req.locale)
      const matchPart = await services.responses?.part(req, listing, view)
      const extraGuidance = await services.guidance?.(req.territory!, listing.categoryId, req.locale)
      // Only the author of a held listing reads how long a moderator usually takes.
      const reviewHours =
        view.own && listing.status === 'held'
          ? await medianReviewHours(services.database.db, req.territory!.id, services.clock.now())
          : undefined
      const page = { ctx: req.viewContext(), listing: view, notice: notice(req), matchPart, extraGuidance }
      return sendPage(reply, ListingPage({ ...page, reviewHours }))
    },
  )

  app.get(
    '/mes-annonces',
    { schema: { querystring: doneQuery }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const territory = req.territory!
      const mine = await listings.mine(req.actor, territory)
      const views = await Promise.all(mine.map((l) => listings.present(req.actor, territory, l, req.locale)))
      const responses = await services.responses?.counts(req.actor, territory, mine)
      return sendPage(
        reply,
        MyListingsPage({ ctx: req.viewContext(), listings: views, notice: notice(req), responses }),
      )
    },
  )

  app.get(
    '/mes-annonces/:id/modifier',
    { schema: { params: idParams }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      const territory = req.territory!
      const listing = await listings.ownForEdit(req.actor, territory, req.params.id)
      const commune = await services.communes.find(territory, listing.communeInsee)
      const editing = { id: listing.id, categoryId: listing.categoryId }
      return sendPage(
        reply,
        await formPage(req, listing.kind, valuesOfListing(listing, commune), [], [], editing),
      )
    },
  )

  app.post(
    '/mes-annonces/:id/modifier',
    { schema: { params: idParams, body: ListingForm }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      const territory = req.territory!
      const input = inputFromForm(req.body)
      const result = await listings.edit(req.actor, territory, req.params.id, input, {
        text: req.body.commune ?? '',
      })
      if (result.kind === 'saved')
        return reply.redirect(`/annonces/${result.listing.id}?fait=enregistree`, 303)
      const current = await listings.find(req.actor, territory, req.params.id)
      const editing = { id: current.id, categoryId: current.categoryId }
      const values = valuesFromForm(req.body)
      return sendPage(
        reply,
        await formPage(
          req,
          current.kind,
          values,
          withDateProblems(result.issues, req.body),
          result.choices,
          editing,
        ),
        400,
      )
    },
  )

  app.get(
    '/mes-annonces/:id/renouveler',
    { schema: { params: idParams }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const listing = await listings.ownForRenewal(req.actor, req.territory!, req.params.id)
      const view = await listings.present(req.actor, req.territory!, listing, req.locale)
      return sendPage(reply, RenewPage({ ctx: req.viewContext(), listing: view }))
    },
  )

  const transitions = [
    [
      'renouveler',
      'renouvelee',
      (id: string, req: FastifyRequest) => listings.renew(req.actor, req.territory!, id),
    ],
    [
      'cloturer',
      'cloturee',
      (id: string, req: FastifyRequest) => listings.close(req.actor, req.territory!, id),
    ],
    [
      'pourvue',
      'pourvue',
      (id: string, req: FastifyRequest) => listings.markFulfilled(req.actor, req.territory!, id),
    ],
  ] as const
  for (const [path, done, run] of transitions) {
    app.post(
      `/mes-annonces/:id/${path}`,
      { schema: { params: idParams }, config: { permission: 'session', scope: null } },
      async (req, reply) => {
        await run(req.params.id, req)
        return reply.redirect(`/mes-annonces?fait=${done}`, 303)
      },
    )
  }

  const held = '/administration/annonces-retenues'
  app.get(
    held,
    { schema: { querystring: doneQuery }, config: { permission: 'listing:moderate', scope: null } },
    async (req, reply) => {
      const territory = req.territory!
      const rows = await moderation.held(req.actor, territory)
      const views = await Promise.all(rows.map((l) => listings.present(req.actor, territory, l, req.locale)))
      return sendPage(
        reply,
        HeldListingsPage({ ctx: req.viewContext(), listings: views, notice: notice(req) }),
      )
    },
  )

  app.post(
    `${held}/:id/publier`,
    { schema: { params: idParams }, config: { permission: 'listing:moderate', scope: null } },
    async (req, reply) => {
      await moderation.publishHeld(req.actor, req.territory!, req.params.id)
      return reply.redirect(`${held}?fait=publiee_moderation`, 303)
    },
  )

  app.post(
    `${held}/:id/rejeter`,
    { schema: { params: idParams }, config: { permission: 'listing:moderate', scope: null } },
    async (req, reply) => {
      await moderation.rejectHeld(req.actor, req.territory!, req.params.id)
      return reply.redirect(`${held}?fait=rejetee`, 303)
    },
  )
}
