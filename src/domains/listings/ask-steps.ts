import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { DatePartsProblem } from '../../platform/views/date-parts.ts'
import type { ListingInput } from './listing.ts'

/*
 * An ask written one question per page (the GOV.UK pattern): which pages there are, which apply to
 * the answers given so far, and where « Continuer » and « Retour » lead. No rule about the values
 * lives here: each page is checked by the listing's own rules (listing-check.ts).
 */

/** The answers kept between pages; a page's answers are written only once they are right. */
export interface AskAnswers {
  categoryId?: string
  title?: string
  description?: string
  /** as shown (« Bayeux (14400) ») and as resolved */
  commune?: string
  communeInsee?: string
  whenKind?: string
  /** « 2026-04-02 » */
  whenStart?: string
  whenEnd?: string
  recurrence?: string
  urgency?: string
  forWhom?: string
  onBehalfName?: string
  onBehalfRelation?: string
  onBehalfConsent?: boolean
}
export type AskField = keyof AskAnswers

export interface AskStep {
  /** the page's address under the draft (`/annonces/demande/:id/<slug>`) */
  slug: string
  /** the answers it asks; all of them are needed for the page to count as answered */
  fields: AskField[]
  /** a follow-up question: asked only when an earlier answer calls for it */
  applies?: (answers: AskAnswers) => boolean
}

export const askSteps: AskStep[] = [
  { slug: 'aide', fields: ['categoryId'] },
  { slug: 'description', fields: ['title', 'description'] },
  { slug: 'commune', fields: ['communeInsee'] },
  { slug: 'quand', fields: ['whenKind'] },
  { slug: 'date', fields: ['whenStart'], applies: (a) => a.whenKind === 'date' },
  { slug: 'periode', fields: ['whenStart', 'whenEnd'], applies: (a) => a.whenKind === 'period' },
  { slug: 'rythme', fields: ['recurrence'], applies: (a) => a.whenKind === 'recurring' },
  { slug: 'urgence', fields: ['urgency'] },
  { slug: 'pour-qui', fields: ['forWhom'] },
  {
    slug: 'personne',
    fields: ['onBehalfName', 'onBehalfRelation', 'onBehalfConsent'],
    applies: (a) => a.forWhom === 'other',
  },
]

export const CHECK_SLUG = 'verifier'

export const stepBySlug = (slug: string) => askSteps.find((s) => s.slug === slug)
const applies = (step: AskStep, answers: AskAnswers) => step.applies?.(answers) ?? true
const answered = (step: AskStep, answers: AskAnswers) =>
  step.fields.every((f) => answers[f] !== undefined && answers[f] !== '' && answers[f] !== false)

/** The pages that apply to these answers, in order. */
export const stepsFor = (answers: AskAnswers) => askSteps.filter((s) => applies(s, answers))

/** The first page that applies and still lacks an answer; null when the ask is ready to check. */
export function firstUnanswered(answers: AskAnswers): AskStep | null {
  return stepsFor(answers).find((s) => !answered(s, answers)) ?? null
}

/**
 * Where « Continuer » leads after a page: the next page that applies, or, coming from the check
 * page, straight back there unless a new follow-up question now needs an answer.
 */
export function nextSlug(current: AskStep, answers: AskAnswers, fromCheck: boolean): string {
  if (fromCheck) return firstUnanswered(answers)?.slug ?? CHECK_SLUG
  const steps = stepsFor(answers)
  const next = steps[steps.indexOf(current) + 1]
  return next ? next.slug : (firstUnanswered(answers)?.slug ?? CHECK_SLUG)
}

/** Where « Retour » leads: the page before, the check page when coming from it, or null for the first page. */
export function previousSlug(current: AskStep | 'check', answers: AskAnswers, fromCheck: boolean) {
  const steps = stepsFor(answers)
  if (current === 'check') return steps[steps.length - 1]!.slug
  if (fromCheck) return CHECK_SLUG
  const index = steps.indexOf(current)
  return index > 0 ? steps[index - 1]!.slug : null
}

/** Answers of follow-up questions that no longer apply are dropped, so nothing stale is kept or shown. */
export function withoutStale(answers: AskAnswers): AskAnswers {
  const kept: AskAnswers = { ...answers }
  const live = new Set(stepsFor(answers).flatMap((s) => s.fields))
  for (const step of askSteps) for (const field of step.fields) if (!live.has(field)) delete kept[field]
  return kept
}

/** The answers as the listing's rules read them; the charter is ticked on the check page only. */
export function inputOfAnswers(answers: AskAnswers, charter: boolean): ListingInput {
  const forOther = answers.forWhom === 'other'
  return {
    kind: 'ask',
    categoryId: answers.categoryId ?? '',
    title: answers.title ?? '',
    description: answers.description ?? '',
    whenKind: answers.whenKind ?? '',
    whenStart: answers.whenStart ?? '',
    whenEnd: answers.whenEnd ?? '',
    recurrence: answers.recurrence ?? '',
    urgency: answers.urgency ?? '',
    capacity: '',
    forOther,
    onBehalfName: forOther ? (answers.onBehalfName ?? '') : '',
    onBehalfRelation: forOther ? (answers.onBehalfRelation ?? '') : '',
    onBehalfConsent: forOther && answers.onBehalfConsent === true,
    charter,
  }
}

/** Each problem of a typed date, by its message: one key per problem, so none is left untranslated. */
export const datePartsMessages = {
  empty: 'ask.date.empty',
  'missing-day': 'ask.date.missing-day',
  'missing-month': 'ask.date.missing-month',
  'missing-year': 'ask.date.missing-year',
  'year-digits': 'ask.date.year-digits',
  'not-real': 'ask.date.not-real',
} as const satisfies Record<DatePartsProblem, MessageKey>
