import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, errorFor, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { SanctionWithAppeal } from '../appeal.service.ts'
import { mayAppeal, STATE_LABEL, STATEMENT_MAX, sanctionState } from '../sanction-life.ts'
import { decisionSentence } from '../sanction-words.ts'
import { MY_DECISIONS_PATH } from './AppealPage.tsx'
import { AppealSummary, DecisionSummary } from './DecisionSummary.tsx'
import { StatementField } from './StatementField.tsx'

interface Props {
  ctx: ViewContext
  items: SanctionWithAppeal[]
  now: Date
  notice?: string
  /** the form that was refused, with what the person typed */
  failed?: { sanctionId: string; statement: string; errors: FieldError[] }
}

export const statementFieldId = (sanctionId: string) => `statement-${sanctionId}`

/** « Décisions de modération » in the account: each decision, where it stands, and a form to contest it. */
export function MySanctionsPage({ ctx, items, now, notice, failed }: Props) {
  const { t, locale } = ctx
  const title = t('appeal.mine.title')
  const errors = failed?.errors ?? []
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      {notice && <Confirmation text={notice} />}
      {items.length === 0 ? (
        <p>{t('appeal.mine.none')}</p>
      ) : (
        <>
          <p>{t('appeal.mine.intro')}</p>
          {items.map(({ sanction, appeal }) => {
            const id = statementFieldId(sanction.id)
            const mine = failed?.sanctionId === sanction.id
            return (
              <section key={sanction.id} class="decision" aria-labelledby={`decision-${sanction.id}`}>
                <h2 id={`decision-${sanction.id}`}>{decisionSentence(t, locale, sanction)}</h2>
                <p>
                  <strong>{t('appeal.summary.state')}</strong>{' '}
                  {t(STATE_LABEL[sanctionState(sanction, appeal, now)])}
                </p>
                <DecisionSummary ctx={ctx} sanction={sanction} />
                {appeal && <AppealSummary ctx={ctx} appeal={appeal} />}
                {mayAppeal(sanction, appeal) && (
                  <form method="post" action={`${MY_DECISIONS_PATH}/${sanction.id}/recours`} novalidate>
                    <CsrfField ctx={ctx} />
                    <StatementField
                      ctx={ctx}
                      id={id}
                      name="statement"
                      label={t('appeal.statement.label')}
                      hint={t('appeal.statement.hint', { max: STATEMENT_MAX })}
                      error={mine ? errorFor(errors, id) : undefined}
                      value={mine ? failed.statement : ''}
                    />
                    <button type="submit">
                      {t('appeal.mine.submit')}
                      <span class="visually-hidden"> {decisionSentence(t, locale, sanction)}</span>
                    </button>
                  </form>
                )}
              </section>
            )
          })}
        </>
      )}
      <p>
        <a href="/compte">{t('appeal.mine.back')}</a>
      </p>
    </Layout>
  )
}
