import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Choices, Confirmation, CsrfField, errorFor, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'

export const REVIEW_POLICY_PATH = '/administration/moderation/relecture'

const OPTIONS = [
  ['all', 'reviewPolicy.option.all'],
  ['first-listings', 'reviewPolicy.option.first'],
  ['none', 'reviewPolicy.option.none'],
] as const

interface Props {
  ctx: ViewContext
  /** the choice shown checked: the saved one, or the one sent back with an error */
  policy: string
  /** how long readings took lately, in hours; null when there were none */
  medianHours: number | null
  errors: FieldError[]
  notice?: string | undefined
}

/** Which new listings a moderator reads before publication: three choices, each explained in plain words. */
export function ReviewPolicyPage({ ctx, policy, medianHours, errors, notice }: Props) {
  const { t } = ctx
  const title = t('reviewPolicy.title')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p>
        <a href="/administration">{t('admin.back')}</a>
      </p>
      <h1>{title}</h1>
      {notice && <Confirmation text={notice} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('reviewPolicy.intro')}</p>
      <p>
        {medianHours === null
          ? t('reviewPolicy.median.none')
          : t('reviewPolicy.median.hours', { hours: Math.max(1, Math.ceil(medianHours)) })}
      </p>
      <form method="post" action={REVIEW_POLICY_PATH} novalidate>
        <CsrfField ctx={ctx} />
        <Choices
          ctx={ctx}
          id="policy"
          name="policy"
          type="radio"
          legend={t('reviewPolicy.legend')}
          hint={t('reviewPolicy.hint')}
          error={errorFor(errors, 'policy')}
          options={OPTIONS.map(([value, key]) => ({ value, label: t(key) }))}
          checked={[policy]}
        />
        <button type="submit">{t('reviewPolicy.submit')}</button>
      </form>
    </Layout>
  )
}
