import type { Actor } from '../../platform/auth/actor.ts'
import { verified } from '../../platform/auth/guards.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import { communeLabel } from '../../platform/geo/commune.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { type DateParts, parseDateParts } from '../../platform/views/date-parts.ts'
import {
  type AskDraft,
  deleteOwnDraft,
  deleteStaleDrafts,
  findOwnDraft,
  insertDraft,
  updateOwnDraft,
} from './ask-draft.repository.ts'
import {
  type AskAnswers,
  type AskStep,
  datePartsMessages,
  inputOfAnswers,
  withoutStale,
} from './ask-steps.ts'
import { ListingService } from './listing.service.ts'
import { LISTING_LIMITS, UUID } from './listing.ts'
import { checkAgainstTerritory, type SaveResult } from './listing-check.ts'

/** A page as the browser sends it: text fields, each maybe missing. */
export type PageBody = Record<string, string | undefined>

/** What a page shows again after an error: its fields as typed, dates as their three parts. */
export type TypedPage = Record<string, string> & { dates?: Record<string, DateParts> }

export type PageResult =
  | { kind: 'saved'; draft: AskDraft }
  | { kind: 'invalid'; issues: Issue[]; typed: TypedPage; choices: Commune[] }

/** A draft no one touched for this long is removed the next time its author starts an ask. */
const DRAFT_DAYS = 7
const DAY_MS = 86_400_000

/** The issue fields each page answers for, as the listing's rules name them. */
const issueFields: Record<string, string[]> = {
  aide: ['categoryId'],
  description: ['title', 'description'],
  commune: ['commune'],
  quand: ['whenKind'],
  date: ['whenStart'],
  periode: ['whenStart', 'whenEnd'],
  rythme: ['recurrence'],
  urgence: ['urgency'],
  'pour-qui': ['forWhom'],
  personne: ['onBehalfName', 'onBehalfRelation', 'onBehalfConsent'],
}

const dateFields: Record<string, ('whenStart' | 'whenEnd')[]> = {
  date: ['whenStart'],
  periode: ['whenStart', 'whenEnd'],
}

/** The day, month and year a date page sent for one of its dates. */
export const datePartsOf = (body: PageBody, name: string): DateParts => ({
  day: body[`${name}-day`] ?? '',
  month: body[`${name}-month`] ?? '',
  year: body[`${name}-year`] ?? '',
})

/** A page's answers read from its form; dates that are not real dates become issues here. */
function readPage(step: AskStep, body: PageBody): { answers: AskAnswers; issues: Issue[]; typed: TypedPage } {
  const typed: TypedPage = {}
  const answers: AskAnswers = {}
  const issues: Issue[] = []
  for (const name of dateFields[step.slug] ?? []) {
    const parts = datePartsOf(body, name)
    typed.dates = { ...typed.dates, [name]: parts }
    const parsed = parseDateParts(parts)
    if (parsed.kind === 'date') answers[name] = parsed.iso
    else issues.push({ field: name, key: datePartsMessages[parsed.problem] })
  }
  for (const field of issueFields[step.slug] ?? []) {
    if (dateFields[step.slug]) continue
    const value = body[field]
    typed[field] = value ?? ''
    if (field === 'onBehalfConsent') answers.onBehalfConsent = value !== undefined
    else if (field !== 'commune') answers[field as Exclude<keyof AskAnswers, 'onBehalfConsent'>] = value ?? ''
  }
  return { answers, issues, typed }
}

/**
 * An ask written one question per page. Each page is checked by the same rules as the full form
 * (only the issues about its own fields are shown), and « Publier » goes through
 * `ListingService.create`, so moderation, the free-help rule, alerts and rate limits are the same.
 */
export class AskDraftService {
  readonly #listings: ListingService
  constructor(private readonly services: AppServices) {
    this.#listings = new ListingService(services)
  }

  get #db() {
    return this.services.database.db
  }

  /** The author's own draft in this territory; any other id, or anyone else's, is « not found ». */
  async find(actor: Actor | null, territory: Territory, id: string): Promise<AskDraft> {
    const me = verified(actor)
    const owner = { id, territoryId: territory.id, accountId: me.accountId }
    const draft = UUID.test(id) ? await findOwnDraft(this.#db, owner) : null
    if (!draft) throw notFound()
    return draft
  }

  /** The first page: a draft is made only once its answer is right. */
  async start(actor: Actor | null, territory: Territory, step: AskStep, body: PageBody): Promise<PageResult> {
    const me = verified(actor)
    const checked = await this.#check(territory, step, {}, body)
    if (checked.kind === 'invalid') return checked
    // Counted once the answer is right, as posting is: each draft is a row, so scripts are bounded.
    await this.services.rateLimiter.hit(`listing:draft:${me.accountId}`, LISTING_LIMITS.draftsPerDay)
    const now = this.services.clock.now()
    const draft: AskDraft = {
      id: this.services.ids(),
      territoryId: territory.id,
      accountId: me.accountId,
      answers: checked.answers,
      createdAt: now,
      updatedAt: now,
    }
    await this.#db.transaction(async (tx) => {
      await deleteStaleDrafts(tx, me.accountId, new Date(now.getTime() - DRAFT_DAYS * DAY_MS))
      await insertDraft(tx, draft)
    })
    return { kind: 'saved', draft }
  }

  /** One page's answers, written only when they are right; nothing changes otherwise. */
  async answer(
    actor: Actor | null,
    territory: Territory,
    id: string,
    step: AskStep,
    body: PageBody,
  ): Promise<PageResult> {
    const current = await this.find(actor, territory, id)
    const checked = await this.#check(territory, step, current.answers, body)
    if (checked.kind === 'invalid') return checked
    const changes = { answers: checked.answers, updatedAt: this.services.clock.now() }
    const owner = { id, territoryId: territory.id, accountId: current.accountId }
    if (!(await updateOwnDraft(this.#db, owner, changes))) throw notFound()
    return { kind: 'saved', draft: { ...current, ...changes } }
  }

  /**
   * « Publier » on the check page: the same use case as the full form, and the draft deleted in
   * its transaction, so a second click finds nothing and posts nothing.
   */
  async publish(
    actor: Actor | null,
    territory: Territory,
    id: string,
    charter: boolean,
  ): Promise<SaveResult> {
    const draft = await this.find(actor, territory, id)
    const owner = { id, territoryId: territory.id, accountId: draft.accountId }
    const commune = draft.answers.communeInsee ? { insee: draft.answers.communeInsee } : { text: '' }
    return this.#listings.create(
      actor,
      territory,
      inputOfAnswers(draft.answers, charter),
      commune,
      async (tx) => {
        if (!(await deleteOwnDraft(tx, owner))) throw notFound()
      },
    )
  }

  async #check(territory: Territory, step: AskStep, before: AskAnswers, body: PageBody) {
    const read = readPage(step, body)
    const merged: AskAnswers = { ...before, ...read.answers }
    const onCommunePage = step.slug === 'commune'
    const commune = onCommunePage
      ? { text: body.commune ?? '' }
      : merged.communeInsee
        ? { insee: merged.communeInsee }
        : { text: '' }
    const checked = await checkAgainstTerritory(
      this.services,
      territory,
      inputOfAnswers(merged, true),
      commune,
      this.#db,
    )
    const fields = issueFields[step.slug] ?? []
    const parsed = new Set(read.issues.map((i) => i.field))
    const ruled = checked.issues.filter((i) => fields.includes(i.field) && !parsed.has(i.field))
    if (step.slug === 'pour-qui' && merged.forWhom !== 'self' && merged.forWhom !== 'other')
      ruled.push({ field: 'forWhom', key: 'ask.forWhom.required' })
    const issues = [...read.issues, ...ruled].sort(
      (a, b) => fields.indexOf(a.field) - fields.indexOf(b.field),
    )
    if (issues.length > 0)
      return { kind: 'invalid' as const, issues, typed: read.typed, choices: checked.choices }
    if (onCommunePage && checked.place) {
      merged.commune = communeLabel(checked.place)
      merged.communeInsee = checked.place.insee
    }
    // Title and description as the rules keep them (spaces trimmed), so the check page shows what is published.
    const kept = checked.fields
    if (step.slug === 'description')
      Object.assign(merged, { title: kept.title, description: kept.description })
    if (step.slug === 'rythme') merged.recurrence = kept.recurrence ?? ''
    if (step.slug === 'personne')
      Object.assign(merged, {
        onBehalfName: kept.onBehalfName ?? '',
        onBehalfRelation: kept.onBehalfRelation ?? '',
      })
    return { kind: 'saved' as const, answers: withoutStale(merged) }
  }
}
