import { CommuneInput } from '../../../platform/geo/CommuneField.tsx'
import type { Commune } from '../../../platform/geo/commune.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Choices, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Select, TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { priorities, requesterKinds } from '../campaign.schema.ts'
import type { Campaign } from '../campaign-access.ts'
import type { SupplyPoint } from '../request.repository.ts'
import { PRIORITY_LABEL, REQUESTER_LABEL } from './labels.ts'

export interface RequestFormValues {
  quantity: string
  requesterKind: string
  organisationId: string
  priority: string
  pointId: string
  commune: string
  note: string
}

export const emptyRequestForm: RequestFormValues = {
  quantity: '',
  requesterKind: '',
  organisationId: '',
  priority: '',
  pointId: '',
  commune: '',
  note: '',
}

const PRIORITY_HELP = {
  'front-line': 'demand.form.priority.front-line',
  vulnerable: 'demand.form.priority.vulnerable',
  general: 'demand.form.priority.general',
} as const

/** « Demander du matériel »: how much, for whom, how urgent, where to collect it, and a word for staff. */
export function RequestFormPage({
  ctx,
  campaign,
  points,
  organisations,
  values,
  errors,
  communeChoices,
}: {
  ctx: ViewContext
  campaign: Campaign
  points: SupplyPoint[]
  organisations: { id: string; name: string }[]
  values: RequestFormValues
  errors: FieldError[]
  communeChoices: Commune[]
}) {
  const { t } = ctx
  const title = t('demand.form.title', { title: campaign.title })
  const err = (field: string) => errorFor(errors, field)
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)} scripts={['commune-field.js']}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('demand.form.intro', { unit: campaign.unit })}</p>
      <form method="post" action={`/collectes/${campaign.id}/demander`} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="quantity"
          label={t('demand.form.quantity', { unit: campaign.unit })}
          hint={t('demand.form.quantityHint')}
          value={values.quantity}
          error={err('quantity')}
          spellcheck={false}
        />
        <Choices
          ctx={ctx}
          id="requesterKind"
          name="requesterKind"
          type="radio"
          legend={t('demand.form.kind')}
          error={err('requesterKind')}
          options={requesterKinds.map((k) => ({ value: k, label: t(REQUESTER_LABEL[k]) }))}
          checked={[values.requesterKind]}
        />
        {organisations.length > 0 && (
          <Select
            ctx={ctx}
            name="organisationId"
            label={t('demand.form.organisation')}
            hint={t('demand.form.organisationHint')}
            placeholder={t('demand.form.ownName')}
            value={values.organisationId}
            error={err('organisationId')}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        )}
        <Choices
          ctx={ctx}
          id="priority"
          name="priority"
          type="radio"
          legend={t('demand.form.priority')}
          hint={t('demand.form.priorityHint')}
          error={err('priority')}
          options={priorities.map((p) => ({
            value: p,
            label: `${t(PRIORITY_LABEL[p])} – ${t(PRIORITY_HELP[p])}`,
          }))}
          checked={[values.priority]}
        />
        <Choices
          ctx={ctx}
          id="pointId"
          name="pointId"
          type="radio"
          legend={t('demand.form.point')}
          error={err('pointId')}
          options={points.map((p) => ({ value: p.id, label: `${p.name} – ${p.address} – ${p.hours}` }))}
          checked={[values.pointId]}
        />
        <CommuneInput
          ctx={ctx}
          label={t('demand.form.commune')}
          hint={t('demand.form.communeHint')}
          value={values.commune}
          error={err('commune')}
          choices={communeChoices}
        />
        <TextArea
          ctx={ctx}
          name="note"
          label={t('demand.form.note')}
          hint={t('demand.form.noteHint')}
          value={values.note}
          error={err('note')}
        />
        <button type="submit">{t('demand.form.submit')}</button>
      </form>
    </Layout>
  )
}
