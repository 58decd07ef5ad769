import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Choices, errorFor } from '../../../platform/views/fields.tsx'
import { SettingsPage } from '../../../platform/views/SettingsPage.tsx'

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
    <SettingsPage
      ctx={ctx}
      title={title}
      back={{ href: '/administration', label: t('admin.back') }}
      errors={errors}
      notice={notice}
      intro={
        <>
          <p>{t('reviewPolicy.intro')}</p>
          <p>
            {medianHours === null
              ? t('reviewPolicy.median.none')
              : t('reviewPolicy.median.hours', { hours: Math.max(1, Math.ceil(medianHours)) })}
          </p>
        </>
      }
      action={REVIEW_POLICY_PATH}
      submit={t('reviewPolicy.submit')}
    >
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
    </SettingsPage>
  )
}
