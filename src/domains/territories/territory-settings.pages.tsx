import multipart from '@fastify/multipart'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { SHARED } from '../../platform/http/cache-policy.ts'
import { RateLimitedError } from '../../platform/http/rate-limit.ts'
import { imageOnlyHeaders, imageVersionQuery, sendStoredImage } from '../../platform/http/stored-images.ts'
import { readOneFile, uploadHooks, uploadParts } from '../../platform/http/uploads.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { IMAGE_MAX_BYTES, ImageRefused } from '../../platform/images/image.ts'
import { ownValue } from '../../platform/own-value.ts'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { TERRITORY_LOGO_PATH, TerritorySettingsService } from './territory-settings.service.ts'
import { type SettingsInput, settingsFields } from './territory-settings.ts'
import { SETTINGS_PATH, TerritorySettingsPage } from './views/TerritorySettingsPage.tsx'

const configure = { permission: 'territory:configure' as const, scope: null }
/** Loose on purpose: the use case checks the rules, so bad input comes back as a form with its errors. */
const SettingsForm = Type.Object(
  Object.fromEntries(settingsFields.map((f) => [f, Type.Optional(Type.String({ maxLength: 2000 }))])),
)
const Done = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 20 })) })
const DONE: Record<string, MessageKey> = {
  enregistres: 'settings.saved',
  'logo-enregistre': 'settings.logo.saved',
  'logo-retire': 'settings.logo.removed',
}

const inputOf = (body: Record<string, string | undefined>): SettingsInput =>
  Object.fromEntries(settingsFields.map((f) => [f, body[f] ?? ''])) as SettingsInput

/**
 * The territory's settings page, its logo's upload and removal, and the logo itself, always the
 * WebP the platform made of the upload. Multipart is registered in this plugin's scope only.
 */
export async function territorySettingsPages(base: FastifyInstance, services: AppServices) {
  await base.register(multipart, {
    limits: { fileSize: IMAGE_MAX_BYTES + 1, files: 1, fields: 4, parts: 6, fieldSize: 1024 },
    throwFileSizeLimit: false,
  })
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const settings = new TerritorySettingsService(services)

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    given: { values?: SettingsInput; errors?: FieldError[]; logoErrors?: FieldError[]; notice?: string },
  ) => {
    const values = given.values ?? (await settings.form(req.actor, req.territory!))
    const territory = req.territory!
    const page = TerritorySettingsPage({
      ctx: req.viewContext(),
      values,
      errors: given.errors ?? [],
      logoErrors: given.logoErrors ?? [],
      forms: territory.nameForms,
      logoUrl: territory.logoUrl?.startsWith(TERRITORY_LOGO_PATH) ? territory.logoUrl : null,
      notice: given.notice,
      smsToday: await settings.smsToday(req.actor, territory),
    })
    return sendPage(reply, page, status)
  }

  app.get(SETTINGS_PATH, { schema: { querystring: Done }, config: configure }, async (req, reply) => {
    const done = ownValue(DONE, req.query.fait)
    return show(req, reply, 200, done ? { notice: req.t(done) } : {})
  })

  app.post(SETTINGS_PATH, { schema: { body: SettingsForm }, config: configure }, async (req, reply) => {
    const values = inputOf(req.body as Record<string, string | undefined>)
    const saved = await settings.save(req.actor, req.territory!, values)
    if (saved.kind === 'saved') return reply.redirect(`${SETTINGS_PATH}?fait=enregistres`, 303)
    return show(req, reply, 400, { values, errors: translateIssues(saved.issues, req.t) })
  })

  app.post(
    `${SETTINGS_PATH}/logo`,
    // Whatever was refused (token, access, file), the request's body is read to its end.
    { ...uploadHooks, config: configure },
    async (req, reply) => {
      try {
        await settings.saveLogo(
          req.actor,
          req.territory!,
          async () => (await readOneFile(uploadParts(req), 'logo', IMAGE_MAX_BYTES)).bytes,
        )
        return reply.redirect(`${SETTINGS_PATH}?fait=logo-enregistre`, 303)
      } catch (error) {
        if (error instanceof ImageRefused) {
          return show(req, reply, 400, { logoErrors: [{ field: 'logo', message: req.t(error.key) }] })
        }
        if (error instanceof RateLimitedError) {
          reply.header('retry-after', String(error.retryAfterSeconds))
          return show(req, reply, 429, {
            logoErrors: [{ field: 'logo', message: req.t('settings.logo.tooMany') }],
          })
        }
        throw error
      }
    },
  )

  app.post(`${SETTINGS_PATH}/logo/retirer`, { config: configure }, async (req, reply) => {
    await settings.removeLogo(req.actor, req.territory!)
    return reply.redirect(`${SETTINGS_PATH}?fait=logo-retire`, 303)
  })

  app.get(
    TERRITORY_LOGO_PATH,
    {
      schema: { querystring: imageVersionQuery },
      config: { permission: 'public', scope: null },
      onSend: imageOnlyHeaders,
    },
    async (req, reply) => {
      return sendStoredImage(req, reply, await settings.logo(req.territory!), SHARED)
    },
  )
}
