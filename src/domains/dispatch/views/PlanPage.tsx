import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import { numberFormat } from '../../../platform/i18n/intl.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { ScrollRegion } from '../../../platform/views/ScrollRegion.tsx'
import { type MapPair, PairsMap } from './PairsMap.tsx'
import { dispatchPaths } from './paths.ts'

export interface PlanRowView {
  listingId: string
  askTitle: string
  volunteerName: string
  distanceKm: number
  score: number
  why: string
  removed: boolean
}

interface Props {
  ctx: ViewContext
  planId: string
  figures: Record<string, number>
  sentAt: Date | null
  rows: PlanRowView[]
  map: MapPair[]
  unplaced: { listingId: string; title: string }[]
  errors: FieldError[]
  notice: string | null
}

/** A bulk dispatch to review: the table, the map, a box per pair to take out, and sending once. */
export function PlanPage({ ctx, planId, figures, sentAt, rows, map, unplaced, errors, notice }: Props) {
  const { t, locale } = ctx
  const title = t('dispatch.plan.title')
  // Scores carry a decimal: « 231,6 » in French, not « 231.6 ».
  const number = numberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB')
  const f = (k: string) => number.format(figures[k] ?? 0)
  const sentCount = rows.filter((r) => !r.removed).length
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p>
        <a href={dispatchPaths.list}>{t('dispatch.suggest.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice && <Confirmation text={notice} />}
      <p>
        {t('dispatch.plan.figures', {
          assigned: f('assigned'),
          asks: f('asks'),
          volunteers: f('volunteers'),
          pairs: f('pairs'),
          total: f('totalScore'),
          greedy: f('greedyScore'),
          ms: f('solverMs'),
        })}
      </p>
      {sentAt && (
        <p class="notice">
          {t('dispatch.plan.sent', { date: formatDateTime(sentAt, locale), count: sentCount })}
        </p>
      )}
      {rows.length === 0 ? (
        <p class="notice">{t('dispatch.plan.empty')}</p>
      ) : (
        <form method="post" action={`${dispatchPaths.plan(planId)}/envoyer`}>
          <CsrfField ctx={ctx} />
          <ScrollRegion label={t('dispatch.plan.table')}>
            <table>
              <caption>{t('dispatch.plan.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dispatch.plan.col.ask')}</th>
                  <th scope="col">{t('dispatch.plan.col.volunteer')}</th>
                  <th scope="col">{t('dispatch.plan.col.distance')}</th>
                  <th scope="col">{t('dispatch.plan.col.score')}</th>
                  <th scope="col">{t('dispatch.plan.col.why')}</th>
                  <th scope="col">{t(sentAt ? 'dispatch.plan.col.review' : 'dispatch.plan.col.remove')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.listingId}>
                    <th scope="row">
                      <a href={dispatchPaths.ask(r.listingId)}>{r.askTitle}</a>
                    </th>
                    <td>{r.volunteerName}</td>
                    <td>{t('dispatch.why.km', { km: r.distanceKm })}</td>
                    <td>{Math.round(r.score)}</td>
                    <td>{r.why}</td>
                    <td>
                      {sentAt ? (
                        t(r.removed ? 'dispatch.plan.pair.removed' : 'dispatch.plan.pair.kept')
                      ) : (
                        <>
                          <input
                            type="checkbox"
                            name="remove"
                            value={r.listingId}
                            id={`remove-${r.listingId}`}
                            checked={r.removed}
                          />
                          <label for={`remove-${r.listingId}`} class="visually-hidden">
                            {t('dispatch.plan.remove', { ask: r.askTitle, volunteer: r.volunteerName })}
                          </label>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <PairsMap ctx={ctx} pairs={map} />
          {!sentAt && <button type="submit">{t('dispatch.plan.send')}</button>}
        </form>
      )}
      <h2>{t('dispatch.plan.unplaced')}</h2>
      {unplaced.length === 0 ? (
        <p>{t('dispatch.plan.unplacedNone')}</p>
      ) : (
        <ul>
          {unplaced.map((u) => (
            <li key={u.listingId}>
              <a href={dispatchPaths.ask(u.listingId)}>{u.title}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}
