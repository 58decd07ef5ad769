import { CommuneInput } from '../../../platform/geo/CommuneField.tsx'
import type { Commune } from '../../../platform/geo/commune.ts'
import { dateTimeFormat } from '../../../platform/i18n/intl.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  Checkbox,
  Choices,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { DateField, Select, TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import {
  ADDRESS_MAX,
  DESCRIPTION_MAX,
  PLACES_MAX,
  SLOT_ROWS,
  SLOTS_MAX,
  type SlotRowInput,
  TITLE_MAX,
  type WeeklyInput,
  WITHDRAW_HOURS_MAX,
} from '../mission.ts'

/** Everything the form shows again after an error, as typed. */
export interface MissionFormValues {
  categoryId: string
  title: string
  description: string
  commune: string
  address: string
  needsVerifiedVolunteer: boolean
  withdrawHours: string
  slotsKind: string
  rows: SlotRowInput[]
  weekly: WeeklyInput
}

const emptyRow: SlotRowInput = { date: '', start: '', end: '', places: '' }
export const emptyMissionForm: MissionFormValues = {
  categoryId: '',
  title: '',
  description: '',
  commune: '',
  address: '',
  needsVerifiedVolunteer: false,
  withdrawHours: '24',
  slotsKind: 'once',
  rows: Array.from({ length: SLOT_ROWS }, () => emptyRow),
  weekly: { weekday: '', start: '', end: '', until: '', places: '' },
}

interface Props {
  ctx: ViewContext
  organisation: { id: string; name: string }
  /** absent for a new mission: its slots are then part of the form */
  editing?: { id: string }
  categories: { id: string; name: string; needsVerifiedVolunteer: boolean }[]
  values: MissionFormValues
  errors: FieldError[]
  communeChoices: Commune[]
}

/** One row of a one-off slot: date, start, end, places; `n` numbers its fields. */
export function SlotRow({
  ctx,
  n,
  row,
  errors,
}: {
  ctx: ViewContext
  n: number
  row: SlotRowInput
  errors: FieldError[]
}) {
  const { t } = ctx
  const err = (field: string) => errorFor(errors, `${field}-${n}`)
  return (
    <fieldset class="slot-row">
      <legend>{t('mission.slot.legend', { n })}</legend>
      <DateField
        ctx={ctx}
        name={`date-${n}`}
        label={t('mission.date.label')}
        value={row.date}
        error={err('date')}
      />
      <TextField
        ctx={ctx}
        name={`start-${n}`}
        label={t('mission.start.label')}
        hint={t('mission.time.hint')}
        value={row.start}
        error={err('start')}
      />
      <TextField
        ctx={ctx}
        name={`end-${n}`}
        label={t('mission.end.label')}
        hint={t('mission.time.hint')}
        value={row.end}
        error={err('end')}
      />
      <TextField
        ctx={ctx}
        name={`places-${n}`}
        label={t('mission.places.label')}
        hint={t('mission.places.hint', { max: PLACES_MAX })}
        value={row.places}
        error={err('places')}
      />
    </fieldset>
  )
}

function SlotsPart({
  ctx,
  values,
  errors,
}: {
  ctx: ViewContext
  values: MissionFormValues
  errors: FieldError[]
}) {
  const { t } = ctx
  const err = (field: string) => errorFor(errors, field)
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    label: dateTimeFormat(ctx.locale === 'fr' ? 'fr-FR' : 'en-GB', {
      weekday: 'long',
      timeZone: 'UTC',
    })
      // 5 January 2026 was a Monday.
      .format(new Date(Date.UTC(2026, 0, 4 + d))),
  }))
  return (
    <>
      <h2>{t('mission.slots.title')}</h2>
      <Choices
        ctx={ctx}
        id="slotsKind"
        name="slotsKind"
        type="radio"
        legend={t('mission.slotsKind.legend')}
        error={err('slotsKind')}
        options={[
          { value: 'once', label: t('mission.slotsKind.once') },
          { value: 'weekly', label: t('mission.slotsKind.weekly') },
        ]}
        checked={[values.slotsKind]}
      />
      <h3>{t('mission.slotsKind.once')}</h3>
      <p class="hint">{t('mission.rows.hint', { rows: SLOT_ROWS })}</p>
      {values.rows.map((row, i) => (
        <SlotRow key={i} ctx={ctx} n={i + 1} row={row} errors={errors} />
      ))}
      <h3>{t('mission.slotsKind.weekly')}</h3>
      <p class="hint">{t('mission.weekly.hint', { max: SLOTS_MAX })}</p>
      <Select
        ctx={ctx}
        name="weekday"
        label={t('mission.weekday.label')}
        placeholder={t('mission.weekday.choose')}
        options={weekdays}
        value={values.weekly.weekday}
        error={err('weekday')}
      />
      <TextField
        ctx={ctx}
        name="weeklyStart"
        label={t('mission.start.label')}
        hint={t('mission.time.hint')}
        value={values.weekly.start}
        error={err('weeklyStart')}
      />
      <TextField
        ctx={ctx}
        name="weeklyEnd"
        label={t('mission.end.label')}
        hint={t('mission.time.hint')}
        value={values.weekly.end}
        error={err('weeklyEnd')}
      />
      <DateField
        ctx={ctx}
        name="weeklyUntil"
        label={t('mission.until.label')}
        value={values.weekly.until}
        error={err('weeklyUntil')}
      />
      <TextField
        ctx={ctx}
        name="weeklyPlaces"
        label={t('mission.places.label')}
        hint={t('mission.places.hint', { max: PLACES_MAX })}
        value={values.weekly.places}
        error={err('weeklyPlaces')}
      />
    </>
  )
}

export function MissionFormPage({
  ctx,
  organisation,
  editing,
  categories,
  values,
  errors,
  communeChoices,
}: Props) {
  const { t } = ctx
  const title = editing ? t('mission.edit.title') : t('mission.new.title')
  const action = editing
    ? `/missions/${editing.id}/modifier`
    : `/organisations/${organisation.id}/missions/nouvelle`
  const err = (field: string) => errorFor(errors, field)
  const verifiedOnly = categories.filter((c) => c.needsVerifiedVolunteer).map((c) => c.name)
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)} scripts={['commune-field.js']}>
      <h1>{title}</h1>
      <p>{t('mission.new.for', { organisation: organisation.name })}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          ctx={ctx}
          name="categoryId"
          label={t('mission.category.label')}
          placeholder={t('mission.category.choose')}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
          value={values.categoryId}
          error={err('categoryId')}
        />
        <TextField
          ctx={ctx}
          name="title"
          label={t('mission.title.label')}
          hint={t('mission.title.hint', { max: TITLE_MAX })}
          value={values.title}
          error={err('title')}
        />
        <TextArea
          ctx={ctx}
          name="description"
          label={t('mission.description.label')}
          hint={t('mission.description.hint', { max: DESCRIPTION_MAX })}
          value={values.description}
          error={err('description')}
        />
        <CommuneInput
          ctx={ctx}
          label={t('mission.commune.label')}
          value={values.commune}
          error={err('commune')}
          choices={communeChoices}
        />
        <TextField
          ctx={ctx}
          name="address"
          label={t('mission.address.label')}
          hint={t('mission.address.hint', { max: ADDRESS_MAX })}
          value={values.address}
          error={err('address')}
        />
        <Checkbox
          ctx={ctx}
          name="needsVerifiedVolunteer"
          label={t('mission.needsVerified.label')}
          checked={values.needsVerifiedVolunteer}
          error={err('needsVerifiedVolunteer')}
        />
        {verifiedOnly.length > 0 && (
          <p class="hint">{t('mission.needsVerified.forced', { categories: verifiedOnly.join(', ') })}</p>
        )}
        <TextField
          ctx={ctx}
          name="withdrawHours"
          label={t('mission.withdrawHours.label')}
          hint={t('mission.withdrawHours.hint', { max: WITHDRAW_HOURS_MAX })}
          value={values.withdrawHours}
          error={err('withdrawHours')}
        />
        {!editing && <SlotsPart ctx={ctx} values={values} errors={errors} />}
        <button type="submit">{editing ? t('mission.save') : t('mission.submit')}</button>
      </form>
    </Layout>
  )
}
