import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { AppealRow, SanctionRow } from '../sanction.repository.ts'
import { decisionSentence, reasonWords } from '../sanction-words.ts'

/** A decision as the person and the reviewing moderator read it: what, why, in whose words, when. */
export function DecisionSummary({ ctx, sanction }: { ctx: ViewContext; sanction: SanctionRow }) {
  const { t, locale } = ctx
  return (
    <dl class="summary decision-summary">
      <dt>{t('appeal.summary.decision')}</dt>
      <dd>{decisionSentence(t, locale, sanction)}</dd>
      <dt>{t('appeal.summary.reason')}</dt>
      <dd>{reasonWords(t, sanction)}</dd>
      <dt>{t('appeal.summary.explanation')}</dt>
      <dd>
        <AuthorText text={sanction.explanation} />
      </dd>
      <dt>{t('appeal.summary.date')}</dt>
      <dd>{formatDateTime(sanction.decidedAt, locale)}</dd>
    </dl>
  )
}

/** The person's own words, and the reviewer's answer once given. */
export function AppealSummary({ ctx, appeal }: { ctx: ViewContext; appeal: AppealRow }) {
  const { t, locale } = ctx
  return (
    <dl class="summary decision-summary">
      <dt>{t('appeal.summary.statement')}</dt>
      <dd>
        <AuthorText text={appeal.statement} />
      </dd>
      <dt>{t('appeal.summary.filed')}</dt>
      <dd>{formatDateTime(appeal.createdAt, locale)}</dd>
      {appeal.answer !== null && (
        <>
          <dt>{t('appeal.summary.answer')}</dt>
          <dd>
            <AuthorText text={appeal.answer} />
          </dd>
        </>
      )}
    </dl>
  )
}
