import multipart from '@fastify/multipart'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { PRIVATE, SHARED } from '../../platform/http/cache-policy.ts'
import { RateLimitedError } from '../../platform/http/rate-limit.ts'
import { imageOnlyHeaders, imageVersionQuery, sendStoredImage } from '../../platform/http/stored-images.ts'
import { readOneFile, uploadHooks, uploadParts } from '../../platform/http/uploads.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { IMAGE_MAX_BYTES, ImageRefused } from '../../platform/images/image.ts'
import type { AppServices } from '../../platform/services.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { OrganisationLogoService } from './organisation-logo.service.ts'
import { LogoFormPage } from './views/LogoFormPage.tsx'

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const FILE_FIELD = 'logo'

/** ?fait=… on the organisation's page after a change of logo: which confirmation it shows. */
export const logoNotices = {
  'logo-enregistre': 'organisationLogo.saved',
  'logo-retire': 'organisationLogo.removed',
} as const satisfies Record<string, MessageKey>

/**
 * The logo of an organisation: its managers' upload form (multipart, parsed here only), the
 * removal, and the image itself, always the WebP the platform made of the upload.
 */
export async function organisationLogoPages(base: FastifyInstance, services: AppServices) {
  // In this plugin's scope only: no other route accepts multipart bodies.
  await base.register(multipart, {
    // One byte over the limit is enough to know; busboy drops the rest of a longer file unread.
    limits: { fileSize: IMAGE_MAX_BYTES + 1, files: 1, fields: 4, parts: 6, fieldSize: 1024 },
    throwFileSizeLimit: false,
  })
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const logos = new OrganisationLogoService(services)

  const formPage = async (req: FastifyRequest, reply: FastifyReply, errors: FieldError[], status: number) => {
    const { id } = req.params as { id: string }
    const { organisation, etag } = await logos.form(req.actor, req.territory!, id)
    return sendPage(reply, LogoFormPage({ ctx: req.viewContext(), organisation, etag, errors }), status)
  }

  app.get(
    '/organisations/:id/logo/modifier',
    { schema: { params: idParams }, config: { permission: 'session', scope: null } },
    (req, reply) => formPage(req, reply, [], 200),
  )

  app.post(
    '/organisations/:id/logo',
    {
      schema: { params: idParams },
      // Whatever was refused (token, access, file), the request's body is read to its end.
      ...uploadHooks,
      config: { permission: 'session', scope: null },
    },
    async (req, reply) => {
      try {
        const organisation = await logos.save(
          req.actor,
          req.territory!,
          req.params.id,
          async () => (await readOneFile(uploadParts(req), FILE_FIELD, IMAGE_MAX_BYTES)).bytes,
        )
        return reply.redirect(`/organisations/${organisation.id}?fait=logo-enregistre`, 303)
      } catch (error) {
        if (error instanceof ImageRefused) {
          return formPage(req, reply, [{ field: FILE_FIELD, message: req.t(error.key) }], 400)
        }
        if (error instanceof RateLimitedError) {
          reply.header('retry-after', String(error.retryAfterSeconds))
          return formPage(
            req,
            reply,
            [{ field: FILE_FIELD, message: req.t('organisationLogo.error.tooMany') }],
            429,
          )
        }
        throw error
      }
    },
  )

  app.post(
    '/organisations/:id/logo/retirer',
    { schema: { params: idParams }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const organisation = await logos.remove(req.actor, req.territory!, req.params.id)
      return reply.redirect(`/organisations/${organisation.id}?fait=logo-retire`, 303)
    },
  )

  app.get(
    '/organisations/:id/logo',
    {
      schema: {
        params: idParams,
        querystring: imageVersionQuery,
      },
      config: { permission: 'public', scope: null },
      onSend: imageOnlyHeaders,
    },
    async (req, reply) => {
      const { logo, shared } = await logos.serve(req.actor, req.territory!, req.params.id)
      // The one cache rule keeps what a route declares: shared for a verified organisation's logo
      // (checked each time, so a suspended one's disappears at once), never kept for the others.
      return sendStoredImage(req, reply, logo, shared ? SHARED : PRIVATE)
    },
  )
}
