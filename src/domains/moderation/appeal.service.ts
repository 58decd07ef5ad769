import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import { sha256 } from '../../platform/auth/secrets.ts'
import { notFound } from '../../platform/http/problem.ts'
import { submitForReview } from '../../platform/review/review-queue.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { appealOfSanction, appealsOfSanctions, insertAppeal } from './appeal.repository.ts'
import {
  type AppealRow,
  findSanction,
  findSanctionByTokenHash,
  type SanctionRow,
  sanctionsOf,
} from './sanction.repository.ts'
import { checkStatement, mayAppeal, UUID } from './sanction-life.ts'

export interface SanctionWithAppeal {
  sanction: SanctionRow
  appeal: AppealRow | null
}

export type FileOutcome =
  | { kind: 'filed'; appealId: string }
  /** the decision has an appeal already: it is under review, or was answered */
  | { kind: 'already' }
  | { kind: 'invalid'; issues: Issue[] }

/**
 * The person's side of a sanction: reading it and contesting it, from the emailed link (the
 * link is the proof) or from their account. Filing puts the appeal in the territory's queue.
 */
export class AppealService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** The decision an appeal link opens, in this territory; null for an unknown or spent link. */
  async byToken(territory: Territory, token: string): Promise<SanctionWithAppeal | null> {
    if (!/^[\w-]{20,100}$/.test(token)) return null
    const sanction = await findSanctionByTokenHash(this.#db, sha256(token))
    if (!sanction || sanction.territoryId !== territory.id) return null
    return { sanction, appeal: await appealOfSanction(this.#db, sanction.id) }
  }

  async fileByToken(territory: Territory, token: string, statement: string): Promise<FileOutcome | null> {
    const found = await this.byToken(territory, token)
    return found && this.#file(found, statement)
  }

  /** The signed-in person's decisions in this territory, newest first, each with its appeal. */
  async mine(actor: Actor | null, territory: Territory): Promise<SanctionWithAppeal[]> {
    const me = signedIn(actor)
    const rows = await sanctionsOf(this.#db, territory.id, me.accountId)
    const appeals = await appealsOfSanctions(
      this.#db,
      rows.map((s) => s.id),
    )
    return rows.map((sanction) => ({ sanction, appeal: appeals.get(sanction.id) ?? null }))
  }

  /** Contesting from the account: only one's own decision; anyone else's is not found. */
  async fileMine(
    actor: Actor | null,
    territory: Territory,
    sanctionId: string,
    statement: string,
  ): Promise<FileOutcome> {
    const me = signedIn(actor)
    if (!UUID.test(sanctionId)) throw notFound()
    const sanction = await findSanction(this.#db, territory.id, sanctionId)
    if (!sanction || sanction.accountId !== me.accountId) throw notFound()
    return this.#file({ sanction, appeal: await appealOfSanction(this.#db, sanction.id) }, statement)
  }

  /** The appeal, its queue item and its trace are one write: an appeal is never filed unseen. */
  async #file({ sanction, appeal }: SanctionWithAppeal, statement: string): Promise<FileOutcome> {
    if (!mayAppeal(sanction, appeal)) return { kind: 'already' }
    const { text, issues } = checkStatement(statement)
    if (issues.length > 0) return { kind: 'invalid', issues }
    const { clock, ids, audit } = this.services
    const now = clock.now()
    const appealId = ids()
    return this.#db.transaction(async (tx): Promise<FileOutcome> => {
      const inserted = await insertAppeal(tx, {
        id: appealId,
        territoryId: sanction.territoryId,
        sanctionId: sanction.id,
        accountId: sanction.accountId,
        statement: text,
        createdAt: now,
      })
      if (!inserted) return { kind: 'already' }
      await submitForReview(
        tx,
        {
          territoryId: sanction.territoryId,
          subjectKind: 'appeal',
          subjectId: appealId,
          cause: 'appeal',
          priority: 1,
          accountId: sanction.accountId,
          details: [sanction.kind, sanction.reason],
        },
        { id: ids(), now },
      )
      await audit.record(
        {
          territoryId: sanction.territoryId,
          actorId: sanction.accountId,
          action: 'appeal.filed',
          targetId: appealId,
          details: { sanctionId: sanction.id, kind: sanction.kind },
        },
        tx,
      )
      return { kind: 'filed', appealId }
    })
  }
}
