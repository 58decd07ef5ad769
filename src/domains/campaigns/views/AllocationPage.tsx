import { numberFormat } from '../../../platform/i18n/intl.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  ActionButton,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { DateField } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { ScrollRegion } from '../../../platform/views/ScrollRegion.tsx'
import type { AllocationService } from '../allocation.service.ts'
import { proposalTotals, rowKm } from '../allocation-totals.ts'
import { priorities } from '../campaign.schema.ts'
import { formatCount, formatKm } from '../demand-format.ts'
import { RowSelect } from './DemandsPage.tsx'
import { PRIORITY_LABEL } from './labels.ts'

export type AllocationView = Awaited<ReturnType<AllocationService['view']>>

/** The row whose change was refused, with what was typed. */
export interface FailedAdjustment {
  id: string
  quantity: string
  pointId: string
}

/** « calculée en 42 ms », « en 1,2 s » beyond a second. */
function solverTime(ctx: ViewContext, ms: number): string {
  const fmt = (v: number, digits: number) =>
    numberFormat(ctx.locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits }).format(v)
  return ms < 1000
    ? ctx.t('allocation.solvedIn.ms', { ms: fmt(Math.max(1, Math.round(ms)), 0) })
    : ctx.t('allocation.solvedIn.s', { s: fmt(ms / 1000, 1) })
}

/**
 * The allocation: the solver's latest proposal as a table (the reference, and what works without
 * JavaScript), its totals per priority and per point against stock, a map drawn from the same
 * rows, a form per row to change it, and « Valider et prévenir ».
 */
export function AllocationPage({
  ctx,
  view,
  errors,
  failed,
  collectFrom,
  notice,
  mapTileUrl,
}: {
  ctx: ViewContext
  view: AllocationView
  errors: FieldError[]
  failed?: FailedAdjustment | undefined
  collectFrom: string
  notice?: string | undefined
  mapTileUrl: string | null
}) {
  const { t, locale } = ctx
  const { campaign, proposal, rows, points } = view
  const n = (v: number) => formatCount(v, locale)
  const title = t('allocation.title', { title: campaign.title })
  const base = `/collectes/${campaign.id}/gestion/repartition`
  const draft = proposal?.status === 'draft'
  const totals = proposalTotals(rows, view.stock)
  const showMap = mapTileUrl !== null && rows.length > 0
  return (
    <Layout
      ctx={ctx}
      title={pageTitle(ctx, title, errors)}
      scripts={showMap ? ['allocation-map.js'] : []}
      styles={showMap ? ['leaflet.css'] : []}
    >
      {notice && <Confirmation text={notice} />}
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        <a href={`/collectes/${campaign.id}/gestion`}>{t('demand.staff.back')}</a> ·{' '}
        <a href={`/collectes/${campaign.id}/gestion/demandes`}>{t('allocation.toRequests')}</a>
      </p>
      <p>{t('allocation.intro')}</p>
      <form method="post" action={`${base}/proposer`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('allocation.propose')}</button>
      </form>
      {!proposal && <p>{t('allocation.none')}</p>}
      {proposal && (
        <>
          <h2>
            {t(
              draft
                ? 'allocation.draft'
                : proposal.status === 'applied'
                  ? 'allocation.applied'
                  : 'allocation.discarded',
            )}
          </h2>
          <p>
            {proposal.solverStatus === 'Optimal'
              ? solverTime(ctx, proposal.solverMs)
              : t('allocation.solverFailed', { status: proposal.solverStatus })}
          </p>
          <h3>{t('allocation.byPriority')}</h3>
          <ScrollRegion label={t('allocation.byPriority')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('allocation.col.priority')}</th>
                  <th scope="col">{t('allocation.col.served')}</th>
                </tr>
              </thead>
              <tbody>
                {priorities.map((p) => (
                  <tr key={p}>
                    <th scope="row">{t(PRIORITY_LABEL[p])}</th>
                    <td>{n(totals.byPriority[p])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <h3>{t('allocation.byPoint')}</h3>
          <ScrollRegion label={t('allocation.byPoint')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('allocation.col.point')}</th>
                  <th scope="col">{t('allocation.col.given')}</th>
                  <th scope="col">{t('allocation.col.available')}</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>{n(totals.byPoint.get(p.id) ?? 0)}</td>
                    <td>{n(totals.stock.get(p.id) ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {showMap && (
            <figure class="results-map-figure">
              <div
                id="carte"
                class="results-map"
                data-tiles={mapTileUrl}
                data-label={t('allocation.map.label')}
              />
              <figcaption>{t('allocation.map.caption')}</figcaption>
            </figure>
          )}
          <h3>{t('allocation.rows')}</h3>
          {rows.length === 0 && <p>{t('allocation.empty')}</p>}
          {rows.length > 0 && (
            <ScrollRegion label={t('allocation.rows')}>
              <table class="allocation-rows">
                <thead>
                  <tr>
                    <th scope="col">{t('allocation.col.request')}</th>
                    <th scope="col">{t('allocation.col.priority')}</th>
                    <th scope="col">{t('allocation.col.point')}</th>
                    <th scope="col">{t('allocation.col.quantity')}</th>
                    <th scope="col">{t('allocation.col.distance')}</th>
                    {draft && <th scope="col">{t('allocation.col.change')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const { allocation, request, point } = row
                    const mine = failed?.id === allocation.id ? failed : undefined
                    const which = t('allocation.which', { amount: n(request.quantity), point: point.name })
                    return (
                      <tr
                        key={allocation.id}
                        data-rlat={request.latitude}
                        data-rlon={request.longitude}
                        data-plat={point.latitude}
                        data-plon={point.longitude}
                        data-point={point.name}
                        data-quantity={allocation.quantity}
                      >
                        <td>
                          {t('allocation.requestCell', { amount: `${n(request.quantity)} ${campaign.unit}` })}
                        </td>
                        <td>{t(PRIORITY_LABEL[request.priority])}</td>
                        <td>{point.name}</td>
                        <td>{n(allocation.quantity)}</td>
                        <td>{formatKm(rowKm(row), locale)}</td>
                        {draft && (
                          <td>
                            <form method="post" action={`${base}/lignes/${allocation.id}`} novalidate>
                              <CsrfField ctx={ctx} />
                              <RowSelect
                                ctx={ctx}
                                id={mine ? 'pointId' : `pointId-${allocation.id}`}
                                name="pointId"
                                label={t('allocation.adjust.point')}
                                placeholder={t('allocation.adjust.choose')}
                                value={mine ? mine.pointId : point.id}
                                error={mine ? errorFor(errors, 'pointId') : undefined}
                                options={points.map((p) => ({ value: p.id, label: p.name }))}
                              />
                              <TextField
                                ctx={ctx}
                                name="quantity"
                                id={mine ? 'quantity' : `quantity-${allocation.id}`}
                                label={t('allocation.adjust.quantity')}
                                value={mine ? mine.quantity : String(allocation.quantity)}
                                error={mine ? errorFor(errors, 'quantity') : undefined}
                                spellcheck={false}
                              />
                              <button type="submit">
                                {t('allocation.adjust.submit')}
                                <span class="visually-hidden"> {which}</span>
                              </button>
                            </form>
                            <ActionButton
                              ctx={ctx}
                              action={`${base}/lignes/${allocation.id}/retirer`}
                              label={t('allocation.adjust.remove')}
                              which={which}
                            />
                          </td>
                        )}
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {draft && (
            <>
              <form method="post" action={`${base}/${proposal.id}/appliquer`} novalidate>
                <CsrfField ctx={ctx} />
                <DateField
                  ctx={ctx}
                  name="collectFrom"
                  label={t('allocation.apply.from')}
                  hint={t('allocation.apply.fromHint')}
                  value={collectFrom}
                  error={errorFor(errors, 'collectFrom')}
                />
                <button type="submit">{t('allocation.apply.submit')}</button>
              </form>
              <ActionButton
                ctx={ctx}
                action={`${base}/${proposal.id}/ecarter`}
                label={t('allocation.discard')}
              />
            </>
          )}
        </>
      )}
    </Layout>
  )
}
