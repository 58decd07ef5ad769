import type { ComponentChildren } from 'preact'
import { CommuneInput } from '../../../platform/geo/CommuneField.tsx'
import type { Commune } from '../../../platform/geo/commune.ts'
import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { DateInput } from '../../../platform/views/DateInput.tsx'
import { type DateParts, partsOfIso } from '../../../platform/views/date-parts.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Checkbox, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { AskAnswers } from '../ask-steps.ts'
import { DESCRIPTION_MAX, NAME_MAX, TITLE_MAX } from '../listing.ts'

/** Each page's question: its h1, and the title of the browser's tab. */
export const askQuestions = {
  aide: 'ask.q.aide',
  description: 'ask.q.description',
  commune: 'ask.q.commune',
  quand: 'ask.q.quand',
  date: 'ask.q.date',
  periode: 'ask.q.periode',
  rythme: 'ask.q.rythme',
  urgence: 'ask.q.urgence',
  'pour-qui': 'ask.q.pourQui',
  personne: 'ask.q.personne',
} as const satisfies Record<string, MessageKey>

export interface AskStepProps {
  ctx: ViewContext
  slug: keyof typeof askQuestions
  /** where the form posts */
  action: string
  /** « Retour »: the page before, the check page, or the choice between asking and offering */
  back: string
  fromCheck: boolean
  /** the answers kept, or, after an error, the page as typed */
  values: AskAnswers & Record<string, string | boolean | undefined>
  dates?: Record<string, DateParts> | undefined
  errors: FieldError[]
  categories: { id: string; name: string }[]
  communeChoices: Commune[]
}

/** A radio question whose legend is the page's h1, as GOV.UK does when a page asks one thing. */
function RadioQuestion(props: {
  ctx: ViewContext
  name: string
  question: string
  hint?: string
  error?: string | undefined
  options: { value: string; label: string }[]
  checked: string | undefined
}) {
  const { ctx, name, question, hint, error, options, checked } = props
  const describedBy =
    [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset aria-describedby={describedBy}>
        <legend>
          <h1>{question}</h1>
        </legend>
        {hint && (
          <span id={`${name}-hint`} class="hint">
            {hint}
          </span>
        )}
        {error && (
          <span id={`${name}-error`} class="error-message">
            <span class="visually-hidden">{ctx.t('commune.field.errorPrefix')} </span>
            {error}
          </span>
        )}
        {options.map((o, i) => (
          <label class="choice" key={o.value}>
            <input
              type="radio"
              name={name}
              id={i === 0 ? name : `${name}-${o.value}`}
              value={o.value}
              checked={checked === o.value}
            />
            {o.label}
          </label>
        ))}
      </fieldset>
    </div>
  )
}

/** One question of an ask: « Retour », the question as h1, the errors first, then « Continuer ». */
export function AskStepPage(props: AskStepProps) {
  const { ctx, slug, action, back, fromCheck, errors } = props
  const { t } = ctx
  const question = t(askQuestions[slug])
  const headingIsLegend = ['aide', 'quand', 'date', 'urgence', 'pour-qui'].includes(slug)
  return (
    <Layout
      ctx={ctx}
      title={pageTitle(ctx, question, errors)}
      {...(slug === 'commune' ? { scripts: ['commune-field.js'] } : {})}
    >
      <p class="back-link">
        <a href={back}>{t('ask.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {!headingIsLegend && <h1>{question}</h1>}
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        {fromCheck && <input type="hidden" name="depuis" value="verifier" />}
        <Question {...props} question={question} />
        <button type="submit">{t('ask.continue')}</button>
      </form>
    </Layout>
  )
}

function Question(props: AskStepProps & { question: string }): ComponentChildren {
  const { ctx, slug, values, errors, question } = props
  const { t } = ctx
  const err = (field: string) => errorFor(errors, field)
  const text = (field: string) => String(values[field] ?? '')
  const date = (name: 'whenStart' | 'whenEnd') => props.dates?.[name] ?? partsOfIso(values[name])
  const dateLabels = { day: t('ask.date.day'), month: t('ask.date.month'), year: t('ask.date.year') }
  switch (slug) {
    case 'aide':
      return (
        <RadioQuestion
          ctx={ctx}
          name="categoryId"
          question={question}
          hint={t('listing.category.hint')}
          error={err('categoryId')}
          options={props.categories.map((c) => ({ value: c.id, label: c.name }))}
          checked={values.categoryId}
        />
      )
    case 'description':
      return (
        <>
          <TextField
            ctx={ctx}
            name="title"
            label={t('listing.title.label')}
            hint={t('listing.title.hint', { max: TITLE_MAX })}
            value={text('title')}
            error={err('title')}
          />
          <TextArea
            ctx={ctx}
            name="description"
            label={t('listing.description.label')}
            hint={t('listing.description.hint', { max: DESCRIPTION_MAX })}
            value={text('description')}
            error={err('description')}
          />
        </>
      )
    case 'commune':
      return (
        <CommuneInput
          ctx={ctx}
          label={t('listing.commune.label')}
          hint={t('listing.commune.hint')}
          value={text('commune')}
          error={err('commune')}
          choices={props.communeChoices}
        />
      )
    case 'quand':
      return (
        <RadioQuestion
          ctx={ctx}
          name="whenKind"
          question={question}
          hint={t('listing.when.hint')}
          error={err('whenKind')}
          options={(['date', 'period', 'recurring', 'flexible'] as const).map((v) => ({
            value: v,
            label: t(`listing.when.${v}`),
          }))}
          checked={values.whenKind}
        />
      )
    case 'date':
      return (
        <DateInput
          ctx={ctx}
          name="whenStart"
          legend={question}
          asHeading
          hint={t('ask.date.hint')}
          error={err('whenStart')}
          value={date('whenStart')}
          labels={dateLabels}
        />
      )
    case 'periode':
      return (
        <>
          <DateInput
            ctx={ctx}
            name="whenStart"
            legend={t('ask.period.first')}
            hint={t('ask.date.hint')}
            error={err('whenStart')}
            value={date('whenStart')}
            labels={dateLabels}
          />
          <DateInput
            ctx={ctx}
            name="whenEnd"
            legend={t('ask.period.last')}
            hint={t('ask.date.hintEnd')}
            error={err('whenEnd')}
            value={date('whenEnd')}
            labels={dateLabels}
          />
        </>
      )
    case 'rythme':
      return (
        <TextField
          ctx={ctx}
          name="recurrence"
          label={t('listing.recurrence.label')}
          hint={t('ask.recurrence.hint')}
          value={text('recurrence')}
          error={err('recurrence')}
        />
      )
    case 'urgence':
      return (
        <RadioQuestion
          ctx={ctx}
          name="urgency"
          question={question}
          error={err('urgency')}
          options={(['today', 'week', 'no-rush'] as const).map((v) => ({
            value: v,
            label: t(`listing.urgency.${v}`),
          }))}
          checked={values.urgency}
        />
      )
    case 'pour-qui':
      return (
        <RadioQuestion
          ctx={ctx}
          name="forWhom"
          question={question}
          error={err('forWhom')}
          options={[
            { value: 'self', label: t('listing.forWhom.self') },
            { value: 'other', label: t('listing.forWhom.other') },
          ]}
          checked={values.forWhom}
        />
      )
    case 'personne':
      return (
        <>
          <TextField
            ctx={ctx}
            name="onBehalfName"
            label={t('listing.onBehalfName.label')}
            hint={t('ask.onBehalfName.hint', { max: NAME_MAX })}
            value={text('onBehalfName')}
            error={err('onBehalfName')}
          />
          <TextField
            ctx={ctx}
            name="onBehalfRelation"
            label={t('listing.onBehalfRelation.label')}
            hint={t('listing.onBehalfRelation.hint')}
            value={text('onBehalfRelation')}
            error={err('onBehalfRelation')}
          />
          <Checkbox
            ctx={ctx}
            name="onBehalfConsent"
            label={t('listing.onBehalfConsent.label')}
            checked={
              values.onBehalfConsent === true || (values as Record<string, unknown>).onBehalfConsent === 'oui'
            }
            error={err('onBehalfConsent')}
          />
        </>
      )
  }
}
