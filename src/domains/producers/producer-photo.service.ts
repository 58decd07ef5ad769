import { type Actor, can } from '../../platform/auth/actor.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { Limit } from '../../platform/http/rate-limit.ts'
import { reencodeImage } from '../../platform/images/image.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid, ValidationError } from '../../platform/validation.ts'
import { organisationCards, roleIn } from '../organisations/index.ts'
import { saveProfile } from './producer.repository.ts'
import { ProducerService } from './producer.service.ts'
import { checkText, PHOTO_ALT_MAX, PHOTOS_MAX } from './producer.ts'
import { deletePhoto, insertPhoto, photoToServe } from './producer-photo.repository.ts'

/** Uploads a manager may make in an hour, refused ones included: each is decoded, as a logo is. */
export const PHOTO_UPLOADS: Limit = { max: 20, windowMs: 3_600_000 }

/**
 * A producer's photos: up to six, each re-encoded to WebP like a logo (the uploaded bytes are never
 * kept), each with the words that say what it shows.
 */
export class ProducerPhotoService {
  readonly #producers: ProducerService
  constructor(private readonly services: AppServices) {
    this.#producers = new ProducerService(services)
  }

  /**
   * Checks the manager and the text alternative, counts the upload, then reads and re-encodes the
   * file. Throws ValidationError, ImageRefused or RateLimitedError with nothing written.
   */
  async add(
    actor: Actor | null,
    territory: Territory,
    id: string,
    altText: unknown,
    read: () => Promise<Buffer>,
  ) {
    const organisation = await this.#producers.managed(actor, territory, id)
    const issues: Issue[] = []
    const alt = checkText(issues, 'alt', altText, PHOTO_ALT_MAX, 'producers.error.altRequired')
    if (issues.length > 0) throw new ValidationError(issues)
    await this.services.rateLimiter.hit(`producer:photo:${actor!.accountId}`, PHOTO_UPLOADS)
    const image = await reencodeImage(await read())
    const now = this.services.clock.now()
    await this.services.database.db.transaction(async (tx) => {
      await saveProfile(tx, { organisationId: organisation.id, territoryId: territory.id, updatedAt: now })
      const added = await insertPhoto(
        tx,
        {
          id: this.services.ids(),
          organisationId: organisation.id,
          image: image.bytes,
          mediaType: image.mediaType,
          width: image.width,
          height: image.height,
          etag: image.hash,
          alt,
          createdAt: now,
        },
        PHOTOS_MAX,
      )
      if (!added)
        throw new ValidationError([
          { field: 'photo', key: 'producers.error.tooManyPhotos', params: { max: PHOTOS_MAX } },
        ])
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: actor!.accountId,
          action: 'producer.changed',
          targetId: organisation.id,
          details: { what: 'photo' },
        },
        tx,
      )
    })
    return organisation
  }

  async remove(actor: Actor | null, territory: Territory, id: string, photoId: string) {
    const organisation = await this.#producers.managed(actor, territory, id)
    if (!isUuid(photoId)) throw notFound()
    await this.services.database.db.transaction(async (tx) => {
      if (!(await deletePhoto(tx, organisation.id, photoId))) throw notFound()
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: actor!.accountId,
          action: 'producer.changed',
          targetId: organisation.id,
          details: { what: 'photo' },
        },
        tx,
      )
    })
    return organisation
  }

  /** A verified producer's photos are public; the others' are for its members and staff only (404 otherwise). */
  async serve(actor: Actor | null, territory: Territory, id: string, photoId: string) {
    if (!isUuid(id) || !isUuid(photoId)) throw notFound()
    const db = this.services.database.db
    const photo = await photoToServe(db, territory.id, id, photoId)
    const card = photo ? (await organisationCards(db, territory.id, [id])).get(id) : null
    if (!photo || !card) throw notFound()
    if (card.status === 'verified') return { photo, shared: true }
    if (can(actor, 'staff:area') || (actor && (await roleIn(db, id, actor.accountId))))
      return { photo, shared: false }
    throw notFound()
  }
}
