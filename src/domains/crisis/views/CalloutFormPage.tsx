import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ErrorSummary } from '../../../platform/views/ErrorSummary.tsx'
import {
  Choices,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { BODY_MAX, SUBJECT_MAX } from '../callout.ts'

export interface CalloutValues {
  subject: string
  body: string
  categoryIds: string[]
  communes: string
}

/** A mass call for volunteers: who it is for, what it says; « Compter les destinataires » first. */
export function CalloutFormPage({
  ctx,
  categories,
  values,
  errors,
  notice,
}: {
  ctx: ViewContext
  categories: { value: string; label: string }[]
  values: CalloutValues
  errors: FieldError[]
  notice?: string | undefined
}) {
  const { t } = ctx
  const title = t('callout.new.title')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p>
        <a href="/administration/crise/appels">{t('callout.list.title')}</a>
      </p>
      <h1>{title}</h1>
      {notice && <Confirmation text={notice} />}
      <p>{t('callout.new.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/administration/crise/appels" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="subject"
          label={t('callout.field.subject')}
          value={values.subject}
          maxLength={SUBJECT_MAX}
          error={errorFor(errors, 'subject')}
        />
        <TextArea
          ctx={ctx}
          name="body"
          label={t('callout.field.body')}
          hint={t('callout.field.bodyHint', { max: BODY_MAX })}
          value={values.body}
          error={errorFor(errors, 'body')}
        />
        <Choices
          ctx={ctx}
          id="categories"
          name="categories"
          type="checkbox"
          legend={t('callout.field.categories')}
          hint={t('callout.field.categoriesHint')}
          error={errorFor(errors, 'categories')}
          options={categories}
          checked={values.categoryIds}
        />
        <TextArea
          ctx={ctx}
          name="communes"
          label={t('callout.field.communes')}
          hint={t('callout.field.communesHint')}
          value={values.communes}
          error={errorFor(errors, 'communes')}
        />
        <button type="submit">{t('callout.new.count')}</button>
      </form>
    </Layout>
  )
}
