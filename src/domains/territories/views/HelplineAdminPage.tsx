import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
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
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p>
        <a href="/administration">{t('admin.back')}</a>
      </p>
      <h1>{title}</h1>
      {notice && <Confirmation text={notice} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('helpline.admin.intro')}</p>
      <form method="post" action={HELPLINE_PATH} novalidate>
        <CsrfField ctx={ctx} />
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
        <button type="submit">{t('helpline.form.submit')}</button>
      </form>
      <p>
        <a href={HELP_POINTS_PATH}>{t('helpline.admin.points', { count: helpPoints })}</a>
      </p>
    </Layout>
  )
}
