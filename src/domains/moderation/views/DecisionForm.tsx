import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Choices, CsrfField, errorFor } from '../../../platform/views/fields.tsx'
import { Select, TextArea } from '../../../platform/views/inputs.tsx'
import { sanctionReasons } from '../moderation.schema.ts'
import {
  type Decision,
  decisionKeys,
  dismissKeys,
  dismissReasons,
  EXPLANATION_MAX,
  reasonKeys,
  suspensionDays,
} from '../queue.ts'
import { queuePaths } from './paths.ts'

export interface DecisionValues {
  decision: string
  reason: string
  dismissal: string
  explanation: string
  days: string
}
export const emptyDecision: DecisionValues = {
  decision: '',
  reason: '',
  dismissal: '',
  explanation: '',
  days: '',
}

/**
 * One form for every decision the item allows: the decision, the reason from the list and the
 * moderator's words (sent to the person), why a report is dismissed, the length of a suspension; the version read travels
 * with it, so a decision on what changed since is refused.
 */
export function DecisionForm(props: {
  ctx: ViewContext
  itemId: string
  version: number
  decisions: Decision[]
  values: DecisionValues
  errors: FieldError[]
}) {
  const { ctx, itemId, version, decisions, values, errors } = props
  const { t } = ctx
  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t('decision.title')}</h2>
      <form method="post" action={queuePaths.decide(itemId)} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(version)} />
        <Choices
          ctx={ctx}
          id="decision"
          name="decision"
          type="radio"
          legend={t('decision.legend')}
          options={decisions.map((d) => ({ value: d, label: t(decisionKeys[d]) }))}
          checked={[values.decision]}
          error={errorFor(errors, 'decision')}
        />
        <Select
          ctx={ctx}
          name="reason"
          label={t('decision.reason.label')}
          hint={t('decision.reason.hint')}
          placeholder={t('decision.reason.placeholder')}
          options={sanctionReasons.map((r) => ({ value: r, label: t(reasonKeys[r]) }))}
          value={values.reason}
          error={errorFor(errors, 'reason')}
        />
        {decisions.includes('dismiss') && (
          <Select
            ctx={ctx}
            name="dismissal"
            label={t('decision.dismissal.label')}
            hint={t('decision.dismissal.hint')}
            placeholder={t('decision.dismissal.placeholder')}
            options={dismissReasons.map((r) => ({ value: r, label: t(dismissKeys[r]) }))}
            value={values.dismissal}
            error={errorFor(errors, 'dismissal')}
          />
        )}
        <TextArea
          ctx={ctx}
          name="explanation"
          label={t('decision.explanation.label')}
          hint={t('decision.explanation.hint', { max: EXPLANATION_MAX })}
          value={values.explanation}
          error={errorFor(errors, 'explanation')}
        />
        <Select
          ctx={ctx}
          name="days"
          label={t('decision.days.label')}
          hint={t('decision.days.hint')}
          placeholder={t('decision.days.placeholder')}
          options={suspensionDays.map((d) => ({
            value: String(d),
            label: t(d === 1 ? 'decision.days.one' : 'decision.days.many', { count: d }),
          }))}
          value={values.days}
          error={errorFor(errors, 'days')}
        />
        <button type="submit">{t('decision.submit')}</button>
      </form>
    </section>
  )
}
