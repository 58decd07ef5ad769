import { type Actor, can } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { Limit } from '../../platform/http/rate-limit.ts'
import { reencodeImage } from '../../platform/images/image.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { isUuid } from '../../platform/validation.ts'
import { managedOrganisation, type OrganisationRef } from './membership.repository.ts'
import {
  deleteLogo,
  logoEtag,
  logoToServe,
  type ServedLogo,
  saveLogo,
} from './organisation-logo.repository.ts'

/**
 * Uploads a manager may make in an hour, refused files included: each one is decoded, which costs
 * far more than a form, and a manager changes a logo a few times at most.
 */
export const LOGO_UPLOADS: Limit = { max: 10, windowMs: 3_600_000 }

/** Who sees the logo: everyone's copy for a verified organisation, no shared copy for the others. */
export interface LogoToSend {
  logo: ServedLogo['logo']
  /** a verified organisation's: the same for every visitor, a shared cache may keep it */
  shared: boolean
}

/** An organisation's logo: changed by its managers only, shown as our own re-encoded WebP. */
export class OrganisationLogoService {
  constructor(private readonly services: AppServices) {}

  /** The organisation and its logo's hash, for the form; 404 alike when it does not exist or is not the actor's. */
  async form(actor: Actor | null, territory: Territory, id: string) {
    const organisation = await this.#managed(actor, territory, id)
    return { organisation, etag: await logoEtag(this.services.database.db, organisation.id) }
  }

  /**
   * Checks the manager, counts the upload, then reads the file (`read` streams it with its limit),
   * re-encodes it and stores it with its audit entry. Throws ImageRefused or RateLimitedError with
   * nothing written.
   */
  async save(
    actor: Actor | null,
    territory: Territory,
    id: string,
    read: () => Promise<Buffer>,
  ): Promise<OrganisationRef> {
    const organisation = await this.#managed(actor, territory, id)
    const me = actor!
    await this.services.rateLimiter.hit(`organisation:logo:${me.accountId}`, LOGO_UPLOADS)
    const image = await reencodeImage(await read())
    await this.services.database.db.transaction(async (tx) => {
      await saveLogo(tx, {
        organisationId: organisation.id,
        image: image.bytes,
        mediaType: image.mediaType,
        width: image.width,
        height: image.height,
        etag: image.hash,
        updatedAt: this.services.clock.now(),
      })
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'organisation.logo-changed',
          targetId: organisation.id,
          details: { width: image.width, height: image.height },
        },
        tx,
      )
    })
    return organisation
  }

  async remove(actor: Actor | null, territory: Territory, id: string): Promise<OrganisationRef> {
    const organisation = await this.#managed(actor, territory, id)
    await this.services.database.db.transaction(async (tx) => {
      if (!(await deleteLogo(tx, organisation.id))) return
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: actor!.accountId,
          action: 'organisation.logo-changed',
          targetId: organisation.id,
          details: { removed: true },
        },
        tx,
      )
    })
    return organisation
  }

  /**
   * A verified organisation's logo is public; the others' (pending, refused, suspended) are seen by
   * their members and the territory's staff only. Everyone else, and another territory: 404.
   */
  async serve(actor: Actor | null, territory: Territory, id: string): Promise<LogoToSend> {
    if (!isUuid(id)) throw notFound()
    const found = await logoToServe(this.services.database.db, territory.id, id, actor?.accountId ?? null)
    if (!found) throw notFound()
    if (found.status === 'verified') return { logo: found.logo, shared: true }
    if (found.member || can(actor, 'staff:area')) return { logo: found.logo, shared: false }
    throw notFound()
  }

  async #managed(actor: Actor | null, territory: Territory, id: string): Promise<OrganisationRef> {
    const me = signedIn(actor, 'organisations:write')
    if (!isUuid(id)) throw notFound()
    const organisation = await managedOrganisation(this.services.database.db, territory.id, id, me.accountId)
    if (!organisation) throw notFound()
    return organisation
  }
}
