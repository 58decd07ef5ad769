import type { Commune } from '../../../platform/geo/commune.ts'
import { isLocale, type Locale, type MessageKey } from '../../../platform/i18n/i18n.ts'
import { dateTimeFormat } from '../../../platform/i18n/intl.ts'
import { parsePhone } from '../../../platform/phone-numbers.ts'
import type { Issue } from '../../../platform/validation.ts'
import type { AccountRow, ProfileAccount } from '../identity/account.repository.ts'
import { shownInterests } from './interests.ts'
import { checkVolunteerFields, type VolunteerFieldsInput } from './volunteer-fields.ts'

export const DISPLAY_NAME_MAX = 60
export const PHONE_MAX = 30
/** Distances a volunteer is asked about: short enough to walk or cycle, far enough for a rural canton. */
export const RADIUS_OPTIONS = [5, 10, 20, 50] as const

export const notificationTypes = [
  { type: 'matches', label: 'profile.notifications.matches' },
  { type: 'messages', label: 'profile.notifications.messages' },
  { type: 'savedSearches', label: 'profile.notifications.savedSearches' },
] as const satisfies readonly { type: string; label: MessageKey }[]
export type NotificationType = (typeof notificationTypes)[number]['type']

export const frequencies = [
  { value: 'immediate', label: 'profile.frequency.immediate' },
  { value: 'daily', label: 'profile.frequency.daily' },
  { value: 'none', label: 'profile.frequency.none' },
] as const satisfies readonly { value: string; label: MessageKey }[]
export type Frequency = (typeof frequencies)[number]['value']

/** A reply or a message waits for someone: at once. Saved searches are many: once a day. */
export const DEFAULT_NOTIFICATIONS: Record<NotificationType, Frequency> = {
  matches: 'immediate',
  messages: 'immediate',
  savedSearches: 'daily',
}

const isFrequency = (v: unknown): v is Frequency => frequencies.some((f) => f.value === v)

/** What a person may change in their profile; anything else sent is never read. */
export interface ProfileInput {
  displayName?: string
  /** typed text (a form) or an INSEE code (the API, after /api/v1/communes) */
  commune?: { text: string } | { insee: string }
  /** empty clears the number */
  phone?: string
  interests?: string[]
  radiusKm?: number
  notifications?: Partial<Record<string, string>>
  locale?: string
  easyRead?: boolean
  availability?: VolunteerFieldsInput['availability']
  languages?: VolunteerFieldsInput['languages']
  acceptsProposals?: boolean
  /** « Recevoir aussi les avis par SMS »: needs a mobile number */
  sms?: boolean
}

/** The columns a profile edit may write: role, status, territory or verification never. */
export type ProfileChanges = Partial<
  Pick<
    AccountRow,
    | 'displayName'
    | 'communeInsee'
    | 'phone'
    | 'interests'
    | 'radiusKm'
    | 'notifications'
    | 'locale'
    | 'easyRead'
    | 'availability'
    | 'languages'
    | 'acceptsProposals'
    | 'smsConsentAt'
  >
>

export function normaliseDisplayName(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/g, ' ')
}

/**
 * Names as people write them — « Zoé », « N'Diaye », « Jean-Éric », « Ève Le Gall » — and
 * nothing else: no digits, no markup, no URL, which also keeps scams out of the one field
 * everyone sees.
 */
export function displayNameProblem(name: string): MessageKey | null {
  if (name === '') return 'profile.displayName.required'
  if ([...name].length > DISPLAY_NAME_MAX) return 'profile.displayName.tooLong'
  if (!/^[\p{L}\p{M}'’ -]+$/u.test(name) || !/\p{L}/u.test(name)) return 'profile.displayName.characters'
  return null
}

/**
 * Reads a phone number the way people write it (« 06 12 34 56 78 », « 06.12.34.56.78 »,
 * « +33 (0)6 12… », « 0033 6… », overseas « 05 90… ») with the platform's one reader, and keeps
 * it in E.164 (+33612345678), so that an SMS provider and a staff member calling back both read
 * the same thing. Other countries: start with +. A refusal says what kind of number was wrong.
 */
export function normalisePhone(raw: string): { phone: string | null } | { problem: MessageKey } {
  const text = raw.trim()
  if (text.length > PHONE_MAX) return { problem: 'profile.phone.invalid' }
  const parsed = parsePhone(text)
  if (parsed.kind === 'empty') return { phone: null }
  if (parsed.kind === 'ok') return { phone: parsed.e164 }
  if (!/^[+\d\s.()/-]+$/.test(text)) return { problem: 'profile.phone.invalid' }
  const written = text.replace(/^00/, '+').replace(/[\s.()/-]/g, '')
  if (written.startsWith('+33')) return { problem: 'profile.phone.french' }
  return { problem: written.startsWith('+') ? 'profile.phone.international' : 'profile.phone.invalid' }
}

/**
 * Checks everything a profile edit carries except the commune, which needs the database.
 * Fields left out stay as they are (PATCH); the issues name the field they are about.
 * `offeredInterests`: the slugs of the territory's active categories, the only ones a person picks.
 */
export function checkProfileInput(
  input: ProfileInput,
  offeredInterests: readonly string[],
): { changes: ProfileChanges; issues: Issue[] } {
  const changes: ProfileChanges = {}
  const issues: Issue[] = []
  if (input.displayName !== undefined) {
    const name = normaliseDisplayName(input.displayName)
    const problem = displayNameProblem(name)
    if (problem) issues.push({ field: 'displayName', key: problem, params: { max: DISPLAY_NAME_MAX } })
    else changes.displayName = name
  }
  if (input.phone !== undefined) {
    const result = normalisePhone(input.phone)
    if ('problem' in result) issues.push({ field: 'phone', key: result.problem })
    else changes.phone = result.phone
  }
  if (input.interests !== undefined) {
    if (input.interests.every((slug) => offeredInterests.includes(slug)))
      changes.interests = [...new Set(input.interests)]
    else issues.push({ field: 'interests', key: 'profile.interests.unknown' })
  }
  if (input.radiusKm !== undefined) {
    if ((RADIUS_OPTIONS as readonly number[]).includes(input.radiusKm)) changes.radiusKm = input.radiusKm
    else issues.push({ field: 'radiusKm', key: 'profile.radius.invalid' })
  }
  if (input.notifications !== undefined) {
    const next: Record<string, Frequency> = {}
    for (const { type } of notificationTypes) {
      const value = input.notifications[type]
      if (value === undefined) continue
      if (isFrequency(value)) next[type] = value
      else issues.push({ field: `notifications/${type}`, key: 'profile.notifications.invalid' })
    }
    changes.notifications = next
  }
  if (input.locale !== undefined) {
    if (isLocale(input.locale)) changes.locale = input.locale
    else issues.push({ field: 'locale', key: 'profile.locale.invalid' })
  }
  if (input.easyRead !== undefined) changes.easyRead = input.easyRead
  Object.assign(changes, checkVolunteerFields(input, issues))
  return { changes, issues }
}

/** Year and month of a moment as lived in France: « 2026-11 » for 30 November 23:30 UTC is December. */
export function parisMonth(date: Date): string {
  const parts = dateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(date)
  const part = (type: string) => parts.find((p) => p.type === type)?.value
  return `${part('year')}-${part('month')}`
}

/** « novembre 2026 » / « November 2026 » for a month written 2026-11. */
export function formatMonth(month: string, locale: Locale): string {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return dateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
  }).format(new Date(Date.UTC(year, m - 1, 15)))
}

export interface OwnProfile {
  id: string
  displayName: string
  email: string
  emailVerified: boolean
  commune: { insee: string; name: string | null; postalCode: string | null }
  phone: string | null
  /** slugs of the territory's active categories */
  interests: string[]
  radiusKm: number
  notifications: Record<NotificationType, Frequency>
  locale: Locale
  easyRead: boolean
  /** half-days the person is usually free, 'mon-am' … 'sun-pm' */
  availability: string[]
  languages: string[]
  acceptsProposals: boolean
  /** notices « tout de suite » go by SMS too */
  sms: boolean
  memberSince: string
}

export interface PublicProfile {
  id: string
  displayName: string
  commune: string | null
  memberSince: string
}

/**
 * Everything the person may see and change of themselves; never the password hash or second factor.
 * Interests are those among `offeredInterests` (the territory's active categories), in its order.
 */
export function presentOwnProfile(
  account: ProfileAccount,
  commune: Commune | null,
  offeredInterests: readonly string[],
): OwnProfile {
  const stored = account.notifications ?? {}
  const notifications = { ...DEFAULT_NOTIFICATIONS }
  for (const { type } of notificationTypes) {
    const value = stored[type]
    if (isFrequency(value)) notifications[type] = value
  }
  return {
    id: account.id,
    displayName: account.displayName,
    email: account.email,
    emailVerified: account.emailVerifiedAt !== null,
    commune: {
      insee: account.communeInsee,
      name: commune?.name ?? null,
      postalCode: commune?.postalCodes[0] ?? null,
    },
    phone: account.phone,
    interests: shownInterests(account.interests, offeredInterests),
    radiusKm: account.radiusKm,
    notifications,
    locale: isLocale(account.locale) ? account.locale : 'fr',
    easyRead: account.easyRead,
    availability: account.availability,
    languages: account.languages,
    acceptsProposals: account.acceptsProposals,
    sms: account.smsConsentAt !== null,
    memberSince: parisMonth(account.createdAt),
  }
}

/**
 * What anyone else sees of a person: the name they chose, their commune (never an address)
 * and since when they are a member. Contact details wait until both sides accept a match.
 */
export function presentPublicProfile(
  account: Pick<AccountRow, 'id' | 'displayName' | 'createdAt'>,
  commune: Commune | null,
): PublicProfile {
  return {
    id: account.id,
    displayName: account.displayName,
    commune: commune?.name ?? null,
    memberSince: parisMonth(account.createdAt),
  }
}
