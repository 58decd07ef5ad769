import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ErrorSummary } from '../../../platform/views/ErrorSummary.tsx'
import { Choices, CsrfField, errorFor, pageTitle } from '../../../platform/views/fields.tsx'
import { TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { type CrisisKind, KIND_LABEL } from '../crisis.ts'

export interface TemplateValues {
  categorySlugs: string[]
  homeMessage: string
  guidance: string
}

/** An administrator edits what a crisis opens and says: its categories and its two texts. */
export function TemplatePage({
  ctx,
  kind,
  categories,
  values,
  errors,
}: {
  ctx: ViewContext
  kind: CrisisKind
  categories: { value: string; label: string }[]
  values: TemplateValues
  errors: FieldError[]
}) {
  const { t } = ctx
  const title = t('crisis.template.title', { kind: t(KIND_LABEL[kind]) })
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p>
        <a href="/administration/crise">{t('crisis.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/administration/crise/modeles/${kind}`} novalidate>
        <CsrfField ctx={ctx} />
        <Choices
          ctx={ctx}
          id="categories"
          name="categories"
          type="checkbox"
          legend={t('crisis.template.categories')}
          hint={t('crisis.template.categoriesHint')}
          error={errorFor(errors, 'categories')}
          options={categories}
          checked={values.categorySlugs}
        />
        <TextArea
          ctx={ctx}
          name="homeMessage"
          label={t('crisis.template.homeMessage')}
          hint={t('crisis.template.homeMessageHint')}
          value={values.homeMessage}
          error={errorFor(errors, 'homeMessage')}
        />
        <TextArea
          ctx={ctx}
          name="guidance"
          label={t('crisis.template.guidance')}
          hint={t('crisis.template.guidanceHint')}
          value={values.guidance}
          error={errorFor(errors, 'guidance')}
        />
        <button type="submit">{t('crisis.template.save')}</button>
      </form>
    </Layout>
  )
}
