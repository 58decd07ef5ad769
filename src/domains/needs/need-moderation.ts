import { and, asc, eq } from 'drizzle-orm'
import { type Actor, can } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { isUuid } from '../../platform/validation.ts'
import { organisationIn } from '../organisations/index.ts'
import { updateNeed } from './need.repository.ts'
import { needs } from './need.schema.ts'
import type { Need } from './need.ts'
import { unqueueNeed } from './need-review.ts'

function heldNeeds(db: DbOrTx, territoryId: string) {
  return db
    .select({
      id: needs.id,
      title: needs.title,
      description: needs.description,
      organisationId: needs.organisationId,
      holdReasons: needs.holdReasons,
    })
    .from(needs)
    .where(and(eq(needs.territoryId, territoryId), eq(needs.status, 'held')))
    .orderBy(asc(needs.createdAt))
}

/**
 * What the queue's start-up catch-up needs: every held need of every territory, as a queue item
 * (the queue itself keeps one open item per subject).
 */
export async function needsToQueue(db: DbOrTx) {
  const rows = await db
    .select({
      id: needs.id,
      territoryId: needs.territoryId,
      title: needs.title,
      holdReasons: needs.holdReasons,
      createdBy: needs.createdBy,
      createdAt: needs.createdAt,
    })
    .from(needs)
    .where(eq(needs.status, 'held'))
  return rows.map((r) => ({
    territoryId: r.territoryId,
    subjectKind: 'need' as const,
    subjectId: r.id,
    cause: 'money-wording' as const,
    accountId: r.createdBy,
    label: r.title,
    details: r.holdReasons,
    since: r.createdAt,
  }))
}

/**
 * A moderator's decision on a held need, in the caller's transaction: open to pledges or removed,
 * out of the queue, audited. Null when it is not held (any more). The held list and the
 * moderation queue both decide through it.
 */
export async function decideHeldNeed(
  services: AppServices,
  tx: DbOrTx,
  input: { territoryId: string; id: string; publish: boolean; actorId: string; now: Date },
): Promise<Need | null> {
  const { territoryId, id, now } = input
  const status = input.publish ? ('open' as const) : ('removed' as const)
  const changes = { status, updatedAt: now, ...(status === 'removed' ? { closedAt: now } : {}) }
  const need = await updateNeed(tx, { territoryId, id, statuses: ['held'] as const }, changes)
  if (!need) return null
  // Decided here, so the one queue no longer shows it waiting.
  await unqueueNeed(services, tx, need)
  await services.audit.record(
    {
      territoryId,
      actorId: input.actorId,
      action: input.publish ? 'need.published' : 'need.rejected',
      targetId: id,
    },
    tx,
  )
  return need
}

/**
 * A rejection overturned on appeal: the removed need is open to pledges again, audited as a
 * publication by the moderator who granted the appeal. False when it is not removed.
 */
export async function reinstateNeed(
  services: AppServices,
  tx: DbOrTx,
  input: { territoryId: string; id: string; actorId: string; now: Date },
): Promise<boolean> {
  const { territoryId, id, now } = input
  const changes = { status: 'open' as const, closedAt: null, updatedAt: now }
  const need = await updateNeed(tx, { territoryId, id, statuses: ['removed'] as const }, changes)
  if (!need) return false
  await services.audit.record(
    { territoryId, actorId: input.actorId, action: 'need.published', targetId: id },
    tx,
  )
  return true
}

/**
 * The needs the free-help rule held, for the moderators who read listings: publish or remove, each
 * decision audited in the same transaction.
 */
export class NeedModeration {
  constructor(private readonly services: AppServices) {}

  async held(actor: Actor | null, territory: Territory) {
    this.#moderator(actor)
    const { db } = this.services.database
    const rows = await heldNeeds(db, territory.id)
    const orgs = await Promise.all(
      [...new Set(rows.map((r) => r.organisationId))].map((id) => organisationIn(db, territory.id, id)),
    )
    const names = new Map(orgs.flatMap((o) => (o ? [[o.id, o.name] as const] : [])))
    return rows.map((r) => ({ ...r, organisation: names.get(r.organisationId) ?? '' }))
  }

  publish(actor: Actor | null, territory: Territory, id: string) {
    return this.#decide(actor, territory, id, 'open')
  }

  reject(actor: Actor | null, territory: Territory, id: string) {
    return this.#decide(actor, territory, id, 'removed')
  }

  async #decide(
    actor: Actor | null,
    territory: Territory,
    id: string,
    status: 'open' | 'removed',
  ): Promise<Need> {
    const me = this.#moderator(actor)
    if (!isUuid(id)) throw notFound()
    const now = this.services.clock.now()
    const decided = await this.services.database.db.transaction((tx) =>
      decideHeldNeed(this.services, tx, {
        territoryId: territory.id,
        id,
        publish: status === 'open',
        actorId: me.accountId,
        now,
      }),
    )
    if (!decided) throw notFound()
    return decided
  }

  #moderator(actor: Actor | null): Actor {
    if (!actor || !can(actor, 'listing:moderate')) throw new HttpError(403, 'forbidden')
    return actor
  }
}
