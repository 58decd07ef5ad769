import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type { Issue } from '../../../platform/validation.ts'

/**
 * What a volunteer tells coordinators so that an ask nobody answered finds them: when they are
 * usually free (half-days of the week), the languages they speak, and whether they want
 * proposals at all. Coordinators' suggestions read them; nobody else sees them.
 */

export const WEEK_DAYS = [
  { day: 'mon', label: 'profile.day.mon' },
  { day: 'tue', label: 'profile.day.tue' },
  { day: 'wed', label: 'profile.day.wed' },
  { day: 'thu', label: 'profile.day.thu' },
  { day: 'fri', label: 'profile.day.fri' },
  { day: 'sat', label: 'profile.day.sat' },
  { day: 'sun', label: 'profile.day.sun' },
] as const satisfies readonly { day: string; label: MessageKey }[]

/** 'mon-am' … 'sun-pm': the fourteen half-days, in the order of the week. */
export const AVAILABILITY_SLOTS: readonly string[] = WEEK_DAYS.flatMap(({ day }) => [
  `${day}-am`,
  `${day}-pm`,
])

/** The languages people in a French Département most often speak besides French; « other » for the rest. */
export const SPOKEN_LANGUAGES = [
  { code: 'fr', label: 'profile.language.fr' },
  { code: 'en', label: 'profile.language.en' },
  { code: 'ar', label: 'profile.language.ar' },
  { code: 'es', label: 'profile.language.es' },
  { code: 'pt', label: 'profile.language.pt' },
  { code: 'de', label: 'profile.language.de' },
  { code: 'it', label: 'profile.language.it' },
  { code: 'tr', label: 'profile.language.tr' },
  { code: 'ro', label: 'profile.language.ro' },
  { code: 'uk', label: 'profile.language.uk' },
  { code: 'ru', label: 'profile.language.ru' },
  { code: 'wo', label: 'profile.language.wo' },
  { code: 'other', label: 'profile.language.other' },
] as const satisfies readonly { code: string; label: MessageKey }[]

export const languageCodes: readonly string[] = SPOKEN_LANGUAGES.map((l) => l.code)

export interface VolunteerFieldsInput {
  availability?: string[]
  languages?: string[]
  acceptsProposals?: boolean
}

export interface VolunteerFieldsChanges {
  availability?: string[]
  languages?: string[]
  acceptsProposals?: boolean
}

/** Checks the three fields; one unknown value refuses the whole list, with the field named. */
export function checkVolunteerFields(input: VolunteerFieldsInput, issues: Issue[]): VolunteerFieldsChanges {
  const changes: VolunteerFieldsChanges = {}
  if (input.availability !== undefined) {
    if (input.availability.every((h) => AVAILABILITY_SLOTS.includes(h)))
      changes.availability = AVAILABILITY_SLOTS.filter((h) => input.availability!.includes(h))
    else issues.push({ field: 'availability', key: 'profile.availability.unknown' })
  }
  if (input.languages !== undefined) {
    if (input.languages.every((l) => languageCodes.includes(l)))
      changes.languages = languageCodes.filter((l) => input.languages!.includes(l))
    else issues.push({ field: 'languages', key: 'profile.languages.unknown' })
  }
  if (input.acceptsProposals !== undefined) changes.acceptsProposals = input.acceptsProposals
  return changes
}
