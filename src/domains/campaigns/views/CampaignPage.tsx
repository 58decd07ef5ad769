import type { ViewContext } from '../../../platform/views/context.ts'
import { Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { CampaignLine } from '../campaign.repository.ts'
import type { CampaignViews } from '../campaign-view.service.ts'
import { POINT_ROLE_LABEL } from './labels.ts'
import { CampaignFacts, CampaignProgress, CampaignStatusTag, fileSize } from './parts.tsx'

export type PublicView = Awaited<ReturnType<CampaignViews['publicView']>>

/** The territory's open campaigns. */
export function PublicCampaignsPage({ ctx, campaigns }: { ctx: ViewContext; campaigns: CampaignLine[] }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('supply.public.title')}>
      <h1>{t('supply.public.title')}</h1>
      <p>{t('supply.public.intro')}</p>
      {campaigns.length === 0 ? (
        <p>{t('supply.public.none')}</p>
      ) : (
        <ul class="campaign-list">
          {campaigns.map((c) => (
            <li key={c.id}>
              <h2>
                <a href={`/collectes/${c.id}`}>{c.title}</a>
              </h2>
              <CampaignProgress ctx={ctx} campaign={c} made={c.made} id={`made-${c.id}`} />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}

/** A campaign as everyone sees it: what is made, to what standard, where to bring it and where to ask. */
export function CampaignPage({
  ctx,
  view,
  notice,
}: {
  ctx: ViewContext
  view: PublicView
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  const { campaign, points, attachment } = view
  const open = campaign.status === 'open'
  return (
    <Layout ctx={ctx} title={campaign.title}>
      {notice && <Confirmation text={notice} />}
      <h1>{campaign.title}</h1>
      <p>
        <CampaignStatusTag ctx={ctx} campaign={campaign} />
      </p>
      <CampaignFacts ctx={ctx} campaign={campaign} />
      <CampaignProgress ctx={ctx} campaign={campaign} made={view.made} id="made-words" />
      <p>
        <a href={`/collectes/${campaign.id}/avancement`}>{t('supply.public.progressLink')}</a>
      </p>
      {open && (
        <ul class="campaign-calls">
          <li>
            <a class="button" href={`/collectes/${campaign.id}/fabriquer`}>
              {t('supply.public.make')}
            </a>
          </li>
          <li>
            <a class="button" href={`/collectes/${campaign.id}/demander`}>
              {t('supply.public.ask', { unit: campaign.unit })}
            </a>
          </li>
        </ul>
      )}
      <h2>{t('supply.field.specification')}</h2>
      <p class="specification">{campaign.specification}</p>
      {attachment && (
        <p>
          <a href={`/collectes/${campaign.id}/cahier-des-charges`}>
            {t('supply.public.download', { name: attachment.fileName })}
          </a>{' '}
          ({attachment.mediaType === 'application/pdf' ? 'PDF' : 'WebP'}, {fileSize(attachment.size, locale)})
        </p>
      )}
      <h2>{t('supply.public.points')}</h2>
      {points.length === 0 ? (
        <p>{t('supply.public.noPoints')}</p>
      ) : (
        <ul class="point-list">
          {points.map((p) => (
            <li key={p.id}>
              <h3>{p.name}</h3>
              <p>{t(POINT_ROLE_LABEL[p.role])}</p>
              <p>
                {p.address}, {p.communeName}
              </p>
              <p>{t('supply.public.hours', { hours: p.hours })}</p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}
