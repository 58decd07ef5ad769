import { HttpError } from '../../platform/http/problem.ts'
import type { MessageKey, Params } from '../../platform/i18n/i18n.ts'
import type { Issue } from '../../platform/validation.ts'
import type { ListingKind, ListingStatus } from '../listings/index.ts'
import type { MatchRow } from './match.repository.ts'
import { type ContactChannel, contactChannels, type MatchStatus } from './match.schema.ts'

export type { ContactChannel, MatchStatus }

export const MESSAGE_MAX = 1000
export const THANKS_MAX = 1000
export const REASON_MAX = 500
const DAY_MS = 86_400_000

/** Responses allowed per account and day: a generous helper's day, too few to spam every listing. */
export const MATCH_LIMITS = { respondPerDay: { max: 20, windowMs: DAY_MS } } as const

export type MatchRole = 'author' | 'responder'
export type MatchAction = 'accept' | 'decline' | 'withdraw' | 'cancel' | 'markDone' | 'confirm'

/**
 * A refusal the person must understand (their own listing, a second response, a full offer…):
 * the key says why in their language; pages show it beside the form, the API as the problem's detail.
 */
export class MatchRefusal extends HttpError {
  constructor(
    status: number,
    readonly key: MessageKey,
    readonly params: Params = {},
    /** the match the refusal is about, when there is one to link to (« vous avez déjà répondu ») */
    readonly matchId?: string,
  ) {
    super(status, key)
  }
}

/** Contacts are shown only while both sides agree, and after the help was given; never before or after a break. */
export function contactsRevealed(status: MatchStatus): boolean {
  return status === 'accepted' || status === 'done'
}

/** Still going: an ask takes one of these at a time, an offer as many as its capacity. */
export const ACTIVE_STATUSES = ['accepted'] as const satisfies readonly MatchStatus[]

export function roleOf(match: Pick<MatchRow, 'authorId' | 'responderId'>, accountId: string): MatchRole {
  return match.authorId === accountId ? 'author' : 'responder'
}

/**
 * What each side may do in each status. The author « marking » the help as given is the
 * confirmation itself, so the author has only `confirm`; the responder marks it once.
 */
export function actionsFor(match: Pick<MatchRow, 'status' | 'doneMarkedBy'>, role: MatchRole): MatchAction[] {
  if (match.status === 'pending') return role === 'author' ? ['accept', 'decline'] : ['withdraw']
  if (match.status !== 'accepted') return []
  if (role === 'author') return ['confirm', 'cancel']
  return match.doneMarkedBy ? ['cancel'] : ['markDone', 'cancel']
}

/** The statuses from which each action starts: the UPDATE carries them, against a concurrent change. */
export const fromStatuses = {
  accept: ['pending'],
  decline: ['pending'],
  withdraw: ['pending'],
  cancel: ['accepted'],
  markDone: ['accepted'],
  confirm: ['accepted'],
} as const satisfies Record<MatchAction, readonly MatchStatus[]>

const WORD_NUMBERS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
}
/** More than this is surely not a number of people (« 2026 », a phone number typed by mistake). */
const CAPACITY_MAX = 50

/**
 * How many people a listing may be matched with at once: an ask one; an offer the number its
 * author wrote first in « combien de personnes » (« 2 personnes par semaine » → 2, « deux voisins »
 * → 2, « jusqu’à 3 » → 3), or one when there is none.
 */
export function capacityOf(kind: ListingKind, capacity: string | null): number {
  if (kind === 'ask' || !capacity) return 1
  const text = capacity.toLowerCase()
  const digits = /\d+/.exec(text)
  const word = /^\s*(?:jusqu[’']?\s*[àa]\s+)?([a-z]+)\b/.exec(text.normalize('NFC'))
  const value = digits ? Number(digits[0]) : (WORD_NUMBERS[word?.[1] ?? ''] ?? 1)
  return Math.min(Math.max(value, 1), CAPACITY_MAX)
}

/** Line breaks kept; spaces at the ends and Windows line endings gone. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim()
}

const isChannel = (v: string): v is ContactChannel => (contactChannels as readonly string[]).includes(v)

/** The channels ticked, each once; a phone only if the account has one to share. */
export function checkShares(
  values: readonly string[],
  hasPhone: boolean,
  field: string,
  issues: Issue[],
): ContactChannel[] {
  const shares = contactChannels.filter((c) => values.includes(c))
  if (values.some((v) => !isChannel(v))) issues.push({ field, key: 'match.shares.invalid' })
  if (shares.includes('phone') && !hasPhone) issues.push({ field, key: 'match.shares.noPhone' })
  return shares
}

export interface RespondInput {
  message: string
  shares: readonly string[]
}

export function checkResponse(input: RespondInput, hasPhone: boolean) {
  const issues: Issue[] = []
  const message = normaliseText(input.message)
  if (message === '') issues.push({ field: 'message', key: 'match.message.required' })
  else if (message.length > MESSAGE_MAX)
    issues.push({ field: 'message', key: 'match.error.tooLong', params: { max: MESSAGE_MAX } })
  const shares = checkShares(input.shares, hasPhone, 'shares', issues)
  return { message, shares, issues }
}

/** A reason: required to cancel (the other side deserves to know), optional to decline. */
export function checkReason(text: string, required: boolean, issues: Issue[], field = 'reason') {
  const reason = normaliseText(text)
  if (reason === '' && required) issues.push({ field, key: 'match.reason.required' })
  else if (reason.length > REASON_MAX)
    issues.push({ field, key: 'match.error.tooLong', params: { max: REASON_MAX } })
  return reason || null
}

export interface ThanksInput {
  thanks: string
  thanksPublic: boolean
}

/** The optional note of thanks; public only if its author ticked the box and wrote something. */
export function checkThanks(input: ThanksInput, issues: Issue[]) {
  const thanks = normaliseText(input.thanks)
  if (thanks.length > THANKS_MAX)
    issues.push({ field: 'thanks', key: 'match.error.tooLong', params: { max: THANKS_MAX } })
  return { thanks: thanks || null, thanksPublic: thanks !== '' && input.thanksPublic }
}

export interface MatchExtras {
  listing: { id: string; title: string; kind: ListingKind; status: ListingStatus }
  other: { id: string; displayName: string }
  /** the response as first written by the responder */
  response: { message: string; createdAt: Date } | null
  /**
   * The other party's phone and email as the accounts table holds them now; the presenter keeps
   * only what they chose to share, and only once the match is accepted.
   */
  otherAccount: { phone: string | null; email: string } | null
  /** an ask the phone line posted for someone without an account */
  relayed?: boolean
  /** the line's number, to say so when it is the one relayed */
  linePhone?: string | null
  /** for the author deciding: who responded, as the platform knows them */
  helper?: HelperFacts
}

export interface HelperFacts {
  /** « 2025-03 », the month the account was made, as lived in France */
  memberSince: string
  /** help they gave that the one helped confirmed */
  helped: number
  /** staff verified them as a volunteer, and it still holds */
  verified: boolean
}

export interface Contacts {
  phone?: string
  email?: string
}

/** What the other party shows: nothing before acceptance or after a break, whatever was loaded. */
export function revealedContacts(
  match: Pick<MatchRow, 'status' | 'authorShares' | 'responderShares'>,
  role: MatchRole,
  account: { phone: string | null; email: string } | null,
): Contacts | null {
  if (!contactsRevealed(match.status) || !account) return null
  const shares = role === 'author' ? match.responderShares : match.authorShares
  const contacts: Contacts = {}
  if (shares.includes('phone') && account.phone) contacts.phone = account.phone
  if (shares.includes('email')) contacts.email = account.email
  return contacts
}

/** A match as one of its two parties sees it; the one place that decides whether contacts show. */
export function presentMatch(match: MatchRow, viewerId: string, extras: MatchExtras) {
  const role = roleOf(match, viewerId)
  const relayed = extras.relayed === true
  // On a relayed ask the volunteer deals with the person through the line: the person's first name
  // and the number they chose, once an agent accepted for them; the agent's account never shows.
  const relayedToMe = relayed && role === 'responder'
  const relay =
    relayedToMe && match.relayPhone !== null && contactsRevealed(match.status)
      ? { phone: match.relayPhone, line: match.relayPhone === extras.linePhone }
      : null
  const contacts = relayedToMe
    ? relay && { phone: relay.phone }
    : revealedContacts(match, role, extras.otherAccount)
  // The agents decide for the person on the line's own page, never through the author's forms.
  const actions = actionsFor(match, role).filter(
    (a) => !(relayed && role === 'author' && (a === 'accept' || a === 'decline')),
  )
  const iso = (d: Date | null) => d?.toISOString() ?? null
  return {
    id: match.id,
    listing: extras.listing,
    role,
    status: match.status,
    otherParty: relayedToMe ? { id: extras.other.id, displayName: match.relayName ?? '' } : extras.other,
    relayed,
    relayLine: relay?.line ?? false,
    helper: role === 'author' && !relayedToMe ? (extras.helper ?? null) : null,
    response: extras.response
      ? { message: extras.response.message, createdAt: extras.response.createdAt.toISOString() }
      : null,
    myShares: role === 'author' ? match.authorShares : match.responderShares,
    reason: match.reason,
    endedBy: match.endedBy === null ? null : match.endedBy === viewerId ? 'me' : 'other',
    doneMarkedBy: match.doneMarkedBy === null ? null : match.doneMarkedBy === viewerId ? 'me' : 'other',
    doneMarkedAt: iso(match.doneMarkedAt),
    thanks: match.thanks ? { text: match.thanks, public: match.thanksPublic } : null,
    createdAt: match.createdAt.toISOString(),
    acceptedAt: iso(match.acceptedAt),
    endedAt: iso(match.endedAt),
    lastActivityAt: match.lastActivityAt.toISOString(),
    actions,
    ...(contacts ? { contacts } : {}),
  }
}
export type MatchView = ReturnType<typeof presentMatch>
