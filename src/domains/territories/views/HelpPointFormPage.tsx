import { CommuneInput } from '../../../platform/geo/CommuneField.tsx'
import type { Commune } from '../../../platform/geo/commune.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Choices, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { helpPointKinds } from '../help-point.schema.ts'
import { HELP_POINT_NAME_MAX, HELP_POINT_TEXT_MAX, type HelpPointInput } from '../help-point.ts'
import { HELP_POINTS_PATH } from './HelplineAdminPage.tsx'
import { KIND_LABEL } from './help-point-labels.ts'

interface Props {
  ctx: ViewContext
  /** absent when adding */
  editing?: { id: string; name: string } | undefined
  values: HelpPointInput
  errors: FieldError[]
  /** the communes the typed text fitted, when it fitted several */
  choices: Commune[]
}

/** Adding or changing a help point: its kind, name, address, commune, hours and an optional phone. */
export function HelpPointFormPage({ ctx, editing, values, errors, choices }: Props) {
  const { t } = ctx
  const title = editing ? t('helpPoint.form.editTitle', { name: editing.name }) : t('helpPoint.form.addTitle')
  const e = (field: string) => errorFor(errors, field)
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p>
        <a href={HELP_POINTS_PATH}>{t('helpPoint.form.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={editing ? `${HELP_POINTS_PATH}/${editing.id}` : HELP_POINTS_PATH}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <Choices
          ctx={ctx}
          id="kind"
          name="kind"
          type="radio"
          legend={t('helpPoint.form.kind')}
          options={helpPointKinds.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
          checked={[values.kind]}
          {...(e('kind') ? { error: e('kind')! } : {})}
        />
        <TextField
          ctx={ctx}
          name="name"
          label={t('helpPoint.form.name')}
          hint={t('helpPoint.form.nameHint')}
          value={values.name}
          error={e('name')}
          maxLength={HELP_POINT_NAME_MAX}
        />
        <TextField
          ctx={ctx}
          name="address"
          label={t('helpPoint.form.address')}
          hint={t('helpPoint.form.addressHint')}
          value={values.address}
          error={e('address')}
          maxLength={HELP_POINT_TEXT_MAX}
        />
        <CommuneInput
          ctx={ctx}
          label={t('helpPoint.form.commune')}
          hint={t('helpPoint.form.communeHint')}
          value={values.commune}
          error={e('commune')}
          choices={choices}
        />
        <TextField
          ctx={ctx}
          name="hours"
          label={t('helpPoint.form.hours')}
          hint={t('helpPoint.form.hoursHint')}
          value={values.hours}
          error={e('hours')}
          maxLength={HELP_POINT_TEXT_MAX}
        />
        <TextField
          ctx={ctx}
          name="phone"
          type="tel"
          autocomplete="off"
          label={t('helpPoint.form.phone')}
          hint={t('helpline.form.phoneHint')}
          value={values.phone}
          error={e('phone')}
        />
        <button type="submit">
          {editing ? t('helpPoint.form.submitEdit') : t('helpPoint.form.submitAdd')}
        </button>
      </form>
    </Layout>
  )
}
