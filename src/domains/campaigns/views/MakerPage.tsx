import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { DateField, Select } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { formatCount } from '../campaign.ts'
import type { MakerService } from '../maker.service.ts'

export type MakerForm = Awaited<ReturnType<MakerService['form']>>

export interface MakerValues {
  organisationId: string
  capacity: string
  stock: string
  makerId: string
  quantity: string
  pointId: string
  handedOn: string
}

export const emptyMakerValues: MakerValues = {
  organisationId: '',
  capacity: '',
  stock: '',
  makerId: '',
  quantity: '',
  pointId: '',
  handedOn: '',
}

/** « Je fabrique »: declare (or update) a weekly capacity and the stock held, then record batches. */
export function MakerPage({
  ctx,
  form,
  values,
  errors,
  notice,
}: {
  ctx: ViewContext
  form: MakerForm
  values: MakerValues
  errors: FieldError[]
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  const { campaign, choices, makers, points } = form
  const title = t('supply.make.title', { title: campaign.title })
  const e = (f: string) => errorFor(errors, f)
  const nameOf = (organisationId: string | null) =>
    organisationId ? (choices.find((c) => c.id === organisationId)?.name ?? '') : t('supply.make.myself')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {campaign.status !== 'open' && <p>{t('supply.maker.notOpen')}</p>}
      {makers.length > 0 && (
        <>
          <h2>{t('supply.make.current')}</h2>
          <ul>
            {makers.map((m) => (
              <li key={m.id}>
                {t('supply.make.currentLine', {
                  who: nameOf(m.organisationId),
                  capacity: formatCount(m.weeklyCapacity, locale),
                  stock: formatCount(m.stockHeld, locale),
                  unit: campaign.unit,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('supply.make.capacityHeading')}</h2>
      <form method="post" action={`/collectes/${campaign.id}/fabriquer`} novalidate>
        <CsrfField ctx={ctx} />
        {choices.length > 0 && (
          <Select
            ctx={ctx}
            name="organisationId"
            label={t('supply.make.onBehalf')}
            value={values.organisationId}
            placeholder={t('supply.make.myself')}
            options={choices.map((c) => ({ value: c.id, label: c.name }))}
            error={e('organisationId')}
          />
        )}
        <TextField
          ctx={ctx}
          name="capacity"
          label={t('supply.make.capacity', { unit: campaign.unit })}
          hint={t('supply.make.capacityHint')}
          value={values.capacity}
          error={e('capacity')}
        />
        <TextField
          ctx={ctx}
          name="stock"
          label={t('supply.make.stock', { unit: campaign.unit })}
          hint={t('supply.make.stockHint')}
          value={values.stock}
          error={e('stock')}
        />
        <button type="submit">{t('supply.make.capacitySubmit')}</button>
      </form>
      {makers.length > 0 && (
        <>
          <h2>{t('supply.make.batchHeading')}</h2>
          <form method="post" action={`/collectes/${campaign.id}/lots`} novalidate>
            <CsrfField ctx={ctx} />
            {makers.length > 1 ? (
              <Select
                ctx={ctx}
                name="makerId"
                label={t('supply.make.batchFor')}
                value={values.makerId}
                placeholder={t('supply.make.choose')}
                options={makers.map((m) => ({ value: m.id, label: nameOf(m.organisationId) }))}
                error={e('makerId')}
              />
            ) : (
              <input type="hidden" name="makerId" value={makers[0]!.id} />
            )}
            <TextField
              ctx={ctx}
              name="quantity"
              label={t('supply.make.quantity', { unit: campaign.unit })}
              value={values.quantity}
              error={e('quantity')}
            />
            <Select
              ctx={ctx}
              name="pointId"
              label={t('supply.make.point')}
              hint={t('supply.make.pointHint')}
              value={values.pointId}
              placeholder={t('supply.make.choose')}
              options={points.map((p) => ({ value: p.id, label: `${p.name} – ${p.address} (${p.hours})` }))}
              error={e('pointId')}
            />
            <DateField
              ctx={ctx}
              name="handedOn"
              label={t('supply.make.handedOn')}
              hint={t('supply.field.dateHint')}
              value={values.handedOn}
              error={e('handedOn')}
            />
            <button type="submit">{t('supply.make.batchSubmit')}</button>
          </form>
        </>
      )}
      <p>
        <a href="/mes-collectes">{t('supply.mine.title')}</a>
      </p>
    </Layout>
  )
}
