import type { ComponentChildren } from 'preact'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Checkbox, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { CategoryInput } from '../category.ts'
import { NAME_MAX } from '../category.ts'
import { ICON_LABEL, iconNames } from '../icons.tsx'

interface Props {
  ctx: ViewContext
  /** absent when adding */
  id?: string | undefined
  /** the French name as saved, for the title of the edit page */
  savedName?: string | undefined
  values: CategoryInput
  errors: FieldError[]
}

function FieldShell(props: {
  ctx: ViewContext
  id: string
  label: string
  hint?: string | undefined
  error?: string | undefined
  children: (describedBy: string | undefined) => ComponentChildren
}) {
  const { ctx, id, label, hint, error } = props
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} class="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} class="error-message">
          <span class="visually-hidden">{ctx.t('admin.field.errorPrefix')} </span>
          {error}
        </span>
      )}
      {props.children(describedBy)}
    </div>
  )
}

function TextArea(props: {
  ctx: ViewContext
  name: keyof CategoryInput
  label: string
  hint?: string
  value: string
  errors: FieldError[]
  lang?: string
}) {
  const error = errorFor(props.errors, props.name)
  return (
    <FieldShell ctx={props.ctx} id={props.name} label={props.label} hint={props.hint} error={error}>
      {(describedBy) => (
        <textarea
          id={props.name}
          name={props.name}
          rows={4}
          lang={props.lang}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        >
          {props.value}
        </textarea>
      )}
    </FieldShell>
  )
}

/** Adding or editing a category: both languages side by side, an icon from the set, the two flags. */
export function CategoryFormPage({ ctx, id, savedName, values, errors }: Props) {
  const { t } = ctx
  const title = id
    ? t('category.form.editTitle', { name: savedName ?? values.nameFr })
    : t('category.form.addTitle')
  const iconError = errorFor(errors, 'icon')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p>
        <a href="/administration/categories">{t('category.form.cancel')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={id ? `/administration/categories/${id}` : '/administration/categories'}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="nameFr"
          label={t('category.form.nameFr')}
          hint={t('category.form.nameHint')}
          value={values.nameFr}
          error={errorFor(errors, 'nameFr')}
          maxLength={NAME_MAX}
        />
        <TextField
          ctx={ctx}
          name="nameEn"
          label={t('category.form.nameEn')}
          hint={t('category.form.nameHint')}
          value={values.nameEn}
          error={errorFor(errors, 'nameEn')}
          maxLength={NAME_MAX}
        />
        <TextArea
          ctx={ctx}
          name="descriptionFr"
          label={t('category.form.descriptionFr')}
          value={values.descriptionFr}
          errors={errors}
        />
        <TextArea
          ctx={ctx}
          name="descriptionEn"
          label={t('category.form.descriptionEn')}
          value={values.descriptionEn}
          errors={errors}
          lang="en"
        />
        <TextArea
          ctx={ctx}
          name="guidanceFr"
          label={t('category.form.guidanceFr')}
          hint={t('category.form.guidanceHint')}
          value={values.guidanceFr}
          errors={errors}
        />
        <TextArea
          ctx={ctx}
          name="guidanceEn"
          label={t('category.form.guidanceEn')}
          value={values.guidanceEn}
          errors={errors}
          lang="en"
        />
        <FieldShell ctx={ctx} id="icon" label={t('category.form.icon')} error={iconError}>
          {(describedBy) => (
            <select
              id="icon"
              name="icon"
              aria-describedby={describedBy}
              aria-invalid={iconError ? 'true' : undefined}
            >
              {iconNames.map((icon) => (
                <option key={icon} value={icon} selected={values.icon === icon}>
                  {t(ICON_LABEL[icon])}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <fieldset>
          <legend>{t('category.form.flags')}</legend>
          <Checkbox ctx={ctx} name="crisis" label={t('category.form.crisis')} checked={values.crisis} />
          <Checkbox
            ctx={ctx}
            name="needsVerifiedVolunteer"
            label={t('category.form.needsVerified')}
            checked={values.needsVerifiedVolunteer}
          />
        </fieldset>
        <button type="submit">{t('category.form.submit')}</button>
      </form>
    </Layout>
  )
}
