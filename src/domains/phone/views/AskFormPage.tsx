import { CommuneInput } from '../../../platform/geo/CommuneField.tsx'
import type { Commune } from '../../../platform/geo/commune.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ErrorSummary } from '../../../platform/views/ErrorSummary.tsx'
import { Choices, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Select, TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { linePaths } from './paths.ts'

export interface AskValues {
  categoryId: string
  title: string
  description: string
  urgency: string
  commune: string
}

/**
 * « Nouvelle demande », typed while the person speaks. The category is a native select sorted by
 * name: typing its first letters picks it (« c » for Courses), with the keyboard alone, without
 * JavaScript, the way every screen reader knows; access keys would clash with the browser's and
 * the screen readers' own shortcuts. The commune is the person's unless the agent types another.
 */
export function AskFormPage(props: {
  ctx: ViewContext
  person: { id: string; name: string; firstName: string }
  categories: { id: string; name: string }[]
  values: AskValues
  errors: FieldError[]
  choices: Commune[]
}) {
  const { ctx, person, categories, values, errors, choices } = props
  const { t } = ctx
  const title = t('phone.ask.title', { name: person.name })
  const err = (field: string) => errorFor(errors, field)
  const urgencyError = err('urgency')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)} scripts={['commune-field.js']}>
      <p>
        <a href={linePaths.person(person.id)}>{t('phone.backToPerson', { name: person.name })}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('phone.ask.intro', { name: person.firstName })}</p>
      <form method="post" action={linePaths.newAsk(person.id)} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          ctx={ctx}
          name="categoryId"
          label={t('phone.ask.category')}
          hint={t('phone.ask.categoryHint')}
          placeholder={t('listing.category.choose')}
          options={[...categories]
            .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
            .map((c) => ({ value: c.id, label: c.name }))}
          value={values.categoryId}
          error={err('categoryId')}
        />
        <TextField
          ctx={ctx}
          name="title"
          label={t('phone.ask.titleLabel')}
          hint={t('phone.ask.titleHint')}
          value={values.title}
          error={err('title')}
        />
        <TextArea
          ctx={ctx}
          name="description"
          label={t('phone.ask.description')}
          hint={t('phone.ask.descriptionHint')}
          value={values.description}
          error={err('description')}
        />
        <Choices
          ctx={ctx}
          id="urgency"
          name="urgency"
          type="radio"
          legend={t('listing.urgency.legend')}
          {...(urgencyError ? { error: urgencyError } : {})}
          options={[
            { value: 'today', label: t('listing.urgency.today') },
            { value: 'week', label: t('listing.urgency.week') },
            { value: 'no-rush', label: t('listing.urgency.no-rush') },
          ]}
          checked={[values.urgency]}
        />
        <CommuneInput
          ctx={ctx}
          label={t('phone.ask.commune')}
          hint={t('phone.ask.communeHint')}
          value={values.commune}
          error={err('commune')}
          choices={choices}
        />
        <button type="submit">{t('phone.ask.submit')}</button>
      </form>
    </Layout>
  )
}
