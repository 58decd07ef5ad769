import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Select } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { formatCount } from '../campaign.ts'
import type { LedgerService } from '../ledger.service.ts'
import { MOVEMENT_LABEL } from './labels.ts'

export type LedgerView = Awaited<ReturnType<LedgerService['page']>>

export const emptyLedgerValues = {
  lossPointId: '',
  lossQuantity: '',
  lossReason: '',
  correctsId: '',
  correctionQuantity: '',
  correctionReason: '',
}
export type LedgerValues = typeof emptyLedgerValues

const signed = (n: number, locale: ViewContext['locale']) =>
  n > 0 ? `+${formatCount(n, locale)}` : formatCount(n, locale)

/**
 * The stock ledger: every entry newest first, the totals per point (which are the stock), and
 * the two movements written by hand. Nothing here edits or deletes an entry.
 */
export function LedgerPage({
  ctx,
  view,
  values,
  errors,
  notice,
}: {
  ctx: ViewContext
  view: LedgerView
  values: LedgerValues
  errors: FieldError[]
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  const { campaign, points, lines, stock } = view
  const base = `/collectes/${campaign.id}/gestion/registre`
  const pointName = new Map(points.map((p) => [p.id, p.name]))
  const n = (v: number) => formatCount(v, locale)
  const e = (f: string) => errorFor(errors, f)
  const title = t('supply.ledger.title', { title: campaign.title })
  const pointOptions = points.map((p) => ({ value: p.id, label: p.name }))
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('supply.ledger.intro')}</p>
      <p>
        <a href={`${base}.csv`} download>
          {t('supply.ledger.export')}
        </a>
      </p>
      <h2>{t('supply.ledger.totals')}</h2>
      <table>
        <caption>{t('supply.ledger.totalsCaption', { unit: campaign.unit })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supply.point.name')}</th>
            <th scope="col">{t('supply.stock.onHand')}</th>
            <th scope="col">{t('supply.stock.reserved')}</th>
            <th scope="col">{t('supply.stock.available')}</th>
          </tr>
        </thead>
        <tbody>
          {stock.map((s) => (
            <tr key={s.pointId}>
              <th scope="row">{pointName.get(s.pointId)}</th>
              <td>{n(s.onHand)}</td>
              <td>{n(s.reserved)}</td>
              <td>{n(s.available)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('supply.ledger.entries')}</h2>
      <form method="get" action={base} class="filter-form">
        <Select
          ctx={ctx}
          name="point"
          label={t('supply.ledger.filter')}
          value={view.pointId ?? ''}
          placeholder={t('supply.ledger.allPoints')}
          options={pointOptions}
        />
        <button type="submit">{t('supply.ledger.filterSubmit')}</button>
      </form>
      {lines.length === 0 ? (
        <p>{t('supply.ledger.none')}</p>
      ) : (
        <table class="ledger">
          <caption>{t('supply.ledger.entriesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supply.ledger.number')}</th>
              <th scope="col">{t('supply.ledger.date')}</th>
              <th scope="col">{t('supply.point.name')}</th>
              <th scope="col">{t('supply.ledger.movement')}</th>
              <th scope="col">{t('supply.stock.onHand')}</th>
              <th scope="col">{t('supply.stock.reserved')}</th>
              <th scope="col">{t('supply.ledger.who')}</th>
              <th scope="col">{t('supply.ledger.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.id}</th>
                <td>{formatDateTime(l.recordedAt, locale)}</td>
                <td>{pointName.get(l.pointId)}</td>
                <td>
                  {t(MOVEMENT_LABEL[l.movement])}
                  {l.correctsId !== null && ` (${t('supply.ledger.corrects', { id: l.correctsId })})`}
                </td>
                <td>{l.onHandDelta === 0 ? '' : signed(l.onHandDelta, locale)}</td>
                <td>{l.reservedDelta === 0 ? '' : signed(l.reservedDelta, locale)}</td>
                <td>{l.who}</td>
                <td>{l.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.next !== null && (
        <p>
          <a href={`${base}?${view.pointId ? `point=${view.pointId}&` : ''}avant=${view.next}`}>
            {t('supply.ledger.older')}
          </a>
        </p>
      )}

      <h2>{t('supply.ledger.lossHeading')}</h2>
      <form method="post" action={`${base}/perte`} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          ctx={ctx}
          name="lossPointId"
          label={t('supply.ledger.point')}
          value={values.lossPointId}
          placeholder={t('supply.make.choose')}
          options={pointOptions}
          error={e('lossPointId')}
        />
        <TextField
          ctx={ctx}
          name="lossQuantity"
          label={t('supply.ledger.lossQuantity', { unit: campaign.unit })}
          value={values.lossQuantity}
          error={e('lossQuantity')}
        />
        <TextField
          ctx={ctx}
          name="lossReason"
          label={t('supply.ledger.lossReason')}
          value={values.lossReason}
          error={e('lossReason')}
        />
        <button type="submit">{t('supply.ledger.lossSubmit')}</button>
      </form>

      <h2>{t('supply.ledger.correctionHeading')}</h2>
      <p>{t('supply.ledger.correctionIntro')}</p>
      <form method="post" action={`${base}/correction`} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="correctsId"
          label={t('supply.ledger.correctsId')}
          hint={t('supply.ledger.correctsIdHint')}
          value={values.correctsId}
          error={e('correctsId')}
        />
        <TextField
          ctx={ctx}
          name="correctionQuantity"
          label={t('supply.ledger.correctionQuantity')}
          hint={t('supply.ledger.correctionQuantityHint')}
          value={values.correctionQuantity}
          error={e('correctionQuantity')}
        />
        <TextField
          ctx={ctx}
          name="correctionReason"
          label={t('supply.ledger.correctionReason')}
          value={values.correctionReason}
          error={e('correctionReason')}
        />
        <button type="submit">{t('supply.ledger.correctionSubmit')}</button>
      </form>
      <p>
        <a href={`/collectes/${campaign.id}/gestion`}>{t('supply.manage.back')}</a>
      </p>
    </Layout>
  )
}
