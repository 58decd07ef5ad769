import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { Issue } from '../../platform/validation.ts'
import {
  type ListingKind,
  type ListingStatus,
  listingKinds,
  type listings,
  type Urgency,
  urgencies,
  type WhenKind,
  whenKinds,
} from './listing.schema.ts'

export type { ListingKind, ListingStatus, Urgency, WhenKind }
export type Listing = Omit<typeof listings.$inferSelect, 'searchVector'>
export type NewListing = Omit<typeof listings.$inferInsert, 'searchVector'>

export const TITLE_MAX = 120
export const DESCRIPTION_MAX = 4000
/** Short free texts: « tous les mardis », « 2 personnes par semaine », « ma voisine ». */
export const SHORT_TEXT_MAX = 100
export const NAME_MAX = 60
const DAY_MS = 86_400_000
/** A listing no one renews leaves the search after this long, so stale asks do not mislead helpers. */
export const LIFETIME_DAYS = 30
export const REMINDER_DAYS = 3

/** Hits allowed per account: enough for a real person's week, too few for spam. */
export const LISTING_LIMITS = {
  postPerDay: { max: 10, windowMs: DAY_MS },
  /** asks begun one question per page: each makes a draft on the server */
  draftsPerDay: { max: 30, windowMs: DAY_MS },
} as const

/** The kind as it reads in addresses (?type=demande) and as it is stored. */
export const kindSlugs = { demande: 'ask', proposition: 'offer' } as const satisfies Record<
  string,
  ListingKind
>
export function kindFromSlug(slug: string | undefined): ListingKind | null {
  return slug === 'demande' || slug === 'proposition' ? kindSlugs[slug] : null
}

/** What the form or the API sends, as text; anything else in the body is never read. */
export interface ListingInput {
  kind: string
  categoryId: string
  title: string
  description: string
  whenKind: string
  whenStart: string
  whenEnd: string
  recurrence: string
  urgency: string
  capacity: string
  forOther: boolean
  onBehalfName: string
  onBehalfRelation: string
  onBehalfConsent: boolean
  charter: boolean
}

/** The checked values, ready for the row (commune and category are checked by the service). */
export interface ListingFields {
  kind: ListingKind
  title: string
  description: string
  whenKind: WhenKind
  whenStart: Date | null
  whenEnd: Date | null
  recurrence: string | null
  urgency: Urgency | null
  capacity: string | null
  onBehalfName: string | null
  onBehalfRelation: string | null
  onBehalfConsent: boolean
}

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T =>
  (values as readonly string[]).includes(v)

/** Line breaks kept, spaces at the ends and Windows line endings gone. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim()
}

/** « 2026-04-02 » (the date field) or « 02/04/2026 » (typed by hand): noon UTC, the same day in Paris. */
export function parseDay(text: string): Date | null {
  const t = text.trim()
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t)
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t)
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : []
  if (!y) return null
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12))
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1 ? date : null
}

function shortText(value: string, field: string, issues: Issue[], key: MessageKey, max = SHORT_TEXT_MAX) {
  const text = value.trim()
  if (text === '') issues.push({ field, key })
  else if (text.length > max) issues.push({ field, key: 'listing.error.tooLong', params: { max } })
  return text || null
}

function checkWhen(input: ListingInput, today: Date, issues: Issue[]) {
  const whenKind = isOneOf(whenKinds, input.whenKind) ? input.whenKind : null
  const none = { whenKind: whenKind ?? 'flexible', whenStart: null, whenEnd: null, recurrence: null }
  if (!whenKind) {
    issues.push({ field: 'whenKind', key: 'listing.when.required' })
    return none
  }
  if (whenKind === 'recurring')
    return {
      ...none,
      recurrence: shortText(input.recurrence, 'recurrence', issues, 'listing.recurrence.required'),
    }
  if (whenKind === 'flexible') return none
  const start = parseDay(input.whenStart)
  const startOfToday = new Date(today.getTime() - DAY_MS)
  if (!start) issues.push({ field: 'whenStart', key: 'listing.whenStart.invalid' })
  else if (start < startOfToday) issues.push({ field: 'whenStart', key: 'listing.whenStart.past' })
  if (whenKind === 'date') return { ...none, whenStart: start }
  const end = parseDay(input.whenEnd)
  if (!end) issues.push({ field: 'whenEnd', key: 'listing.whenEnd.invalid' })
  else if (start && end < start) issues.push({ field: 'whenEnd', key: 'listing.whenEnd.beforeStart' })
  return { ...none, whenStart: start, whenEnd: end }
}

/**
 * Every rule that needs no database, in the order of the form; the commune and the category
 * come after the service has looked them up.
 */
export function checkListing(input: ListingInput, now: Date): { fields: ListingFields; issues: Issue[] } {
  const issues: Issue[] = []
  const kind = isOneOf(listingKinds, input.kind) ? input.kind : 'ask'
  if (!isOneOf(listingKinds, input.kind)) issues.push({ field: 'kind', key: 'listing.kind.required' })
  const title = input.title.trim().replace(/\s+/g, ' ')
  if (title === '') issues.push({ field: 'title', key: 'listing.title.required' })
  else if (title.length > TITLE_MAX)
    issues.push({ field: 'title', key: 'listing.error.tooLong', params: { max: TITLE_MAX } })
  const description = normaliseText(input.description)
  if (description === '') issues.push({ field: 'description', key: 'listing.description.required' })
  else if (description.length > DESCRIPTION_MAX)
    issues.push({ field: 'description', key: 'listing.error.tooLong', params: { max: DESCRIPTION_MAX } })
  const when = checkWhen(input, now, issues)
  let urgency: Urgency | null = null
  let capacity: string | null = null
  if (kind === 'ask') {
    if (isOneOf(urgencies, input.urgency)) urgency = input.urgency
    else issues.push({ field: 'urgency', key: 'listing.urgency.required' })
  } else if (input.capacity.trim() !== '') {
    capacity = shortText(input.capacity, 'capacity', issues, 'listing.error.tooLong')
  }
  let onBehalfName: string | null = null
  let onBehalfRelation: string | null = null
  if (input.forOther) {
    onBehalfName = shortText(
      input.onBehalfName,
      'onBehalfName',
      issues,
      'listing.onBehalfName.required',
      NAME_MAX,
    )
    onBehalfRelation = shortText(
      input.onBehalfRelation,
      'onBehalfRelation',
      issues,
      'listing.onBehalfRelation.required',
    )
    if (!input.onBehalfConsent)
      issues.push({ field: 'onBehalfConsent', key: 'listing.onBehalfConsent.required' })
  }
  if (!input.charter) issues.push({ field: 'charter', key: 'listing.charter.required' })
  const fields = { kind, title, description, ...when, urgency, capacity, onBehalfName, onBehalfRelation }
  return { fields: { ...fields, onBehalfConsent: input.forOther && input.onBehalfConsent }, issues }
}

/** The fields in the order of the form, so that the error summary reads as the page does. */
const FORM_ORDER = [
  'kind',
  'categoryId',
  'title',
  'description',
  'commune',
  'whenKind',
  'whenStart',
  'whenEnd',
  'recurrence',
  'urgency',
  'capacity',
  'onBehalfName',
  'onBehalfRelation',
  'onBehalfConsent',
  'charter',
]
export function inFormOrder(issues: Issue[]): Issue[] {
  const rank = (i: Issue) => FORM_ORDER.indexOf(i.field)
  return [...issues].sort((a, b) => rank(a) - rank(b))
}

export function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + LIFETIME_DAYS * DAY_MS)
}

export function reminderHorizon(now: Date): Date {
  return new Date(now.getTime() + REMINDER_DAYS * DAY_MS)
}

/** Who may read a listing: held or removed ones only their author (and moderators, for held ones). */
export function isVisibleTo(listing: Listing, viewer: { accountId: string; moderator: boolean } | null) {
  if (viewer?.accountId === listing.authorId) return true
  if (listing.status === 'held') return viewer?.moderator ?? false
  return listing.status !== 'removed'
}

/** What its author may do with a listing in each status. */
export const authorActions = {
  edit: ['held', 'published', 'expired'],
  close: ['held', 'published', 'expired'],
  renew: ['published', 'expired'],
  fulfilled: ['published', 'expired'],
} as const satisfies Record<string, readonly ListingStatus[]>
export type AuthorAction = keyof typeof authorActions

export function allows(action: AuthorAction, status: ListingStatus): boolean {
  return (authorActions[action] as readonly ListingStatus[]).includes(status)
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** What the presenter needs beside the row, looked up by the service in the viewer's language. */
export interface ListingExtras {
  category: { id: string; name: string; guidance: string }
  commune: { insee: string; name: string }
  author: { displayName: string; memberSince: string }
  /** from the viewer's commune; null for a visitor or the author */
  distanceKm: number | null
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)

/**
 * What a viewer sees: never an address, a phone or an email, whoever they are; the author also
 * sees the expiry, why the listing is held, and what they may do with it.
 */
export function presentListing(
  listing: Listing,
  viewer: { accountId: string; moderator?: boolean } | null,
  extras: ListingExtras,
) {
  const own = viewer?.accountId === listing.authorId
  return {
    id: listing.id,
    kind: listing.kind,
    status: listing.status,
    title: listing.title,
    description: listing.description,
    category: extras.category,
    commune: extras.commune,
    distanceKm: extras.distanceKm,
    when: {
      kind: listing.whenKind,
      start: day(listing.whenStart),
      end: day(listing.whenEnd),
      recurrence: listing.recurrence,
    },
    urgency: listing.urgency,
    capacity: listing.capacity,
    onBehalf: listing.onBehalfName
      ? { name: listing.onBehalfName, relation: listing.onBehalfRelation ?? '' }
      : null,
    // An ask the phone line posted is the person's, not the agent's: the agent's name never shows.
    relayed: listing.relayed,
    author: listing.relayed ? { displayName: '', memberSince: '' } : extras.author,
    publishedAt: listing.publishedAt?.toISOString() ?? null,
    own,
    ...(own || viewer?.moderator ? { holdReasons: listing.holdReasons } : {}),
    ...(own
      ? {
          expiresAt: listing.expiresAt.toISOString(),
          actions: (Object.keys(authorActions) as AuthorAction[]).filter((a) => allows(a, listing.status)),
        }
      : {}),
  }
}
export type ListingView = ReturnType<typeof presentListing>
