import { type Actor, can } from '../../platform/auth/actor.ts'
import { forbidden, notFound } from '../../platform/http/problem.ts'
import type { Limit } from '../../platform/http/rate-limit.ts'
import { reencodeImage } from '../../platform/images/image.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { setLogoUrl, storedSettings, updateSettings } from './territory.repository.ts'
import { deleteTerritoryLogo, findTerritoryLogo, saveTerritoryLogo } from './territory-logo.repository.ts'
import { checkSettings, type SettingsInput, SMS_CAP_DEFAULT, settingsFields } from './territory-settings.ts'

/** Uploads an administrator may make in an hour, refused ones included: each one is decoded. */
export const TERRITORY_LOGO_UPLOADS: Limit = { max: 10, windowMs: 3_600_000 }

/** Where the territory's logo is served; `?v=` is its hash, so a new logo is never an old cached one. */
export const TERRITORY_LOGO_PATH = '/logo-du-territoire'

function allow(actor: Actor | null): Actor {
  if (!actor || !can(actor, 'territory:configure')) throw forbidden()
  return actor
}

/**
 * The territory's own settings, kept by its administrators: the institution's link, the name
 * forms sentences use, the legal details, the logo. Each change is written with its audit entry
 * in one transaction; then the territory every request carries is forgotten, so the next page shows it.
 */
export class TerritorySettingsService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** The form's values as saved: what the territory stores, never what is derived. */
  async form(actor: Actor | null, territory: Territory): Promise<SettingsInput> {
    allow(actor)
    const stored = await storedSettings(this.#db, territory.id)
    const values = Object.fromEntries(settingsFields.map((f) => [f, ''])) as SettingsInput
    values.institutionUrl = stored?.institutionUrl ?? ''
    Object.assign(values, stored?.nameForms ?? {}, stored?.legalDetails ?? {})
    values.smsDailyCap = String(stored?.smsDailyCap ?? SMS_CAP_DEFAULT)
    return values
  }

  async save(
    actor: Actor | null,
    territory: Territory,
    input: SettingsInput,
  ): Promise<{ kind: 'saved' } | { kind: 'invalid'; issues: Issue[] }> {
    const me = allow(actor)
    const now = this.services.clock.now()
    const { value, issues } = checkSettings(input, now.toISOString().slice(0, 10))
    if (issues.length > 0) return { kind: 'invalid', issues }
    await this.#db.transaction(async (tx) => {
      await updateSettings(tx, territory.id, value, now)
      // Which fields are filled, never their text: the journal is read by every administrator.
      const filled = [
        ...(value.institutionUrl ? ['institutionUrl'] : []),
        ...Object.keys(value.nameForms),
        ...Object.keys(value.legalDetails),
      ]
      // The cap is no personal text: the journal says what it became.
      const cap = String(value.smsDailyCap)
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'territory.settings-changed',
          targetId: territory.id,
          details: { filled: filled.join(','), smsDailyCap: cap },
        },
        tx,
      )
    })
    this.services.tenancy.forget()
    return { kind: 'saved' }
  }

  /**
   * Checks the administrator, counts the upload, then reads the file (`read` streams it with its
   * limit) and re-encodes it; the header then points at the new image. Throws ImageRefused or
   * RateLimitedError with nothing written.
   */
  async saveLogo(actor: Actor | null, territory: Territory, read: () => Promise<Buffer>): Promise<void> {
    const me = allow(actor)
    await this.services.rateLimiter.hit(`territory:logo:${me.accountId}`, TERRITORY_LOGO_UPLOADS)
    const image = await reencodeImage(await read())
    const now = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      await saveTerritoryLogo(tx, {
        territoryId: territory.id,
        image: image.bytes,
        mediaType: image.mediaType,
        width: image.width,
        height: image.height,
        etag: image.hash,
        updatedAt: now,
      })
      await setLogoUrl(tx, territory.id, `${TERRITORY_LOGO_PATH}?v=${image.hash}`, now)
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'territory.logo-changed',
          targetId: territory.id,
          details: { width: image.width, height: image.height },
        },
        tx,
      )
    })
    this.services.tenancy.forget()
  }

  async removeLogo(actor: Actor | null, territory: Territory): Promise<void> {
    const me = allow(actor)
    await this.#db.transaction(async (tx) => {
      if (!(await deleteTerritoryLogo(tx, territory.id))) return
      await setLogoUrl(tx, territory.id, null, this.services.clock.now())
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'territory.logo-changed',
          targetId: territory.id,
          details: { removed: true },
        },
        tx,
      )
    })
    this.services.tenancy.forget()
  }

  /** Today's SMS sent and held back by the cap, shown beside it. */
  async smsToday(actor: Actor | null, territory: Territory) {
    allow(actor)
    return this.services.sms.today(territory.id)
  }

  /** Public: the logo is in every page's header. A territory without one: 404. */
  async logo(territory: Territory) {
    const logo = await findTerritoryLogo(this.#db, territory.id)
    if (!logo) throw notFound()
    return logo
  }
}
