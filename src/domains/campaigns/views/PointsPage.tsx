import { CommuneField } from '../../../platform/geo/CommuneField.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  Choices,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { pointRoles } from '../campaign.schema.ts'
import type { PointInput } from '../campaign.ts'
import type { Campaign } from '../campaign-access.ts'
import type { NamedPoint } from '../campaign-view.service.ts'
import { POINT_ROLE_LABEL } from './labels.ts'

export const emptyPoint: PointInput = { name: '', role: 'both', commune: '', address: '', hours: '' }

export const valuesOfPoint = (p: NamedPoint): PointInput => ({
  name: p.name,
  role: p.role,
  commune: p.communeName,
  address: p.address,
  hours: p.hours,
})

interface Props {
  ctx: ViewContext
  campaign: Campaign
  points: NamedPoint[]
  values: PointInput
  errors: FieldError[]
  /** the point whose form is shown; the form adds a point otherwise */
  editing?: NamedPoint
  notice?: string | undefined
}

/** The campaign's points, and the form that adds one or changes one. */
export function PointsPage({ ctx, campaign, points, values, errors, editing, notice }: Props) {
  const { t } = ctx
  const base = `/collectes/${campaign.id}/gestion/points`
  const title = editing
    ? t('supply.point.editTitle', { name: editing.name })
    : t('supply.point.title', { title: campaign.title })
  const e = (f: string) => errorFor(errors, f)
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {!editing && (
        <>
          <h2>{t('supply.point.list')}</h2>
          {points.length === 0 ? (
            <p>{t('supply.manage.noPoints')}</p>
          ) : (
            <ul class="point-list">
              {points.map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong> – {t(POINT_ROLE_LABEL[p.role])} – {p.communeName}, {p.address} –{' '}
                  {p.hours}{' '}
                  <a href={`${base}/${p.id}`}>
                    {t('supply.point.edit')}
                    <span class="visually-hidden"> {p.name}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h2>{editing ? t('supply.point.editHeading') : t('supply.point.add')}</h2>
      <form method="post" action={editing ? `${base}/${editing.id}` : base} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="name"
          label={t('supply.point.name')}
          value={values.name}
          error={e('name')}
        />
        <Choices
          ctx={ctx}
          id="role"
          name="role"
          type="radio"
          legend={t('supply.point.role')}
          options={pointRoles.map((r) => ({ value: r, label: t(POINT_ROLE_LABEL[r]) }))}
          checked={[values.role]}
          {...(e('role') ? { error: e('role')! } : {})}
        />
        <CommuneField
          ctx={ctx}
          name="commune"
          id="commune"
          label={t('supply.point.commune')}
          hint={t('supply.point.communeHint')}
          value={values.commune}
          {...(e('commune') ? { error: e('commune')! } : {})}
        />
        <TextField
          ctx={ctx}
          name="address"
          label={t('supply.point.address')}
          value={values.address}
          error={e('address')}
        />
        <TextField
          ctx={ctx}
          name="hours"
          label={t('supply.point.hours')}
          hint={t('supply.point.hoursHint')}
          value={values.hours}
          error={e('hours')}
        />
        <button type="submit">{editing ? t('supply.point.save') : t('supply.point.addSubmit')}</button>
      </form>
      <p>
        <a href={editing ? base : `/collectes/${campaign.id}/gestion`}>
          {editing ? t('supply.point.back') : t('supply.manage.back')}
        </a>
      </p>
    </Layout>
  )
}
