import { and, asc, eq } from 'drizzle-orm'
import { type Actor, can } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { isUuid } from '../../platform/validation.ts'
import { notifyMissionPublished } from '../listings/index.ts'
import { organisationIn } from '../organisations/index.ts'
import { missions } from './mission.schema.ts'
import { unqueueMission } from './mission-review.ts'
import { recordMissionPosted } from './mission-stats.ts'

function heldMissions(db: DbOrTx, territoryId: string) {
  return db
    .select({
      id: missions.id,
      title: missions.title,
      description: missions.description,
      organisationId: missions.organisationId,
      holdReasons: missions.holdReasons,
    })
    .from(missions)
    .where(and(eq(missions.territoryId, territoryId), eq(missions.status, 'held')))
    .orderBy(asc(missions.createdAt))
    .limit(200)
}

/** Publishes or removes a held mission; null when it is not held (any more) in this territory. */
async function decide(
  db: DbOrTx,
  territoryId: string,
  id: string,
  status: 'published' | 'removed',
  now: Date,
  from: 'held' | 'removed' = 'held',
) {
  const [row] = await db
    .update(missions)
    .set({ status, updatedAt: now, ...(status === 'published' ? { publishedAt: now } : { closedAt: now }) })
    .where(and(eq(missions.territoryId, territoryId), eq(missions.id, id), eq(missions.status, from)))
    .returning({
      id: missions.id,
      title: missions.title,
      description: missions.description,
      createdBy: missions.createdBy,
      territoryId: missions.territoryId,
      communeInsee: missions.communeInsee,
      categoryId: missions.categoryId,
      status: missions.status,
      publishedAt: missions.publishedAt,
    })
  if (row) await recordMissionPosted(db, row)
  return row ?? null
}

/**
 * A moderator's decision on a held mission, in the caller's transaction: published (its alerts
 * go out) or removed, out of the queue, audited. Null when it is not held (any more). The held
 * list and the moderation queue both decide through it.
 */
export async function decideHeldMission(
  services: AppServices,
  tx: DbOrTx,
  input: { territoryId: string; id: string; publish: boolean; actorId: string; now: Date },
) {
  const row = await decide(
    tx,
    input.territoryId,
    input.id,
    input.publish ? 'published' : 'removed',
    input.now,
  )
  if (!row) return null
  if (input.publish) await notifyMissionPublished(services, row.id, tx)
  // Decided here, so the one queue no longer shows it waiting.
  await unqueueMission(services, tx, { id: row.id, territoryId: input.territoryId })
  await services.audit.record(
    {
      territoryId: input.territoryId,
      actorId: input.actorId,
      action: input.publish ? 'mission.published' : 'mission.rejected',
      targetId: row.id,
    },
    tx,
  )
  return row
}

/**
 * A rejection overturned on appeal: the removed mission is published again (its alerts go out),
 * audited as a publication by the moderator who granted the appeal. False when it is not removed.
 */
export async function reinstateMission(
  services: AppServices,
  tx: DbOrTx,
  input: { territoryId: string; id: string; actorId: string; now: Date },
): Promise<boolean> {
  const row = await decide(tx, input.territoryId, input.id, 'published', input.now, 'removed')
  if (!row) return false
  await notifyMissionPublished(services, row.id, tx)
  await services.audit.record(
    { territoryId: input.territoryId, actorId: input.actorId, action: 'mission.published', targetId: row.id },
    tx,
  )
  return true
}

/**
 * What the queue's start-up catch-up needs: every held mission of every territory, as a queue item
 * (the queue itself keeps one open item per subject).
 */
export async function missionsToQueue(db: DbOrTx) {
  const rows = await db
    .select({
      id: missions.id,
      territoryId: missions.territoryId,
      title: missions.title,
      holdReasons: missions.holdReasons,
      createdBy: missions.createdBy,
      createdAt: missions.createdAt,
    })
    .from(missions)
    .where(eq(missions.status, 'held'))
  return rows.map((r) => ({
    territoryId: r.territoryId,
    subjectKind: 'mission' as const,
    subjectId: r.id,
    cause: 'money-wording' as const,
    accountId: r.createdBy,
    label: r.title,
    details: r.holdReasons,
    since: r.createdAt,
  }))
}

/**
 * The missions the free-help rule held, for the moderators who read listings: publish or remove,
 * each decision audited in the same transaction.
 */
export class MissionModeration {
  constructor(private readonly services: AppServices) {}

  async held(actor: Actor | null, territory: Territory) {
    this.#moderator(actor)
    const { db } = this.services.database
    const rows = await heldMissions(db, territory.id)
    const orgs = await Promise.all(
      [...new Set(rows.map((r) => r.organisationId))].map((id) => organisationIn(db, territory.id, id)),
    )
    const names = new Map(orgs.flatMap((o) => (o ? [[o.id, o.name] as const] : [])))
    return rows.map((r) => ({ ...r, organisation: names.get(r.organisationId) ?? '' }))
  }

  publish(actor: Actor | null, territory: Territory, id: string) {
    return this.#decide(actor, territory, id, 'published')
  }

  reject(actor: Actor | null, territory: Territory, id: string) {
    return this.#decide(actor, territory, id, 'removed')
  }

  async #decide(actor: Actor | null, territory: Territory, id: string, status: 'published' | 'removed') {
    const me = this.#moderator(actor)
    if (!isUuid(id)) throw notFound()
    const now = this.services.clock.now()
    const decided = await this.services.database.db.transaction((tx) =>
      decideHeldMission(this.services, tx, {
        territoryId: territory.id,
        id,
        publish: status === 'published',
        actorId: me.accountId,
        now,
      }),
    )
    if (!decided) throw notFound()
  }

  #moderator(actor: Actor | null): Actor {
    if (!actor || !can(actor, 'listing:moderate')) throw new HttpError(403, 'forbidden')
    return actor
  }
}
