import { numberFormat } from '../../../platform/i18n/intl.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { showDay } from '../../../platform/views/format.ts'
import { formatCount } from '../campaign.ts'
import type { Campaign } from '../campaign-access.ts'
import { ITEM_LABEL, STATUS_LABEL } from './labels.ts'

export function CampaignStatusTag({
  ctx,
  campaign,
}: {
  ctx: ViewContext
  campaign: Pick<Campaign, 'status'>
}) {
  return <strong class={`tag tag-campaign-${campaign.status}`}>{ctx.t(STATUS_LABEL[campaign.status])}</strong>
}

/**
 * Progress in words first (« 1 200 masques faits sur 5 000 »), then a native progress bar named by
 * those words, so a screen reader hears the same thing.
 */
export function CampaignProgress({
  ctx,
  campaign,
  made,
  id,
}: {
  ctx: ViewContext
  campaign: Campaign
  made: number
  id: string
}) {
  const { t, locale } = ctx
  const words = t('supply.progress.words', {
    made: formatCount(made, locale),
    target: formatCount(campaign.targetQuantity, locale),
    unit: campaign.unit,
    percent: Math.min(100, Math.floor((made * 100) / campaign.targetQuantity)),
  })
  return (
    <div class="campaign-progress">
      <p id={id}>{words}</p>
      <progress
        max={campaign.targetQuantity}
        value={Math.min(made, campaign.targetQuantity)}
        aria-labelledby={id}
      >
        {words}
      </progress>
    </div>
  )
}

/** Item, target and dates, as a description list. */
export function CampaignFacts({ ctx, campaign }: { ctx: ViewContext; campaign: Campaign }) {
  const { t, locale } = ctx
  return (
    <dl class="campaign-facts">
      <div>
        <dt>{t('supply.field.item')}</dt>
        <dd>{t(ITEM_LABEL[campaign.item])}</dd>
      </div>
      <div>
        <dt>{t('supply.field.target')}</dt>
        <dd>{`${formatCount(campaign.targetQuantity, locale)} ${campaign.unit}`}</dd>
      </div>
      <div>
        <dt>{t('supply.field.dates')}</dt>
        <dd>
          {t('supply.dates', {
            start: showDay(campaign.startsOn, locale),
            end: showDay(campaign.endsOn, locale),
          })}
        </dd>
      </div>
    </dl>
  )
}

/** « 1,2 Mo » or « 340 ko » */
export function fileSize(bytes: number, locale: ViewContext['locale']): string {
  const mb = bytes / (1024 * 1024)
  const n = numberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 })
  return mb >= 1
    ? `${n.format(mb)} ${locale === 'fr' ? 'Mo' : 'MB'}`
    : `${n.format(Math.max(1, Math.round(bytes / 1024)))} ${locale === 'fr' ? 'ko' : 'KB'}`
}
