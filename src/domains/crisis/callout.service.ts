import { type Actor, can } from '../../platform/auth/actor.ts'
import { forbidden, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised, type Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { accountCard, volunteerAudience } from '../accounts/index.ts'
import { CALLOUT_JOB } from './callout.jobs.ts'
import {
  calloutsOf,
  findCallout,
  insertCallout,
  insertOptOut,
  insertRecipients,
  optedOut,
  startSending,
} from './callout.repository.ts'
import {
  CALLOUT_SEND_LIMIT,
  type Callout,
  type CalloutInput,
  COMMUNES_MAX,
  checkCalloutTexts,
  communeLines,
} from './callout.ts'
import { readCalloutToken } from './callout-token.ts'
import { openPeriod } from './crisis.repository.ts'

export type DraftResult = { kind: 'saved'; callout: Callout } | { kind: 'invalid'; issues: Issue[] }

function caller(actor: Actor | null): Actor {
  if (!actor || !can(actor, 'volunteers:callout')) throw forbidden()
  return actor
}

/**
 * Mass calls for volunteers: coordinators and administrators count who a call would reach (a
 * draft), then send it; the job queue mails it in small batches.
 */
export class CalloutService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  async list(actor: Actor | null, territory: Territory): Promise<Callout[]> {
    caller(actor)
    return calloutsOf(this.#db, territory.id)
  }

  async find(actor: Actor | null, territory: Territory, id: string): Promise<Callout> {
    caller(actor)
    const found = isUuid(id) ? await findCallout(this.#db, territory.id, id) : null
    if (!found) throw notFound()
    return found
  }

  /** The categories a call may name, as the form offers them; what the crisis opened first. */
  async choices(actor: Actor | null, territory: Territory, locale: 'fr' | 'en') {
    caller(actor)
    const categories = await this.services.categoryCache.list(territory.id, { activeOnly: false })
    return categories.map((c) => ({ value: c.id, label: localised(c.name, locale), slug: c.slug }))
  }

  /** The dry run: checks the form, counts who it would reach now, and keeps it as a draft. */
  async draft(actor: Actor | null, territory: Territory, input: CalloutInput): Promise<DraftResult> {
    const me = caller(actor)
    const issues: Issue[] = []
    const texts = checkCalloutTexts(input, issues)
    const categories = await this.services.categoryCache.list(territory.id, { activeOnly: false })
    const ids = [...new Set(input.categoryIds)]
    if (ids.some((id) => !categories.some((c) => c.id === id)))
      issues.push({ field: 'categories', key: 'callout.error.category' })
    const communes = await this.#communes(territory, input.communes, issues)
    if (issues.length > 0) return { kind: 'invalid', issues }
    const crisis = territory.crisisMode ? await openPeriod(this.#db, territory.id) : null
    const callout: Callout = {
      id: this.services.ids(),
      territoryId: territory.id,
      crisisId: crisis?.id ?? null,
      channel: 'email',
      ...texts,
      categoryIds: ids,
      communes,
      status: 'draft',
      reach: 0,
      sent: 0,
      createdBy: me.accountId,
      createdAt: this.services.clock.now(),
      sentAt: null,
    }
    callout.reach = (await this.audience(territory, callout)).length
    await insertCallout(this.#db, callout)
    return { kind: 'saved', callout }
  }

  /**
   * Who the call reaches now: the volunteers matching its categories (by the interests of their
   * profile, which use the categories' slugs) and communes, less those who opted out.
   */
  async audience(territory: Territory, callout: Pick<Callout, 'categoryIds' | 'communes'>) {
    const categories = await this.services.categoryCache.list(territory.id, { activeOnly: false })
    const interests = categories.filter((c) => callout.categoryIds.includes(c.id)).map((c) => c.slug)
    const people = await volunteerAudience(this.#db, {
      territoryId: territory.id,
      interests,
      communes: callout.communes,
    })
    const out = await optedOut(this.#db, territory.id)
    return people.filter((p) => !out.has(p.id))
  }

  /**
   * Sends a draft once: its recipients are written (counted again, since people may have opted
   * out since the dry run) and the first step of the sending is queued, in one transaction.
   */
  async send(actor: Actor | null, territory: Territory, id: string): Promise<Callout> {
    const me = caller(actor)
    const draft = await this.find(me, territory, id)
    if (draft.status !== 'draft') return draft
    const people = await this.audience(territory, draft)
    const sent = await this.#db.transaction(async (tx) => {
      await this.services.rateLimiter.hit(`callout:${territory.id}`, CALLOUT_SEND_LIMIT, tx)
      const sending = await startSending(tx, territory.id, draft.id, people.length)
      if (!sending) return null
      await insertRecipients(
        tx,
        draft.id,
        people.map((p) => p.id),
      )
      await this.services.jobs.enqueue(
        CALLOUT_JOB,
        { calloutId: draft.id },
        { territoryId: territory.id, tx },
      )
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'callout.sent',
          targetId: draft.id,
          details: { reach: people.length, channel: draft.channel },
        },
        tx,
      )
      return sending
    })
    return sent ?? (await this.find(me, territory, id))
  }

  /** The account a mass call's unsubscribe link names, if the link is genuine and the account still exists. */
  async unsubscribeTarget(territory: Territory, token: string): Promise<string | null> {
    const accountId = readCalloutToken(this.services.config.appSecret, territory.id, token)
    return accountId && (await accountCard(this.#db, accountId)) ? accountId : null
  }

  /** One click: no mass call of this territory reaches the person again. True when the link was genuine. */
  async unsubscribe(territory: Territory, token: string): Promise<boolean> {
    const accountId = await this.unsubscribeTarget(territory, token)
    if (!accountId) return false
    await insertOptOut(this.#db, territory.id, accountId, this.services.clock.now())
    return true
  }

  /** One commune a line, as the commune field reads it; each must be one commune of the territory. */
  async #communes(territory: Territory, text: string, issues: Issue[]): Promise<string[]> {
    const lines = communeLines(text)
    if (lines.length > COMMUNES_MAX) {
      issues.push({ field: 'communes', key: 'callout.error.communesTooMany', params: { max: COMMUNES_MAX } })
      return []
    }
    const found: string[] = []
    for (const line of lines) {
      const resolved = await this.services.communes.resolve(territory, line)
      if (resolved.kind === 'one') found.push(resolved.commune.insee)
      else {
        const key = resolved.kind === 'many' ? 'callout.error.communeMany' : 'callout.error.communeUnknown'
        issues.push({ field: 'communes', key, params: { name: line.slice(0, 60) } })
        break
      }
    }
    return [...new Set(found)]
  }

  /** The communes of a call as the form shows them back: « Bayeux (14400) », one a line. */
  async communeText(territory: Territory, insees: string[]): Promise<string> {
    const names = await Promise.all(
      insees.map(async (insee) => {
        const c = await this.services.communes.find(territory, insee)
        return c ? `${c.name} (${c.postalCodes[0] ?? c.insee})` : insee
      }),
    )
    return names.join('\n')
  }
}
