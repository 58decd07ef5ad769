import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { communeLabel } from '../../../platform/geo/commune.ts'
import { notFound } from '../../../platform/http/problem.ts'
import { LANG_COOKIE, READING_COOKIE } from '../../../platform/http/request-context.ts'
import type { Translate } from '../../../platform/i18n/i18n.ts'
import { formatPhone } from '../../../platform/phone-numbers.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Issue } from '../../../platform/validation.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../../platform/views/render.ts'
import { ownSessionPages } from '../sessions/own-sessions.pages.tsx'
import { tokenPages } from '../tokens/tokens.pages.tsx'
import { pushDone, sendAccountPage } from './account-page.ts'
import { ProfileService } from './profile.service.ts'
import type { OwnProfile, ProfileInput } from './profile.ts'
import { ProfileFormPage, type ProfileFormValues } from './views/ProfileFormPage.tsx'
import { PublicProfilePage } from './views/PublicProfilePage.tsx'

const session = { permission: 'session' as const, scope: null }
const text = Type.Optional(Type.String())

/** The form as browsers send it; fields not named here are never read (role, status, territory…). */
const ProfileForm = Type.Object({
  displayName: text,
  commune: text,
  phone: text,
  interests: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })),
  radiusKm: text,
  'notify-matches': text,
  'notify-messages': text,
  'notify-savedSearches': text,
  locale: text,
  easyRead: text,
  availability: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })),
  languages: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })),
  acceptsProposals: text,
  sms: text,
})
type ProfileForm = Static<typeof ProfileForm>

function inputFrom(form: ProfileForm): ProfileInput {
  return {
    displayName: form.displayName ?? '',
    commune: { text: form.commune ?? '' },
    phone: form.phone ?? '',
    interests: form.interests ?? [],
    radiusKm: Number(form.radiusKm),
    notifications: {
      matches: form['notify-matches'],
      messages: form['notify-messages'],
      savedSearches: form['notify-savedSearches'],
    },
    locale: form.locale,
    easyRead: form.easyRead === '1',
    availability: form.availability ?? [],
    languages: form.languages ?? [],
    acceptsProposals: form.acceptsProposals === '1',
    sms: form.sms === '1',
  }
}

function valuesFrom(form: ProfileForm): ProfileFormValues {
  return {
    displayName: form.displayName ?? '',
    commune: form.commune ?? '',
    phone: form.phone ?? '',
    interests: form.interests ?? [],
    radiusKm: form.radiusKm ?? '',
    notifications: {
      matches: form['notify-matches'] ?? '',
      messages: form['notify-messages'] ?? '',
      savedSearches: form['notify-savedSearches'] ?? '',
    },
    locale: form.locale ?? '',
    easyRead: form.easyRead === '1',
    availability: form.availability ?? [],
    languages: form.languages ?? [],
    acceptsProposals: form.acceptsProposals === '1',
    sms: form.sms === '1',
  }
}

function valuesOf(profile: OwnProfile, communeText: string): ProfileFormValues {
  return {
    displayName: profile.displayName,
    commune: communeText,
    phone: profile.phone ? formatPhone(profile.phone) : '',
    interests: profile.interests,
    radiusKm: String(profile.radiusKm),
    notifications: profile.notifications,
    locale: profile.locale,
    easyRead: profile.easyRead,
    availability: profile.availability,
    languages: profile.languages,
    acceptsProposals: profile.acceptsProposals,
    sms: profile.sms,
  }
}

const FORM_ORDER = [
  'displayName',
  'commune',
  'phone',
  'interests',
  'radiusKm',
  'availability',
  'languages',
  'notify-',
  'sms',
  'locale',
]
const rank = (field: string) => FORM_ORDER.findIndex((f) => field.startsWith(f))

/**
 * Issues name fields as the API does (notifications/matches); the page's ids are notify-matches.
 * The summary lists them in the order of the form, as a person reads it.
 */
function fieldErrors(issues: Issue[], t: Translate): FieldError[] {
  return issues
    .map((i) => ({ field: i.field.replace(/^notifications\//, 'notify-'), message: t(i.key, i.params) }))
    .sort((a, b) => rank(a.field) - rank(b.field))
}

function setLanguageCookie(reply: FastifyReply, locale: string) {
  reply.setCookie(LANG_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 365 * 86400, httpOnly: true })
}

/** « Mon compte » and the profile form; the sessions and token pages are registered from here. */
export async function profilePages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const profiles = new ProfileService(services)

  app.get(
    '/compte',
    {
      schema: {
        querystring: Type.Object({
          enregistre: Type.Optional(Type.String()),
          appareil: Type.Optional(Type.String()),
        }),
      },
      config: session,
    },
    async (req, reply) =>
      sendAccountPage(req, reply, services, {
        saved: req.query.enregistre !== undefined,
        done: pushDone(req.query.appareil),
      }),
  )

  app.get('/compte/profil', { config: session }, async (req, reply) => {
    const profile = await profiles.own(req.actor)
    const { name, postalCode } = profile.commune
    const values = valuesOf(
      profile,
      name ? communeLabel({ name, postalCodes: postalCode ? [postalCode] : [] }) : '',
    )
    const interestChoices = await profiles.interestChoices(req.actor)
    return sendPage(
      reply,
      ProfileFormPage({
        ctx: req.viewContext(),
        values,
        errors: [],
        communeChoices: [],
        interestChoices,
        smsOffered: services.sms.enabled,
      }),
    )
  })

  app.post('/compte/profil', { schema: { body: ProfileForm }, config: session }, async (req, reply) => {
    const result = await profiles.update(req.actor, req.territory!, inputFrom(req.body))
    if (result.kind === 'invalid') {
      return sendPage(
        reply,
        ProfileFormPage({
          ctx: req.viewContext(),
          values: valuesFrom(req.body),
          errors: fieldErrors(result.issues, req.t),
          communeChoices: result.communeChoices,
          interestChoices: await profiles.interestChoices(req.actor),
          smsOffered: services.sms.enabled,
        }),
        400,
      )
    }
    // The lang cookie wins over the profile's language (auth.plugin.ts), so it follows the choice made here.
    setLanguageCookie(reply, result.profile.locale)
    // The header's reading switch wins on its device (request-context.ts): the choice just saved here
    // is the newer one, so this device forgets the switch's and follows the profile again.
    reply.clearCookie(READING_COOKIE, { path: '/', sameSite: 'lax', httpOnly: true })
    return reply.redirect('/compte?enregistre=1', 303)
  })

  app.get(
    '/profil/:id',
    {
      schema: { params: Type.Object({ id: Type.String({ maxLength: 100 }) }) },
      config: { permission: 'public', scope: null },
    },
    async (req, reply) => {
      const profile = await profiles.publicProfile(req.territory!, req.params.id)
      if (!profile) throw notFound()
      return sendPage(reply, PublicProfilePage({ ctx: req.viewContext(), profile }))
    },
  )

  await app.register(ownSessionPages, services)
  await app.register(tokenPages, services)
}
