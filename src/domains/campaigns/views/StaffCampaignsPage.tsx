import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { ScrollRegion } from '../../../platform/views/ScrollRegion.tsx'
import type { CampaignLine } from '../campaign.repository.ts'
import { formatCount } from '../campaign.ts'
import { ITEM_LABEL, STATUS_LABEL } from './labels.ts'

/** The administration's campaigns: status, item, target and made so far, and the way to open one. */
export function StaffCampaignsPage({ ctx, campaigns }: { ctx: ViewContext; campaigns: CampaignLine[] }) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={t('supply.admin.title')}>
      <h1>{t('supply.admin.title')}</h1>
      <p>
        <a href="/administration/collectes/nouvelle" class="button">
          {t('supply.admin.new')}
        </a>
      </p>
      {campaigns.length === 0 ? (
        <p>{t('supply.admin.none')}</p>
      ) : (
        <ScrollRegion label={t('supply.admin.caption')}>
          <table>
            <caption>{t('supply.admin.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('supply.field.title')}</th>
                <th scope="col">{t('supply.field.status')}</th>
                <th scope="col">{t('supply.field.item')}</th>
                <th scope="col">{t('supply.field.target')}</th>
                <th scope="col">{t('supply.admin.made')}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a href={`/collectes/${c.id}/gestion`}>{c.title}</a>
                  </th>
                  <td>{t(STATUS_LABEL[c.status])}</td>
                  <td>{t(ITEM_LABEL[c.item])}</td>
                  <td>{`${formatCount(c.targetQuantity, locale)} ${c.unit}`}</td>
                  <td>{`${formatCount(c.made, locale)} ${c.unit}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  )
}
