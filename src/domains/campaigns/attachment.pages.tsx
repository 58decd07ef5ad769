import multipart from '@fastify/multipart'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { matchesEtag, PRIVATE, SHARED } from '../../platform/http/cache-policy.ts'
import { attachment } from '../../platform/http/csv.ts'
import { RateLimitedError } from '../../platform/http/rate-limit.ts'
import { readOneFile, uploadHooks, uploadParts } from '../../platform/http/uploads.ts'
import { ImageRefused } from '../../platform/images/image.ts'
import type { AppServices } from '../../platform/services.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import {
  ATTACHMENT_MAX_BYTES,
  AttachmentRefused,
  AttachmentService,
  type Upload,
} from './attachment.service.ts'
import { doneQuery, idParams, notice } from './campaign.http.ts'
import { attachmentInfo } from './campaign.repository.ts'
import { CampaignViews } from './campaign-view.service.ts'
import { AttachmentPage, FILE_FIELD } from './views/AttachmentPage.tsx'

/** The one file of the form; the problems of any upload, told as the attachment's. */
async function readFile(req: FastifyRequest): Promise<Upload> {
  try {
    return await readOneFile(uploadParts(req), FILE_FIELD, ATTACHMENT_MAX_BYTES)
  } catch (error) {
    if (error instanceof ImageRefused && ['missing', 'too-large', 'damaged'].includes(error.problem))
      throw new AttachmentRefused(error.problem as 'missing' | 'too-large' | 'damaged')
    throw error
  }
}

/** The specification's attachment: its upload form (multipart, parsed here only), removal, and download. */
export async function attachmentPages(base: FastifyInstance, services: AppServices) {
  await base.register(multipart, {
    limits: { fileSize: ATTACHMENT_MAX_BYTES + 1, files: 1, fields: 4, parts: 6, fieldSize: 1024 },
    throwFileSizeLimit: false,
  })
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const files = new AttachmentService(services)
  const views = new CampaignViews(services)
  const path = '/collectes/:id/gestion/piece-jointe'
  const verified = { permission: 'verified', scope: null } as const

  const form = async (req: FastifyRequest, reply: FastifyReply, errors: FieldError[], status: number) => {
    const { id } = req.params as { id: string }
    const { campaign } = await views.manageable(req.actor, req.territory!, id)
    const current = await attachmentInfo(services.database.db, campaign.id)
    return sendPage(
      reply,
      AttachmentPage({ ctx: req.viewContext(), campaign, attachment: current, errors, notice: notice(req) }),
      status,
    )
  }

  app.get(path, { schema: { params: idParams, querystring: doneQuery }, config: verified }, (req, reply) =>
    form(req, reply, [], 200),
  )

  app.post(
    path,
    {
      schema: { params: idParams },
      ...uploadHooks,
      config: verified,
    },
    async (req, reply) => {
      try {
        await files.save(req.actor, req.territory!, req.params.id, () => readFile(req))
        return reply.redirect(`/collectes/${req.params.id}/gestion/piece-jointe?fait=fichier`, 303)
      } catch (error) {
        if (error instanceof AttachmentRefused)
          return form(req, reply, [{ field: FILE_FIELD, message: req.t(error.key) }], 400)
        if (error instanceof RateLimitedError) {
          reply.header('retry-after', String(error.retryAfterSeconds))
          return form(req, reply, [{ field: FILE_FIELD, message: req.t('supply.file.tooMany') }], 429)
        }
        throw error
      }
    },
  )

  app.post(`${path}/retirer`, { schema: { params: idParams }, config: verified }, async (req, reply) => {
    await files.remove(req.actor, req.territory!, req.params.id)
    return reply.redirect(`/collectes/${req.params.id}/gestion/piece-jointe?fait=fichier_retire`, 303)
  })

  app.get(
    '/collectes/:id/cahier-des-charges',
    {
      schema: { params: idParams },
      config: { permission: 'public', scope: null },
      // A download needs no script, style or frame, whatever it holds; never sniffed as something else.
      onSend: async (_req, reply, payload) => {
        if (reply.getHeader('content-disposition')) {
          reply.header('content-security-policy', "default-src 'none'; sandbox")
          reply.header('x-content-type-options', 'nosniff')
        }
        return payload
      },
    },
    async (req, reply) => {
      const { file, shared } = await files.serve(req.actor, req.territory!, req.params.id)
      const etag = `"${file.etag}"`
      reply.header('cache-control', shared ? SHARED : PRIVATE).header('etag', etag)
      if (matchesEtag(req.headers['if-none-match'], etag)) return reply.code(304).send()
      return reply
        .type(file.mediaType)
        .header('content-disposition', attachment(file.fileName))
        .send(file.content)
    },
  )
}
