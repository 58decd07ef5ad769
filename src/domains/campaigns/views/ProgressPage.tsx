import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { formatCount } from '../campaign.ts'
import type { CampaignViews } from '../campaign-view.service.ts'
import { CampaignProgress } from './parts.tsx'

export type ProgressView = Awaited<ReturnType<CampaignViews['progress']>>

/** Made, distributed and requests open, in all and per commune: counts only, no one named. */
export function ProgressPage({ ctx, view }: { ctx: ViewContext; view: ProgressView }) {
  const { t, locale } = ctx
  const { campaign, totals, communes } = view
  const n = (v: number) => formatCount(v, locale)
  const title = t('supply.progress.title', { title: campaign.title })
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <CampaignProgress ctx={ctx} campaign={campaign} made={totals.made} id="made-words" />
      <table>
        <caption>{t('supply.progress.totalsCaption')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('supply.progress.made')}</th>
            <td>{`${n(totals.made)} ${campaign.unit}`}</td>
          </tr>
          <tr>
            <th scope="row">{t('supply.progress.distributed')}</th>
            <td>{`${n(totals.distributed)} ${campaign.unit}`}</td>
          </tr>
          <tr>
            <th scope="row">{t('supply.progress.openRequests')}</th>
            <td>{n(totals.openRequests)}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t('supply.progress.byCommune')}</h2>
      {communes.length === 0 ? (
        <p>{t('supply.progress.nothingYet')}</p>
      ) : (
        <table>
          <caption>{t('supply.progress.communeCaption', { unit: campaign.unit })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supply.progress.commune')}</th>
              <th scope="col">{t('supply.progress.made')}</th>
              <th scope="col">{t('supply.progress.distributed')}</th>
              <th scope="col">{t('supply.progress.openRequests')}</th>
            </tr>
          </thead>
          <tbody>
            {communes.map((c) => (
              <tr key={c.communeInsee}>
                <th scope="row">{c.communeName}</th>
                <td>{n(c.made)}</td>
                <td>{n(c.distributed)}</td>
                <td>{n(c.openRequests)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>{t('supply.progress.note')}</p>
      <p>
        <a href={`/collectes/${campaign.id}`}>{t('supply.progress.back')}</a>
      </p>
    </Layout>
  )
}
