import type { Actor } from '../../platform/auth/actor.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { notFound } from '../../platform/http/problem.ts'
import { isLocale, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { type AccountCard, accountCard, accountCards } from '../accounts/index.ts'
import {
  closeAppealItem,
  decideAppeal,
  findAppeal,
  openAppeals,
  setAppealTokenHash,
} from './appeal.repository.ts'
import { moderator } from './appeal-access.ts'
import type { AppealRow, SanctionRow } from './sanction.repository.ts'
import { liftWithEffects } from './sanction-life.service.ts'
import { type AppealDecision, checkAnswer, UUID } from './sanction-life.ts'

/** An appeal as the reviewing moderator sees it: the decision, the statement, the people by name. */
export interface AppealForReview {
  appeal: AppealRow
  sanction: SanctionRow
  people: Map<string, AccountCard>
}

export type ReviewOutcome =
  | { kind: 'decided'; status: AppealDecision }
  | { kind: 'invalid'; issues: Issue[] }
  /** the reviewer decided the sanction, or is the person: another moderator must */
  | { kind: 'own-decision' }
  /** another moderator answered first */
  | { kind: 'stale' }

/**
 * Another moderator reviews an appeal: lifts the sanction (and what it hid) or keeps it, with
 * words the person receives by mail. The one who decided the sanction never reviews its appeal.
 */
export class AppealReviewService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  async open(actor: Actor | null, territory: Territory) {
    moderator(actor)
    const rows = await openAppeals(this.#db, territory.id)
    const people = await accountCards(
      this.#db,
      rows.map((r) => r.appeal.accountId),
    )
    return { rows, people }
  }

  async one(actor: Actor | null, territory: Territory, id: string): Promise<AppealForReview> {
    moderator(actor)
    return this.#find(territory, id)
  }

  async #find(territory: Territory, id: string): Promise<AppealForReview> {
    if (!UUID.test(id)) throw notFound()
    const found = await findAppeal(this.#db, territory.id, id)
    if (!found) throw notFound()
    const ids = [found.appeal.accountId, found.sanction.decidedBy, found.appeal.reviewedBy]
    const people = await accountCards(
      this.#db,
      ids.filter((x): x is string => x !== null),
    )
    return { ...found, people }
  }

  async decide(
    actor: Actor | null,
    territory: Territory,
    id: string,
    input: { decision: string; answer: string },
  ): Promise<ReviewOutcome> {
    const me = moderator(actor)
    const { appeal, sanction } = await this.#find(territory, id)
    if (sanction.decidedBy === me.accountId || appeal.accountId === me.accountId)
      return { kind: 'own-decision' }
    const { decision, answer, issues } = checkAnswer(input)
    if (!decision) return { kind: 'invalid', issues }
    if (issues.length > 0) return { kind: 'invalid', issues }
    if (appeal.status !== 'open') return { kind: 'stale' }
    const { clock, audit, mailer, config } = this.services
    const now = clock.now()
    return this.#db.transaction(async (tx): Promise<ReviewOutcome> => {
      const decided = await decideAppeal(tx, appeal.id, {
        status: decision,
        reviewedBy: me.accountId,
        answer,
        now,
      })
      if (!decided) return { kind: 'stale' }
      if (decision === 'granted') await liftWithEffects(this.services, tx, sanction, me.accountId, now)
      await closeAppealItem(tx, territory.id, appeal.id, { code: decision, by: me.accountId, now })
      // Answered: the link in the mail has done its work and opens nothing any more.
      await setAppealTokenHash(tx, sanction.id, null)
      await audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: decision === 'granted' ? 'appeal.granted' : 'appeal.upheld',
          targetId: appeal.id,
          details: { sanctionId: sanction.id, kind: sanction.kind },
        },
        tx,
      )
      const person = await accountCard(tx, appeal.accountId)
      if (person) {
        const locale = isLocale(person.locale) ? person.locale : 'fr'
        const t = translator(locale)
        const restored = decision === 'granted' && (sanction.kind === 'suspend' || sanction.kind === 'ban')
        await mailer.send({
          territory,
          to: person.email,
          locale,
          template: 'appeal-answered',
          data: {
            name: person.displayName,
            outcome: t(decision === 'granted' ? 'appeal.mail.granted' : 'appeal.mail.upheld'),
            answer,
            ...(restored ? { signIn: `${territoryBaseUrl(config, territory)}/connexion` } : {}),
          },
          tx,
        })
      }
      return { kind: 'decided', status: decision }
    })
  }
}
