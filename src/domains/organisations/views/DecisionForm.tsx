import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { CsrfField } from '../../../platform/views/fields.tsx'
import { type Decision, decisionReasons } from '../organisation.ts'
import { REASON_LABEL } from './labels.ts'

const BUTTON: Record<Decision, MessageKey> = {
  verify: 'organisation.decide.verify',
  refuse: 'organisation.decide.refuse',
  suspend: 'organisation.decide.suspend',
  reinstate: 'organisation.decide.reinstate',
}

/**
 * One decision on one organisation: a POST form with its reason (a short list and free text),
 * required to refuse or to suspend. Ids keep each form's fields apart on a page of several.
 */
export function DecisionForm({
  ctx,
  action,
  decision,
  which,
  idPrefix,
}: {
  ctx: ViewContext
  action: string
  decision: Decision
  which: string
  idPrefix: string
}) {
  const { t } = ctx
  const needsReason = decision === 'refuse' || decision === 'suspend'
  const id = `${idPrefix}-${decision}`
  return (
    <form method="post" action={action} class="decision-form">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="decision" value={decision} />
      {needsReason && (
        <>
          <div class="field">
            <label for={`${id}-reason`}>{t('organisation.reason.label')}</label>
            <select id={`${id}-reason`} name="reason">
              <option value="">{t('organisation.reason.choose')}</option>
              {decisionReasons.map((r) => (
                <option key={r} value={r}>
                  {t(REASON_LABEL[r])}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`${id}-text`}>{t('organisation.reasonText.label')}</label>
            <textarea id={`${id}-text`} name="reasonText" rows={3} />
          </div>
        </>
      )}
      <button type="submit">
        {t(BUTTON[decision])}
        <span class="visually-hidden"> {which}</span>
      </button>
    </form>
  )
}
