import { CommuneInput } from '../../../platform/geo/CommuneField.tsx'
import type { Commune } from '../../../platform/geo/commune.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { DateInput } from '../../../platform/views/DateInput.tsx'
import type { DateParts } from '../../../platform/views/date-parts.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  Checkbox,
  Choices,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { Select, TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { DESCRIPTION_MAX, type ListingKind, NAME_MAX, TITLE_MAX } from '../listing.ts'

/** Everything the form shows again after an error, as typed. */
export interface ListingFormValues {
  categoryId: string
  title: string
  description: string
  commune: string
  whenKind: string
  whenStart: DateParts
  whenEnd: DateParts
  recurrence: string
  urgency: string
  capacity: string
  forWhom: string
  onBehalfName: string
  onBehalfRelation: string
  onBehalfConsent: boolean
  charter: boolean
}

const noDate: DateParts = { day: '', month: '', year: '' }

export const emptyListingForm: ListingFormValues = {
  categoryId: '',
  title: '',
  description: '',
  commune: '',
  whenKind: '',
  whenStart: noDate,
  whenEnd: noDate,
  recurrence: '',
  urgency: '',
  capacity: '',
  forWhom: 'self',
  onBehalfName: '',
  onBehalfRelation: '',
  onBehalfConsent: false,
  charter: false,
}

interface Props {
  ctx: ViewContext
  kind: ListingKind
  /** absent for a new listing */
  editing?: { id: string }
  categories: { id: string; name: string }[]
  values: ListingFormValues
  errors: FieldError[]
  communeChoices: Commune[]
}

export function ListingFormPage({ ctx, kind, editing, categories, values, errors, communeChoices }: Props) {
  const { t } = ctx
  const title = editing
    ? t('listing.edit.title')
    : t(kind === 'ask' ? 'listing.new.titleAsk' : 'listing.new.titleOffer')
  const action = editing ? `/mes-annonces/${editing.id}/modifier` : '/annonces/nouvelle'
  const err = (field: string) => errorFor(errors, field)
  const dateLabels = { day: t('ask.date.day'), month: t('ask.date.month'), year: t('ask.date.year') }
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)} scripts={['commune-field.js']}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('listing.new.intro')}</p>
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="kind" value={kind} />
        <Select
          ctx={ctx}
          name="categoryId"
          label={t('listing.category.label')}
          hint={t('listing.category.hint')}
          placeholder={t('listing.category.choose')}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
          value={values.categoryId}
          error={err('categoryId')}
        />
        <TextField
          ctx={ctx}
          name="title"
          label={t('listing.title.label')}
          hint={t('listing.title.hint', { max: TITLE_MAX })}
          value={values.title}
          error={err('title')}
        />
        <TextArea
          ctx={ctx}
          name="description"
          label={t('listing.description.label')}
          hint={t('listing.description.hint', { max: DESCRIPTION_MAX })}
          value={values.description}
          error={err('description')}
        />
        <CommuneInput
          ctx={ctx}
          label={t('listing.commune.label')}
          hint={t('listing.commune.hint')}
          value={values.commune}
          error={err('commune')}
          choices={communeChoices}
        />
        <Choices
          ctx={ctx}
          id="whenKind"
          name="whenKind"
          type="radio"
          legend={t('listing.when.legend')}
          hint={t('listing.when.hint')}
          error={err('whenKind')}
          options={[
            { value: 'date', label: t('listing.when.date') },
            { value: 'period', label: t('listing.when.period') },
            { value: 'recurring', label: t('listing.when.recurring') },
            { value: 'flexible', label: t('listing.when.flexible') },
          ]}
          checked={[values.whenKind]}
        />
        <details
          class="follow-up"
          open={['date', 'period', 'recurring'].includes(values.whenKind) || undefined}
        >
          <summary>{t('ask.form.whenDetails')}</summary>
          <p class="hint">{t('ask.form.whenDetailsHint')}</p>
          <DateInput
            ctx={ctx}
            name="whenStart"
            legend={t('listing.whenStart.label')}
            hint={t('ask.date.hint')}
            value={values.whenStart}
            error={err('whenStart')}
            labels={dateLabels}
          />
          <DateInput
            ctx={ctx}
            name="whenEnd"
            legend={t('listing.whenEnd.label')}
            hint={t('ask.date.hintEnd')}
            value={values.whenEnd}
            error={err('whenEnd')}
            labels={dateLabels}
          />
          <TextField
            ctx={ctx}
            name="recurrence"
            label={t('listing.recurrence.label')}
            hint={t('listing.recurrence.hint')}
            value={values.recurrence}
            error={err('recurrence')}
          />
        </details>
        {kind === 'ask' ? (
          <Choices
            ctx={ctx}
            id="urgency"
            name="urgency"
            type="radio"
            legend={t('listing.urgency.legend')}
            error={err('urgency')}
            options={[
              { value: 'today', label: t('listing.urgency.today') },
              { value: 'week', label: t('listing.urgency.week') },
              { value: 'no-rush', label: t('listing.urgency.no-rush') },
            ]}
            checked={[values.urgency]}
          />
        ) : (
          <TextField
            ctx={ctx}
            name="capacity"
            label={t('listing.capacity.label')}
            hint={t('listing.capacity.hint')}
            value={values.capacity}
            error={err('capacity')}
          />
        )}
        <Choices
          ctx={ctx}
          id="forWhom"
          name="forWhom"
          type="radio"
          legend={t('listing.forWhom.legend')}
          options={[
            { value: 'self', label: t('listing.forWhom.self') },
            { value: 'other', label: t('listing.forWhom.other') },
          ]}
          checked={[values.forWhom]}
        />
        <details class="follow-up" open={values.forWhom === 'other' || undefined}>
          <summary>{t('ask.form.behalfDetails')}</summary>
          <p class="hint">{t('ask.form.behalfDetailsHint')}</p>
          <TextField
            ctx={ctx}
            name="onBehalfName"
            label={t('listing.onBehalfName.label')}
            hint={t('listing.onBehalfName.hint', { max: NAME_MAX })}
            value={values.onBehalfName}
            error={err('onBehalfName')}
          />
          <TextField
            ctx={ctx}
            name="onBehalfRelation"
            label={t('listing.onBehalfRelation.label')}
            hint={t('listing.onBehalfRelation.hint')}
            value={values.onBehalfRelation}
            error={err('onBehalfRelation')}
          />
          <Checkbox
            ctx={ctx}
            name="onBehalfConsent"
            label={t('listing.onBehalfConsent.label')}
            checked={values.onBehalfConsent}
            error={err('onBehalfConsent')}
          />
        </details>
        <Checkbox
          ctx={ctx}
          name="charter"
          checked={values.charter}
          error={err('charter')}
          label={
            <>
              {t('listing.charter.label')}{' '}
              <a href="/charte" target="_blank" rel="noopener">
                {t('listing.charter.link')}
              </a>
            </>
          }
        />
        <button type="submit">{editing ? t('listing.save') : t('listing.submit')}</button>
      </form>
    </Layout>
  )
}

/** The first step: ask or offer. A GET form, so the choice is also a link the home page can use. */
export function KindChoicePage({ ctx, errors }: { ctx: ViewContext; errors: FieldError[] }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, t('listing.new.title'), errors)}>
      <h1>{t('listing.new.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action="/annonces/nouvelle">
        <Choices
          ctx={ctx}
          id="type"
          name="type"
          type="radio"
          legend={t('listing.kind.legend')}
          error={errorFor(errors, 'type')}
          options={[
            { value: 'demande', label: `${t('listing.kind.ask')} – ${t('listing.kind.askHint')}` },
            { value: 'proposition', label: `${t('listing.kind.offer')} – ${t('listing.kind.offerHint')}` },
          ]}
          checked={[]}
        />
        <button type="submit">{t('listing.kind.continue')}</button>
      </form>
    </Layout>
  )
}
