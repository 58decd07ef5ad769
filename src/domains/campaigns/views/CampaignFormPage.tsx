import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Choices, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { DateField, Select, TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { campaignItems } from '../campaign.schema.ts'
import { type CampaignInput, SPECIFICATION_MAX, TITLE_MAX } from '../campaign.ts'
import type { Campaign } from '../campaign-access.ts'
import { ITEM_LABEL } from './labels.ts'

export const emptyCampaignForm: CampaignInput = {
  item: '',
  title: '',
  specification: '',
  target: '',
  unit: '',
  startsOn: '',
  endsOn: '',
  organisationId: '',
  status: 'draft',
}

export const valuesOfCampaign = (c: Campaign): CampaignInput => ({
  item: c.item,
  title: c.title,
  specification: c.specification,
  target: String(c.targetQuantity),
  unit: c.unit,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  organisationId: c.organisationId ?? '',
  status: c.status,
})

interface Props {
  ctx: ViewContext
  values: CampaignInput
  errors: FieldError[]
  /** the territory's verified organisations; null when the viewer may not change the delegation */
  organisations: { id: string; name: string }[] | null
  /** the campaign being edited; a new one otherwise */
  editing?: Campaign
}

/** Opening a campaign (staff) or editing one (those who run it). */
export function CampaignFormPage({ ctx, values, errors, organisations, editing }: Props) {
  const { t } = ctx
  const title = editing ? t('supply.edit.title', { title: editing.title }) : t('supply.new.title')
  const action = editing ? `/collectes/${editing.id}/gestion/modifier` : '/administration/collectes/nouvelle'
  const e = (f: string) => errorFor(errors, f)
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          ctx={ctx}
          name="item"
          label={t('supply.field.item')}
          value={values.item}
          placeholder={t('supply.field.itemPlaceholder')}
          options={campaignItems.map((i) => ({ value: i, label: t(ITEM_LABEL[i]) }))}
          error={e('item')}
        />
        <TextField
          ctx={ctx}
          name="title"
          label={t('supply.field.title')}
          hint={t('supply.field.titleHint', { max: TITLE_MAX })}
          value={values.title}
          error={e('title')}
        />
        <TextArea
          ctx={ctx}
          name="specification"
          label={t('supply.field.specification')}
          hint={t('supply.field.specificationHint', { max: SPECIFICATION_MAX })}
          value={values.specification}
          error={e('specification')}
        />
        <TextField
          ctx={ctx}
          name="target"
          label={t('supply.field.target')}
          hint={t('supply.field.targetHint')}
          value={values.target}
          error={e('target')}
        />
        <TextField
          ctx={ctx}
          name="unit"
          label={t('supply.field.unit')}
          hint={t('supply.field.unitHint')}
          value={values.unit}
          error={e('unit')}
        />
        <DateField
          ctx={ctx}
          name="startsOn"
          label={t('supply.field.startsOn')}
          hint={t('supply.field.dateHint')}
          value={values.startsOn}
          error={e('startsOn')}
        />
        <DateField
          ctx={ctx}
          name="endsOn"
          label={t('supply.field.endsOn')}
          hint={t('supply.field.dateHint')}
          value={values.endsOn}
          error={e('endsOn')}
        />
        {organisations && (
          <Select
            ctx={ctx}
            name="organisationId"
            label={t('supply.field.delegate')}
            hint={t('supply.field.delegateHint')}
            value={values.organisationId}
            placeholder={t('supply.field.delegateNone')}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            error={e('organisationId')}
          />
        )}
        {!editing && (
          <Choices
            ctx={ctx}
            id="status"
            name="status"
            type="radio"
            legend={t('supply.field.status')}
            options={[
              { value: 'draft', label: t('supply.field.statusDraft') },
              { value: 'open', label: t('supply.field.statusOpen') },
            ]}
            checked={[values.status]}
            {...(e('status') ? { error: e('status')! } : {})}
          />
        )}
        <button type="submit">{editing ? t('supply.edit.submit') : t('supply.new.submit')}</button>
      </form>
      {editing && (
        <p>
          <a href={`/collectes/${editing.id}/gestion`}>{t('supply.manage.back')}</a>
        </p>
      )}
    </Layout>
  )
}
