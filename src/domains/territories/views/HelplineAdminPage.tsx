import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { errorFor, TextField } from '../../../platform/views/fields.tsx'
import { SettingsPage } from '../../../platform/views/SettingsPage.tsx'
import { type HelplineInput, HOURS_MAX } from '../help-point.ts'

export const HELPLINE_PATH = '/administration/ligne-telephonique'
export const HELP_POINTS_PATH = '/administration/points-d-aide'

interface Props {
  ctx: ViewContext
  values: HelplineInput
  errors: FieldError[]
  /** how many help points the territory lists, for the link to them */
  helpPoints: number
  notice?: string | undefined
}

/** The phone line's number and hours, typed any French way; clearing both is allowed. */
export function HelplineAdminPage({ ctx, values, errors, helpPoints, notice }: Props) {
  const { t } = ctx
  const title = t('helpline.admin.title')
  return (
    <SettingsPage
      ctx={ctx}
      title={title}
      back={{ href: '/administration', label: t('admin.back') }}
      errors={errors}
      notice={notice}
      intro={<p>{t('helpline.admin.intro')}</p>}
      action={HELPLINE_PATH}
      submit={t('helpline.form.submit')}
      footer={
        <p>
          <a href={HELP_POINTS_PATH}>{t('helpline.admin.points', { count: helpPoints })}</a>
        </p>
      }
    >
      <TextField
        ctx={ctx}
        name="phone"
        type="tel"
        autocomplete="off"
        label={t('helpline.form.phone')}
        hint={t('helpline.form.phoneHint')}
        value={values.phone}
        error={errorFor(errors, 'phone')}
      />
      <TextField
        ctx={ctx}
        name="hoursFr"
        label={t('helpline.form.hoursFr')}
        hint={t('helpline.form.hoursHint')}
        value={values.hoursFr}
        error={errorFor(errors, 'hoursFr')}
        maxLength={HOURS_MAX}
      />
      <TextField
        ctx={ctx}
        name="hoursEn"
        label={t('helpline.form.hoursEn')}
        value={values.hoursEn}
        error={errorFor(errors, 'hoursEn')}
        maxLength={HOURS_MAX}
      />
    </SettingsPage>
  )
}
