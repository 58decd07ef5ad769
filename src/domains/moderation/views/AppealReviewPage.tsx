import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Choices, Confirmation, CsrfField, errorFor, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { AccountCard } from '../../accounts/index.ts'
import type { AppealForReview } from '../appeal-review.service.ts'
import type { AppealRow, SanctionRow } from '../sanction.repository.ts'
import { ANSWER_MAX, KIND_LABEL } from '../sanction-life.ts'
import { AppealSummary, DecisionSummary } from './DecisionSummary.tsx'
import { StatementField } from './StatementField.tsx'

export const APPEALS_PATH = '/administration/moderation/recours'
/** The queue's page of an item, with its context (the listing, the messages around a reported one). */
export const queueItemPath = (itemId: string) => `/administration/moderation/${itemId}`

const nameOf = (people: Map<string, AccountCard>, id: string | null, fallback: string) =>
  (id && people.get(id)?.displayName) || fallback

/** The territory's appeals waiting for a moderator, oldest first. */
export function AppealListPage({
  ctx,
  rows,
  people,
}: {
  ctx: ViewContext
  rows: { appeal: AppealRow; sanction: SanctionRow }[]
  people: Map<string, AccountCard>
}) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={t('appealReview.list.title')}>
      <h1>{t('appealReview.list.title')}</h1>
      {rows.length === 0 ? (
        <p>{t('appealReview.list.none')}</p>
      ) : (
        <ul class="results">
          {rows.map(({ appeal, sanction }) => (
            <li key={appeal.id}>
              <a href={`${APPEALS_PATH}/${appeal.id}`}>
                {t('appealReview.list.item', {
                  name: nameOf(people, appeal.accountId, t('appealReview.someone')),
                  what: t(KIND_LABEL[sanction.kind]),
                  date: formatDateTime(appeal.createdAt, locale),
                })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}

interface Props {
  ctx: ViewContext
  review: AppealForReview
  /** the viewer decided the sanction (or is the person): the form is not offered */
  ownDecision: boolean
  values: { decision: string; answer: string }
  errors: FieldError[]
  notice?: string
  /** a refusal said in words: another moderator answered first, or this is the viewer's own decision */
  refusal?: string
}

/** One appeal: the decision, the person's words, the context, and the answer: lift or keep. */
export function AppealReviewPage({ ctx, review, ownDecision, values, errors, notice, refusal }: Props) {
  const { t, locale } = ctx
  const { appeal, sanction, people } = review
  const title = t('appealReview.page.title', {
    name: nameOf(people, appeal.accountId, t('appealReview.someone')),
  })
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      {notice && <Confirmation text={notice} />}
      {refusal && (
        <div class="notice" role="alert">
          <p>{refusal}</p>
        </div>
      )}
      <h2>{t('appealReview.page.decision')}</h2>
      <DecisionSummary ctx={ctx} sanction={sanction} />
      <p>
        {t('appealReview.page.decidedBy', {
          name: nameOf(people, sanction.decidedBy, t('appealReview.someone')),
        })}
      </p>
      {sanction.itemId && (
        <p>
          <a href={queueItemPath(sanction.itemId)}>{t('appealReview.page.context')}</a>
        </p>
      )}
      <h2>{t('appealReview.page.appeal')}</h2>
      <AppealSummary ctx={ctx} appeal={appeal} />
      {appeal.status !== 'open' ? (
        <p>
          {t(appeal.status === 'granted' ? 'appealReview.done.granted' : 'appealReview.done.upheld', {
            name: nameOf(people, appeal.reviewedBy, t('appealReview.someone')),
            date: appeal.reviewedAt ? formatDateTime(appeal.reviewedAt, locale) : '',
          })}
        </p>
      ) : ownDecision ? (
        <p class="notice">{t('appealReview.own')}</p>
      ) : (
        <form method="post" action={`/administration/moderation/recours/${appeal.id}`} novalidate>
          <CsrfField ctx={ctx} />
          <h2>{t('appealReview.form.title')}</h2>
          <Choices
            ctx={ctx}
            id="decision"
            name="decision"
            type="radio"
            legend={t('appealReview.decision.legend')}
            error={errorFor(errors, 'decision')}
            options={[
              { value: 'granted', label: t('appealReview.decision.granted') },
              { value: 'upheld', label: t('appealReview.decision.upheld') },
            ]}
            checked={[values.decision]}
          />
          <StatementField
            ctx={ctx}
            id="answer"
            name="answer"
            label={t('appealReview.answer.label')}
            hint={t('appealReview.answer.hint', { max: ANSWER_MAX })}
            error={errorFor(errors, 'answer')}
            value={values.answer}
          />
          <button type="submit">{t('appealReview.form.submit')}</button>
        </form>
      )}
      <p>
        <a href={APPEALS_PATH}>{t('appealReview.back')}</a>
      </p>
    </Layout>
  )
}
