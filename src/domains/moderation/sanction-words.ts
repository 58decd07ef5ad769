import { formatDateTime, type Locale, type Translate } from '../../platform/i18n/i18n.ts'
import type { SanctionRow } from './sanction.repository.ts'
import { KIND_LABEL, REASON_LABEL } from './sanction-life.ts'

/** What the decision did, in one sentence the person reads (page and mail alike). */
export function decisionSentence(t: Translate, locale: Locale, sanction: SanctionRow): string {
  const what = t(KIND_LABEL[sanction.kind])
  if (sanction.kind === 'suspend' && sanction.endsAt)
    return t('appeal.decision.until', { what, date: formatDateTime(sanction.endsAt, locale) })
  return what
}

export function reasonWords(t: Translate, sanction: SanctionRow): string {
  return t(REASON_LABEL[sanction.reason])
}
