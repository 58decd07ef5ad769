import multipart, { type Multipart } from '@fastify/multipart'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { PRIVATE, SHARED } from '../../platform/http/cache-policy.ts'
import { RateLimitedError } from '../../platform/http/rate-limit.ts'
import { imageOnlyHeaders, imageVersionQuery, sendStoredImage } from '../../platform/http/stored-images.ts'
import { uploadHooks, uploadParts } from '../../platform/http/uploads.ts'
import { IMAGE_MAX_BYTES, ImageRefused, readAtMost } from '../../platform/images/image.ts'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { ProducerService } from './producer.service.ts'
import { PHOTO_ALT_MAX } from './producer.ts'
import { ProducerPhotoService } from './producer-photo.service.ts'
import { ProducerManagePage } from './views/ProducerManagePage.tsx'

const itemParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  itemId: Type.String({ maxLength: 100 }),
})

/**
 * Reads the text alternative (which the form sends before the file) and returns a reader of the
 * file with its size limit, so the service checks the alternative before any byte of the image.
 */
async function readUpload(parts: AsyncIterator<Multipart> | undefined) {
  let alt = ''
  let file: Multipart | null = null
  try {
    for (let next = parts ? await parts.next() : null; next && !next.done; next = await parts!.next()) {
      const part = next.value
      if (part.type === 'field' && part.fieldname === 'alt' && typeof part.value === 'string')
        alt = part.value
      else if (part.type === 'file') {
        if (part.fieldname === 'photo' && part.filename !== '') {
          file = part
          break
        }
        part.file.resume()
      }
    }
  } catch {
    throw new ImageRefused('damaged')
  }
  return {
    alt,
    read: async () => {
      if (!file || file.type !== 'file') throw new ImageRefused('missing')
      let bytes: Buffer
      try {
        bytes = await readAtMost(file.file, IMAGE_MAX_BYTES)
      } catch (error) {
        if (error instanceof ImageRefused) throw error
        throw new ImageRefused('damaged')
      }
      if (bytes.length === 0) throw new ImageRefused('missing')
      return bytes
    },
  }
}

/** A producer's photos: the upload with its text alternative, the removal, and the WebP itself. */
export async function producerPhotoPages(base: FastifyInstance, services: AppServices) {
  await base.register(multipart, {
    limits: {
      fileSize: IMAGE_MAX_BYTES + 1,
      files: 1,
      fields: 4,
      parts: 6,
      fieldSize: PHOTO_ALT_MAX * 4 + 100,
    },
    throwFileSizeLimit: false,
  })
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const photos = new ProducerPhotoService(services)
  const producers = new ProducerService(services)

  const refused = async (req: FastifyRequest, reply: FastifyReply, errors: FieldError[], status: number) => {
    const { id } = req.params as { id: string }
    const view = await producers.page(req.actor, req.territory!, id)
    const places = await Promise.all(
      view.places.map(async (p) => ({
        ...p,
        communeName: (await services.communes.find(req.territory!, p.communeInsee))?.name ?? p.communeInsee,
      })),
    )
    return sendPage(
      reply,
      ProducerManagePage({
        ctx: req.viewContext(),
        organisation: view.organisation,
        presentation: view.profile?.presentation ?? '',
        labels: view.profile?.labels ?? [],
        products: view.products,
        places,
        photos: view.photos,
        errors,
      }),
      status,
    )
  }

  app.post(
    '/organisations/:id/producteur/photos',
    {
      schema: { params: Type.Object({ id: Type.String({ maxLength: 100 }) }) },
      ...uploadHooks,
      config: { permission: 'session', scope: null },
    },
    async (req, reply) => {
      try {
        await producers.managed(req.actor, req.territory!, req.params.id)
        const upload = await readUpload(uploadParts(req))
        await photos.add(req.actor, req.territory!, req.params.id, upload.alt, upload.read)
        return reply.redirect(`/organisations/${req.params.id}/producteur?fait=photo`, 303)
      } catch (error) {
        if (error instanceof ImageRefused)
          return refused(req, reply, [{ field: 'photo', message: req.t(error.key) }], 400)
        if (error instanceof ValidationError)
          return refused(
            req,
            reply,
            error.issues.map((i) => ({ field: i.field, message: req.t(i.key, i.params) })),
            400,
          )
        if (error instanceof RateLimitedError) {
          reply.header('retry-after', String(error.retryAfterSeconds))
          return refused(
            req,
            reply,
            [{ field: 'photo', message: req.t('organisationLogo.error.tooMany') }],
            429,
          )
        }
        throw error
      }
    },
  )

  app.post(
    '/organisations/:id/producteur/photos/:itemId/retirer',
    { schema: { params: itemParams }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      await photos.remove(req.actor, req.territory!, req.params.id, req.params.itemId)
      return reply.redirect(`/organisations/${req.params.id}/producteur?fait=retire`, 303)
    },
  )

  app.get(
    '/producteurs/:id/photos/:itemId',
    {
      schema: {
        params: itemParams,
        querystring: imageVersionQuery,
      },
      config: { permission: 'public', scope: null },
      onSend: imageOnlyHeaders,
    },
    async (req, reply) => {
      const { photo, shared } = await photos.serve(
        req.actor,
        req.territory!,
        req.params.id,
        req.params.itemId,
      )
      return sendStoredImage(req, reply, photo, shared ? SHARED : PRIVATE)
    },
  )
}
