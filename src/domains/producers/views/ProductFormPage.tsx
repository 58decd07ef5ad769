import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Choices, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Select, TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { OrganisationRef } from '../../organisations/index.ts'
import type { ProductFormValues } from '../producer.form.ts'
import { producerLabels, productFamilies } from '../producer.schema.ts'
import { monthName, PRODUCT_NAME_MAX } from '../producer.ts'
import { FAMILY_LABEL, QUALITY_LABEL } from './labels.ts'

interface Props {
  ctx: ViewContext
  organisation: OrganisationRef
  /** the product's id when changing one */
  productId: string | null
  values: ProductFormValues
  errors: FieldError[]
}

/** One product: its family, name, description, the months it is to be had and its labels. No price. */
export function ProductFormPage({ ctx, organisation, productId, values, errors }: Props) {
  const { t } = ctx
  const base = `/organisations/${organisation.id}/producteur`
  const title = t(productId ? 'producers.product.edit' : 'producers.product.new')
  const error = (field: string) => {
    const e = errorFor(errors, field)
    return e ? { error: e } : {}
  }
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, `${title} – ${organisation.name}`, errors)}>
      <p>
        <a href={base}>{t('producers.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={productId ? `${base}/produits/${productId}` : `${base}/produits/nouveau`}>
        <CsrfField ctx={ctx} />
        <Select
          ctx={ctx}
          name="family"
          label={t('producers.product.family')}
          placeholder={t('producers.product.familyChoose')}
          value={values.family}
          error={errorFor(errors, 'family')}
          options={productFamilies.map((f) => ({ value: f, label: t(FAMILY_LABEL[f]) }))}
        />
        <TextField
          ctx={ctx}
          name="name"
          label={t('producers.product.name')}
          value={values.name}
          error={errorFor(errors, 'name')}
          maxLength={PRODUCT_NAME_MAX}
        />
        <TextArea
          ctx={ctx}
          name="description"
          label={t('producers.product.description')}
          value={values.description}
          error={errorFor(errors, 'description')}
        />
        <Choices
          ctx={ctx}
          id="months"
          name="months"
          type="checkbox"
          legend={t('producers.product.months')}
          {...error('months')}
          options={Array.from({ length: 12 }, (_, i) => ({
            value: String(i + 1),
            label: monthName(i + 1, ctx.locale),
          }))}
          checked={values.months}
        />
        <Choices
          ctx={ctx}
          id="labels"
          name="labels"
          type="checkbox"
          legend={t('producers.product.labels')}
          {...error('labels')}
          options={producerLabels.map((l) => ({ value: l, label: t(QUALITY_LABEL[l]) }))}
          checked={values.labels}
        />
        <button type="submit">{t('producers.product.save')}</button>
      </form>
    </Layout>
  )
}
