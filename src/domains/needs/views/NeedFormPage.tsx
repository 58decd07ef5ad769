import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  ActionButton,
  Checkbox,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { DateField, Select, TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { DESCRIPTION_MAX, type DropPoint, TITLE_MAX } from '../need.ts'

export interface DropPointValues {
  name: string
  commune: string
  address: string
  hours: string
}

/** Everything the form shows again after an error, as typed. */
export interface NeedFormValues {
  title: string
  description: string
  quantity: string
  unit: string
  categoryId: string
  deadline: string
  allowOverPledge: boolean
  drops: DropPointValues[]
}

export const emptyDropPoint: DropPointValues = { name: '', commune: '', address: '', hours: '' }
export const emptyNeedForm: NeedFormValues = {
  title: '',
  description: '',
  quantity: '',
  unit: '',
  categoryId: '',
  deadline: '',
  allowOverPledge: false,
  drops: [emptyDropPoint, emptyDropPoint],
}

/** One drop point's four fields, named drop1Name, drop1Commune… so the error summary can link to each. */
export function DropPointFields({
  ctx,
  n,
  values,
  errors,
  legend,
}: {
  ctx: ViewContext
  n: number
  values: DropPointValues
  errors: FieldError[]
  legend: string
}) {
  const { t } = ctx
  const p = `drop${n}`
  return (
    <fieldset>
      <legend>{legend}</legend>
      <TextField
        ctx={ctx}
        name={`${p}Name`}
        label={t('needs.drop.name')}
        value={values.name}
        error={errorFor(errors, `${p}Name`)}
      />
      <TextField
        ctx={ctx}
        name={`${p}Commune`}
        label={t('needs.drop.commune')}
        value={values.commune}
        error={errorFor(errors, `${p}Commune`)}
      />
      <TextField
        ctx={ctx}
        name={`${p}Address`}
        label={t('needs.drop.address')}
        value={values.address}
        error={errorFor(errors, `${p}Address`)}
      />
      <TextField
        ctx={ctx}
        name={`${p}Hours`}
        label={t('needs.drop.hours')}
        hint={t('needs.drop.hoursHint')}
        value={values.hours}
        error={errorFor(errors, `${p}Hours`)}
      />
    </fieldset>
  )
}

interface Props {
  ctx: ViewContext
  organisation: { id: string; name: string }
  categories: { id: string; name: string }[]
  values: NeedFormValues
  errors: FieldError[]
  /** absent for a new need: then the form carries its drop points */
  editing?: { id: string; dropPoints: (DropPoint & { communeName: string })[]; addValues: DropPointValues }
  notice?: string | undefined
}

export function NeedFormPage({ ctx, organisation, categories, values, errors, editing, notice }: Props) {
  const { t } = ctx
  const title = editing ? t('needs.edit.title') : t('needs.new.title')
  const action = editing
    ? `/besoins/${editing.id}/modifier`
    : `/organisations/${organisation.id}/besoins/nouveau`
  const err = (field: string) => errorFor(errors, field)
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('needs.new.intro', { organisation: organisation.name })}</p>
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="title"
          label={t('needs.field.title')}
          hint={t('needs.field.titleHint', { max: TITLE_MAX })}
          value={values.title}
          error={err('title')}
        />
        <TextArea
          ctx={ctx}
          name="description"
          label={t('needs.field.description')}
          hint={t('needs.field.descriptionHint', { max: DESCRIPTION_MAX })}
          value={values.description}
          error={err('description')}
        />
        <TextField
          ctx={ctx}
          name="quantity"
          label={t('needs.field.quantity')}
          hint={t('needs.field.quantityHint')}
          value={values.quantity}
          error={err('quantity')}
          spellcheck={false}
        />
        <TextField
          ctx={ctx}
          name="unit"
          label={t('needs.field.unit')}
          hint={t('needs.field.unitHint')}
          value={values.unit}
          error={err('unit')}
        />
        <Select
          ctx={ctx}
          name="categoryId"
          label={t('needs.field.category')}
          placeholder={t('needs.field.categoryNone')}
          value={values.categoryId}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
          error={err('categoryId')}
        />
        <DateField
          ctx={ctx}
          name="deadline"
          label={t('needs.field.deadline')}
          hint={t('needs.field.deadlineHint')}
          value={values.deadline}
          error={err('deadline')}
        />
        <Checkbox
          ctx={ctx}
          name="allowOverPledge"
          label={t('needs.field.overPledge')}
          checked={values.allowOverPledge}
        />
        {!editing &&
          values.drops.map((drop, i) => (
            <DropPointFields
              key={String(i)}
              ctx={ctx}
              n={i + 1}
              values={drop}
              errors={errors}
              legend={t(i === 0 ? 'needs.drop.legend' : 'needs.drop.optional', { n: i + 1 })}
            />
          ))}
        <button type="submit">{t(editing ? 'needs.edit.submit' : 'needs.new.submit')}</button>
      </form>
      {editing && (
        <>
          <section aria-labelledby="drop-points">
            <h2 id="drop-points">{t('needs.drop.listTitle')}</h2>
            <ul>
              {editing.dropPoints.map((p) => (
                <li key={p.id}>
                  {p.name}, {p.address}, {p.communeName} ({p.hours})
                  {editing.dropPoints.length > 1 && (
                    <ActionButton
                      ctx={ctx}
                      action={`/besoins/${editing.id}/points-de-depot/${p.id}/retirer`}
                      label={t('needs.drop.remove')}
                      which={p.name}
                    />
                  )}
                </li>
              ))}
            </ul>
            <form method="post" action={`/besoins/${editing.id}/points-de-depot`} novalidate>
              <CsrfField ctx={ctx} />
              <DropPointFields
                ctx={ctx}
                n={1}
                values={editing.addValues}
                errors={errors}
                legend={t('needs.drop.addTitle')}
              />
              <button type="submit">{t('needs.drop.add')}</button>
            </form>
          </section>
          <ActionButton ctx={ctx} action={`/besoins/${editing.id}/clore`} label={t('needs.page.close')} />
        </>
      )}
    </Layout>
  )
}
