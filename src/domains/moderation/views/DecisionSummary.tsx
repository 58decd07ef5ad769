import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { AppealRow, SanctionRow } from '../sanction.repository.ts'
import { decisionSentence, reasonWords } from '../sanction-words.ts'

/** A decision as the person and the reviewing moderator read it: what, why, in whose words, when. */
export function DecisionSummary({ ctx, sanction }: { ctx: ViewContext; sanction: SanctionRow }) {
  const { t, locale } = ctx
  return (
    <dl class="summary">
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
    <dl class="summary">
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

/** A labelled text area whose id is unique on the page (several forms on one list). */
export function StatementField({
  ctx,
  id,
  name,
  label,
  hint,
  error,
  value,
}: {
  ctx: ViewContext
  id: string
  name: string
  label: string
  hint: string
  error: string | undefined
  value: string
}) {
  const described = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      <span id={`${id}-hint`} class="hint">
        {hint}
      </span>
      {error && (
        <span id={`${id}-error`} class="error-message">
          <span class="visually-hidden">{ctx.t('commune.field.errorPrefix')} </span>
          {error}
        </span>
      )}
      <textarea
        id={id}
        name={name}
        rows={6}
        aria-describedby={described}
        aria-invalid={error ? 'true' : undefined}
      >
        {value}
      </textarea>
    </div>
  )
}
