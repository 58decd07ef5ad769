import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { CsrfField, errorFor, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { AppealRow, SanctionRow } from '../sanction.repository.ts'
import { mayAppeal, STATE_LABEL, STATEMENT_MAX, sanctionState } from '../sanction-life.ts'
import { AppealSummary, DecisionSummary } from './DecisionSummary.tsx'
import { StatementField } from './StatementField.tsx'

export const MY_DECISIONS_PATH = '/mon-compte/decisions'

interface Props {
  ctx: ViewContext
  /** the form posts back to the link it was opened from */
  action: string
  sanction: SanctionRow
  appeal: AppealRow | null
  now: Date
  statement: string
  errors: FieldError[]
}

/** What the appeal link opens: the decision, and the form to contest it, or where the appeal stands. */
export function AppealPage({ ctx, action, sanction, appeal, now, statement, errors }: Props) {
  const { t } = ctx
  const title = t('appeal.page.title')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <DecisionSummary ctx={ctx} sanction={sanction} />
      <p>
        <strong>{t('appeal.summary.state')}</strong> {t(STATE_LABEL[sanctionState(sanction, appeal, now)])}
      </p>
      {appeal?.status === 'open' && (
        <div class="success">
          <p>{t('appeal.filed.title')}</p>
          <p>{t('appeal.filed.next')}</p>
        </div>
      )}
      {appeal && <AppealSummary ctx={ctx} appeal={appeal} />}
      {mayAppeal(sanction, appeal) && (
        <form method="post" action={action} novalidate>
          <CsrfField ctx={ctx} />
          <h2>{t('appeal.form.title')}</h2>
          <p>{t('appeal.form.intro')}</p>
          <StatementField
            ctx={ctx}
            id="statement"
            name="statement"
            label={t('appeal.statement.label')}
            hint={t('appeal.statement.hint', { max: STATEMENT_MAX })}
            error={errorFor(errors, 'statement')}
            value={statement}
          />
          <button type="submit">{t('appeal.form.submit')}</button>
        </form>
      )}
    </Layout>
  )
}

/** An appeal link that is incomplete, replaced by a newer one, or spent once the appeal was answered. */
export function AppealLinkInvalidPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('appeal.invalid.title')}>
      <h1>{t('appeal.invalid.title')}</h1>
      <p>{t('appeal.invalid.text')}</p>
      <p>
        <a href={MY_DECISIONS_PATH}>{t('appeal.invalid.account')}</a>
      </p>
    </Layout>
  )
}

/** After asking for the decision's mail again from the sign-in page. */
export function ResentPage({ ctx, sent }: { ctx: ViewContext; sent: boolean }) {
  const { t } = ctx
  const title = sent ? t('appeal.resent.title') : t('appeal.resent.expiredTitle')
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{sent ? t('appeal.resent.text') : t('appeal.resent.expired')}</p>
      <p>
        <a href="/connexion">{t('appeal.resent.login')}</a>
      </p>
    </Layout>
  )
}
