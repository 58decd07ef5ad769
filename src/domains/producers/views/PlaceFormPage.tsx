import { CommuneField } from '../../../platform/geo/CommuneField.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Select, TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { OrganisationRef } from '../../organisations/index.ts'
import type { PlaceFormValues } from '../producer.form.ts'
import { salesModes } from '../producer.schema.ts'
import { DELIVERY_RADII, PLACE_ADDRESS_MAX, PLACE_NAME_MAX, weekdayName } from '../producer.ts'
import { MODE_LABEL } from './labels.ts'

interface Props {
  ctx: ViewContext
  organisation: OrganisationRef
  placeId: string | null
  values: PlaceFormValues
  errors: FieldError[]
}

/** A place of sale and its opening hours, as rows of day, opening and closing time. */
export function PlaceFormPage({ ctx, organisation, placeId, values, errors }: Props) {
  const { t } = ctx
  const base = `/organisations/${organisation.id}/producteur`
  const title = t(placeId ? 'producers.place.edit' : 'producers.place.new')
  const days = Array.from({ length: 7 }, (_, i) => ({
    value: String(i + 1),
    label: weekdayName(i + 1, ctx.locale),
  }))
  return (
    <Layout
      ctx={ctx}
      title={pageTitle(ctx, `${title} – ${organisation.name}`, errors)}
      scripts={['commune-field.js']}
    >
      <p>
        <a href={base}>{t('producers.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={placeId ? `${base}/lieux/${placeId}` : `${base}/lieux/nouveau`}>
        <CsrfField ctx={ctx} />
        <Select
          ctx={ctx}
          name="mode"
          label={t('producers.place.mode')}
          placeholder={t('producers.place.modeChoose')}
          value={values.mode}
          error={errorFor(errors, 'mode')}
          options={salesModes.map((m) => ({ value: m, label: t(MODE_LABEL[m]) }))}
        />
        <TextField
          ctx={ctx}
          name="name"
          label={t('producers.place.name')}
          hint={t('producers.place.nameHint')}
          value={values.name}
          error={errorFor(errors, 'name')}
          maxLength={PLACE_NAME_MAX}
        />
        <CommuneField
          ctx={ctx}
          name="commune"
          id="commune"
          label={t('producers.place.commune')}
          hint={t('producers.place.communeHint')}
          value={values.commune}
          {...(errorFor(errors, 'commune') ? { error: errorFor(errors, 'commune')! } : {})}
        />
        <TextField
          ctx={ctx}
          name="address"
          label={t('producers.place.address')}
          value={values.address}
          error={errorFor(errors, 'address')}
          maxLength={PLACE_ADDRESS_MAX}
        />
        <TextArea
          ctx={ctx}
          name="details"
          label={t('producers.place.details')}
          value={values.details}
          error={errorFor(errors, 'details')}
        />
        <Select
          ctx={ctx}
          name="radiusKm"
          label={t('producers.place.radius')}
          placeholder={t('producers.place.radiusNone')}
          value={values.radiusKm}
          error={errorFor(errors, 'radiusKm')}
          options={DELIVERY_RADII.map((km) => ({
            value: String(km),
            label: t('producers.place.radiusOption', { km }),
          }))}
        />
        <fieldset class="hours-rows">
          <legend>{t('producers.place.hours')}</legend>
          <span class="hint">{t('producers.place.hoursHint')}</span>
          {values.hours.map((row, i) => {
            const n = i + 1
            return (
              <fieldset class="hours-row" key={n}>
                <legend>{t('producers.place.row', { n })}</legend>
                <Select
                  ctx={ctx}
                  name={`hours${n}Day`}
                  label={t('producers.place.day')}
                  placeholder={t('producers.place.dayChoose')}
                  value={row.day}
                  error={errorFor(errors, `hours${n}Day`)}
                  options={days}
                />
                <TextField
                  ctx={ctx}
                  name={`hours${n}Opens`}
                  label={t('producers.place.opens')}
                  value={row.opens}
                  error={errorFor(errors, `hours${n}Opens`)}
                  maxLength={10}
                />
                <TextField
                  ctx={ctx}
                  name={`hours${n}Closes`}
                  label={t('producers.place.closes')}
                  value={row.closes}
                  error={errorFor(errors, `hours${n}Closes`)}
                  maxLength={10}
                />
              </fieldset>
            )
          })}
        </fieldset>
        <button type="submit">{t('producers.place.save')}</button>
      </form>
    </Layout>
  )
}
