import type { Actor } from '../../platform/auth/actor.ts'
import { can } from '../../platform/auth/actor.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { responseSummaries } from '../matches/index.ts'
import { lineSettings, openCaseRows, recordFirstResponse, saveLineSettings } from './case.repository.ts'
import {
  checkSettings,
  DEFAULT_CONSENT_WORDING,
  DEFAULT_DELAY_HOURS,
  type QueueGroup,
  queueGroupOf,
} from './case.ts'
import { CONSENT_MAX } from './person.ts'
import { agent } from './phone-access.ts'

export interface QueueItem {
  caseId: string
  personId: string
  personName: string
  communeName: string
  origin: import('./phone.schema.ts').CaseOrigin
  summary: string
  openedAt: Date
  pending: number
  firstResponseAt: Date | null
  group: QueueGroup
}

/** The line's home: its open cases in the order an agent should take them, and its settings. */
export class QueueService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** The territory's delay and consent wording, or the defaults when none was saved. */
  async settings(territoryId: string) {
    const row = await lineSettings(this.#db, territoryId)
    return {
      unansweredAfterHours: row?.unansweredAfterHours ?? DEFAULT_DELAY_HOURS,
      consentWording: row?.consentWording ?? DEFAULT_CONSENT_WORDING,
      custom: row?.consentWording ?? null,
    }
  }

  /**
   * The open cases by group, then oldest first. Whether an ask has responses, and since when, is
   * read from the matches (one query for the whole queue): the time of the first response is
   * copied to the case then, with its true value (the response's own time), so a response is never
   * counted in two places that could disagree and the respond transaction stays the matches' own.
   */
  async queue(actor: Actor | null, territory: Territory): Promise<QueueItem[]> {
    agent(actor)
    const [rows, settings] = await Promise.all([
      openCaseRows(this.#db, territory.id),
      this.settings(territory.id),
    ])
    const listingIds = rows.flatMap((r) => (r.case.listingId ? [r.case.listingId] : []))
    const summaries = await responseSummaries(this.#db, territory.id, listingIds)
    const now = this.services.clock.now()
    const items: QueueItem[] = []
    for (const { case: c, person } of rows) {
      const responses = c.listingId ? summaries.get(c.listingId) : undefined
      if (responses && !c.firstResponseAt) await recordFirstResponse(this.#db, c.id, responses.firstAt)
      const commune = await this.services.communes.find(territory, person.communeInsee)
      items.push({
        caseId: c.id,
        personId: person.id,
        personName: `${person.firstName} ${person.lastName}`,
        communeName: commune?.name ?? person.communeInsee,
        origin: c.origin,
        summary: c.summary,
        openedAt: c.openedAt,
        pending: responses?.pending ?? 0,
        firstResponseAt: c.firstResponseAt ?? responses?.firstAt ?? null,
        group: queueGroupOf(c, responses, now, settings.unansweredAfterHours),
      })
    }
    const rank = (g: QueueGroup) => ['alert', 'decide', 'late', 'other'].indexOf(g)
    return items.sort((a, b) => rank(a.group) - rank(b.group) || a.openedAt.getTime() - b.openedAt.getTime())
  }

  async saveSettings(
    actor: Actor | null,
    territory: Territory,
    input: { delay: unknown; consentWording: unknown },
  ): Promise<{ kind: 'saved' } | { kind: 'invalid'; issues: Issue[] }> {
    if (!can(actor, 'helpline:configure')) throw new HttpError(403, 'forbidden')
    const checked = checkSettings(input, CONSENT_MAX)
    if (checked.issues.length > 0) return { kind: 'invalid', issues: checked.issues }
    const at = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      await saveLineSettings(tx, {
        territoryId: territory.id,
        unansweredAfterHours: checked.delay,
        consentWording: checked.consentWording,
        updatedBy: actor!.accountId,
        updatedAt: at,
      })
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: actor!.accountId,
          action: 'phone.settings-changed',
          details: { delayHours: checked.delay, customWording: checked.consentWording !== null },
        },
        tx,
      )
    })
    return { kind: 'saved' }
  }
}
