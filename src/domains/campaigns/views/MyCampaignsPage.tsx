import type { ViewContext } from '../../../platform/views/context.ts'
import { Confirmation } from '../../../platform/views/fields.tsx'
import { showDay } from '../../../platform/views/format.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { formatCount } from '../campaign.ts'
import type { Batch } from '../maker.repository.ts'
import type { MakerService } from '../maker.service.ts'

export type Participation = Awaited<ReturnType<MakerService['mine']>>[number]

/** « Déclaré », « Reçu : 40 masques », « Refusé : motif » */
export function batchStatusText(ctx: ViewContext, batch: Batch, unit: string): string {
  const { t, locale } = ctx
  if (batch.status === 'confirmed')
    return t('supply.batchStatus.confirmed', {
      amount: `${formatCount(batch.receivedQuantity ?? 0, locale)} ${unit}`,
    })
  if (batch.status === 'refused')
    return t('supply.batchStatus.refused', { reason: batch.refusalReason ?? '' })
  return t('supply.batchStatus.declared')
}

/** « Mes collectes »: one's participations as a maker, each with its batches. */
export function MyCampaignsPage({
  ctx,
  rows,
  notice,
}: {
  ctx: ViewContext
  rows: Participation[]
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  const n = (v: number) => formatCount(v, locale)
  return (
    <Layout ctx={ctx} title={t('supply.mine.title')}>
      {notice && <Confirmation text={notice} />}
      <h1>{t('supply.mine.title')}</h1>
      {rows.length === 0 && (
        <p>
          {t('supply.mine.none')} <a href="/collectes">{t('supply.public.title')}</a>
        </p>
      )}
      {rows.map(({ maker, campaign, onBehalf, batches }) => (
        <section key={maker.id} aria-labelledby={`maker-${maker.id}`}>
          <h2 id={`maker-${maker.id}`}>
            <a href={`/collectes/${campaign.id}`}>{campaign.title}</a>
            {onBehalf && ` – ${onBehalf}`}
          </h2>
          <p>
            {t('supply.mine.capacity', {
              capacity: n(maker.weeklyCapacity),
              stock: n(maker.stockHeld),
              unit: campaign.unit,
            })}{' '}
            {campaign.status === 'open' && (
              <a href={`/collectes/${campaign.id}/fabriquer`}>{t('supply.mine.update')}</a>
            )}
          </p>
          {batches.length === 0 ? (
            <p>{t('supply.mine.noBatches')}</p>
          ) : (
            <table>
              <caption>{t('supply.mine.batchesCaption', { title: campaign.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('supply.make.handedOn')}</th>
                  <th scope="col">{t('supply.make.point')}</th>
                  <th scope="col">{t('supply.mine.quantity')}</th>
                  <th scope="col">{t('supply.mine.status')}</th>
                </tr>
              </thead>
              <tbody>
                {batches.map(({ batch, point }) => (
                  <tr key={batch.id}>
                    <th scope="row">
                      <a href={`/collectes/${campaign.id}/lots/${batch.id}`}>
                        {showDay(batch.handedOn, locale)}
                      </a>
                    </th>
                    <td>{point}</td>
                    <td>{`${n(batch.quantity)} ${campaign.unit}`}</td>
                    <td>{batchStatusText(ctx, batch, campaign.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </Layout>
  )
}

/** One batch, for the maker who recorded it. */
export function BatchPage({
  ctx,
  view,
}: {
  ctx: ViewContext
  view: Awaited<ReturnType<MakerService['batch']>>
}) {
  const { t, locale } = ctx
  const { batch, campaign, point } = view
  const title = t('supply.batch.title', { title: campaign.title })
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <dl>
        <div>
          <dt>{t('supply.mine.quantity')}</dt>
          <dd>{`${formatCount(batch.quantity, locale)} ${campaign.unit}`}</dd>
        </div>
        <div>
          <dt>{t('supply.make.point')}</dt>
          <dd>{point}</dd>
        </div>
        <div>
          <dt>{t('supply.make.handedOn')}</dt>
          <dd>{showDay(batch.handedOn, locale)}</dd>
        </div>
        <div>
          <dt>{t('supply.mine.status')}</dt>
          <dd>{batchStatusText(ctx, batch, campaign.unit)}</dd>
        </div>
      </dl>
      <p>
        <a href="/mes-collectes">{t('supply.mine.title')}</a>
      </p>
    </Layout>
  )
}
