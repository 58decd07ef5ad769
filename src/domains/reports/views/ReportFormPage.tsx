import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Choices, CsrfField, errorFor, pageTitle } from '../../../platform/views/fields.tsx'
import { TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { reportReasons } from '../report.schema.ts'
import { COMMENT_MAX, REASON_LABEL, type TargetView } from '../report.ts'

export interface ReportFormValues {
  reason: string
  comment: string
}

/** What is being reported, in the words the person already saw. */
function TargetSummary({ ctx, target }: { ctx: ViewContext; target: TargetView }) {
  const { t } = ctx
  if (target.kind === 'listing')
    return (
      <p>
        <a href={target.href}>{t('report.form.target.listing', { title: target.title })}</a>
      </p>
    )
  if (target.kind === 'account') return <p>{t('report.form.target.account', { name: target.displayName })}</p>
  if (target.kind === 'organisation')
    return (
      <p>
        <a href={target.href}>{t('report.form.target.organisation', { name: target.name })}</a>
      </p>
    )
  return (
    <>
      <p>{t('report.form.target.message', { name: target.senderName })}</p>
      <blockquote>
        <AuthorText text={target.body} />
      </blockquote>
    </>
  )
}

function backHref(target: TargetView): string {
  return target.kind === 'account' ? '/' : target.href
}

/** The report form: the danger numbers first, then the reason and an optional comment. */
export function ReportFormPage({
  ctx,
  target,
  values,
  errors,
}: {
  ctx: ViewContext
  target: TargetView
  values: ReportFormValues
  errors: FieldError[]
}) {
  const { t } = ctx
  const title = t('report.form.title')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <p class="notice">
        <strong>{t('report.form.danger')}</strong>
      </p>
      <TargetSummary ctx={ctx} target={target} />
      <p>{t('report.form.intro')}</p>
      <form method="post" action="/signaler" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="cible" value={target.kind} />
        <input type="hidden" name="id" value={target.id} />
        <Choices
          ctx={ctx}
          id="reason"
          name="reason"
          type="radio"
          legend={t('report.reason.legend')}
          error={errorFor(errors, 'reason')}
          options={reportReasons.map((r) => ({ value: r, label: t(REASON_LABEL[r]) }))}
          checked={[values.reason]}
        />
        <TextArea
          ctx={ctx}
          name="comment"
          label={t('report.comment.label')}
          hint={t('report.comment.hint', { max: COMMENT_MAX })}
          error={errorFor(errors, 'comment')}
          value={values.comment}
        />
        <button type="submit">{t('report.form.submit')}</button>
      </form>
      <p>
        <a href={backHref(target)}>{t('report.form.back')}</a>
      </p>
    </Layout>
  )
}

/** After the report, or when it was already made: thanks, and the danger numbers again when it matters. */
export function ReportDonePage({ ctx, state }: { ctx: ViewContext; state: 'sent' | 'danger' | 'already' }) {
  const { t } = ctx
  const title = state === 'already' ? t('report.already.title') : t('report.done.title')
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {state === 'danger' && (
        <p class="notice">
          <strong>{t('report.done.danger')}</strong>
        </p>
      )}
      <p>{state === 'already' ? t('report.already.body') : t('report.done.body')}</p>
      <p>
        <a href="/">{t('report.done.home')}</a>
      </p>
    </Layout>
  )
}
