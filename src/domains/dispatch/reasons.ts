import type { MessageKey, Translate } from '../../platform/i18n/i18n.ts'
import type { PairFacts } from './score.ts'

const DAY_KEYS: Record<string, MessageKey> = {
  mon: 'profile.day.mon',
  tue: 'profile.day.tue',
  wed: 'profile.day.wed',
  thu: 'profile.day.thu',
  fri: 'profile.day.fri',
  sat: 'profile.day.sat',
  sun: 'profile.day.sun',
}
const LANGUAGE_KEYS: Record<string, MessageKey> = {
  en: 'profile.language.en',
  ar: 'profile.language.ar',
  es: 'profile.language.es',
  pt: 'profile.language.pt',
  de: 'profile.language.de',
  it: 'profile.language.it',
  tr: 'profile.language.tr',
  ro: 'profile.language.ro',
  uk: 'profile.language.uk',
  ru: 'profile.language.ru',
  wo: 'profile.language.wo',
}

/** « mardi matin » for 'tue-am'. */
export function halfDayName(t: Translate, code: string): string {
  const [day, part] = code.split('-')
  const dayName = t(DAY_KEYS[day ?? ''] ?? 'profile.day.mon').toLowerCase()
  return `${dayName} ${t(part === 'am' ? 'dispatch.why.morning' : 'dispatch.why.afternoon')}`
}

export interface WhyContext {
  categoryName: string
  /** the ask's half-days the volunteer is free on */
  freeHalfDays: string[]
  /** the language of the person who asks */
  language: string
}

/**
 * Why a suggestion ranks where it does, in the coordinator's words, one phrase per criterion:
 * « 3 km · aide en Courses · libre mardi matin · 2 échanges en cours · répond en général sous 24 h ».
 */
export function whyInWords(t: Translate, facts: PairFacts, context: WhyContext): string[] {
  const words = [t('dispatch.why.km', { km: Math.round(facts.distanceKm) })]
  if (facts.categoryMatch) words.push(t('dispatch.why.category', { category: context.categoryName }))
  if (facts.availabilityShare !== null) {
    words.push(
      context.freeHalfDays.length > 0
        ? t('dispatch.why.free', {
            slots: context.freeHalfDays
              .slice(0, 2)
              .map((h) => halfDayName(t, h))
              .join(', '),
          })
        : t('dispatch.why.notFree'),
    )
  }
  if (facts.verified) words.push(t('dispatch.why.verified'))
  words.push(
    facts.openMatches === 0
      ? t('dispatch.why.load.none')
      : facts.openMatches === 1
        ? t('dispatch.why.load.one')
        : t('dispatch.why.load.many', { count: facts.openMatches }),
  )
  if (facts.medianAnswerHours !== null && facts.medianAnswerHours <= 24) words.push(t('dispatch.why.fast'))
  else if (facts.medianAnswerHours !== null)
    words.push(t('dispatch.why.slow', { hours: Math.round(facts.medianAnswerHours) }))
  if (facts.answerRate !== null)
    words.push(t('dispatch.why.rate', { percent: Math.round(facts.answerRate * 100) }))
  else words.push(t('dispatch.why.new'))
  const languageKey = LANGUAGE_KEYS[context.language]
  if (languageKey) {
    const language = t(languageKey).toLowerCase()
    words.push(t(facts.languageMatch ? 'dispatch.why.speaks' : 'dispatch.why.speaksNot', { language }))
  }
  return words
}
