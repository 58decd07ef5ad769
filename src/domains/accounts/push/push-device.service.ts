import type { Actor } from '../../../platform/auth/actor.ts'
import { browserOnly, signedIn } from '../../../platform/auth/guards.ts'
import { notFound } from '../../../platform/http/problem.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { isUuid, ValidationError } from '../../../platform/validation.ts'
import type { NotificationType } from '../profile/profile.ts'
import { describeDevice } from '../sessions/session-store.ts'
import { checkSubscription, DEVICES_MAX, type PushDeviceView, type SubscribeInput } from './push-device.ts'
import {
  deleteOwnEndpoint,
  deleteOwnSubscription,
  ownSubscriptions,
  type PushSubscriptionRow,
  saveSubscription,
  setOwnSubscriptionTypes,
} from './push-subscription.repository.ts'

/** Subscribing is what a script does on a click; a loop that subscribes forever is stopped. */
const SUBSCRIBE_LIMIT = { max: 20, windowMs: 3_600_000 }

const view = (row: PushSubscriptionRow): PushDeviceView => ({
  id: row.id,
  device: row.device === '? / ?' ? null : row.device,
  types: row.types,
  createdAt: row.createdAt,
  lastSuccessAt: row.lastSuccessAt,
})

/**
 * A person's devices that receive Web Push. Each is a browser's own subscription, so only a browser
 * session manages them (a token has no browser), and every change names the account and the
 * territory: another person's id, or an id from another territory, finds nothing (404).
 */
export class PushDeviceService {
  constructor(
    private readonly services: Pick<AppServices, 'config' | 'database' | 'clock' | 'ids' | 'rateLimiter'>,
  ) {}

  /** Push is offered only when the platform has its keys. */
  get offered(): boolean {
    return this.services.config.push !== undefined
  }

  #offeredOr404() {
    if (!this.offered) throw notFound()
  }

  async list(actor: Actor | null, territory: Territory): Promise<PushDeviceView[]> {
    const me = signedIn(actor)
    if (!this.offered) return []
    return (
      await ownSubscriptions(this.services.database.db, {
        territoryId: territory.id,
        accountId: me.accountId,
      })
    ).map(view)
  }

  async subscribe(
    actor: Actor | null,
    territory: Territory,
    input: SubscribeInput,
    userAgent: string | undefined,
  ): Promise<PushDeviceView> {
    const me = browserOnly(actor)
    this.#offeredOr404()
    const checked = checkSubscription(input, this.services.config.env)
    if ('issues' in checked) throw new ValidationError(checked.issues)
    const owner = { territoryId: territory.id, accountId: me.accountId }
    const { db } = this.services.database
    await this.services.rateLimiter.hit(`push:subscribe:${me.accountId}`, SUBSCRIBE_LIMIT)
    return db.transaction(async (tx) => {
      const existing = await ownSubscriptions(tx, owner)
      const again = existing.some((row) => row.endpoint === checked.target.endpoint)
      if (!again && existing.length >= DEVICES_MAX)
        throw new ValidationError([
          { field: 'endpoint', key: 'push.error.tooMany', params: { max: DEVICES_MAX } },
        ])
      const saved = await saveSubscription(tx, {
        id: this.services.ids(),
        ...owner,
        ...checked.target,
        types: checked.types,
        device: describeDevice(userAgent),
        createdAt: this.services.clock.now(),
        lastSuccessAt: null,
        failureCount: 0,
      })
      return view(saved)
    })
  }

  /** One of the person's own devices, or 404. */
  async own(actor: Actor | null, territory: Territory, id: string): Promise<PushDeviceView> {
    const me = browserOnly(actor)
    this.#offeredOr404()
    const owner = { territoryId: territory.id, accountId: me.accountId }
    const device = isUuid(id)
      ? (await ownSubscriptions(this.services.database.db, owner)).find((d) => d.id === id)
      : undefined
    if (!device) throw notFound()
    return view(device)
  }

  async setTypes(
    actor: Actor | null,
    territory: Territory,
    id: string,
    types: NotificationType[],
  ): Promise<void> {
    const me = browserOnly(actor)
    this.#offeredOr404()
    const owner = { territoryId: territory.id, accountId: me.accountId }
    if (!isUuid(id) || !(await setOwnSubscriptionTypes(this.services.database.db, owner, id, types)))
      throw notFound()
  }

  async remove(actor: Actor | null, territory: Territory, id: string): Promise<void> {
    const me = browserOnly(actor)
    this.#offeredOr404()
    const owner = { territoryId: territory.id, accountId: me.accountId }
    if (!isUuid(id) || !(await deleteOwnSubscription(this.services.database.db, owner, id))) throw notFound()
  }

  /** At sign-out, when the browser says which endpoint is its own; an unknown one changes nothing. */
  async forgetAtSignOut(actor: Actor | null, endpoint: unknown): Promise<void> {
    if (!actor || typeof endpoint !== 'string' || endpoint.length === 0 || endpoint.length > 1000) return
    await deleteOwnEndpoint(this.services.database.db, actor.accountId, endpoint)
  }
}
