import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { ScrollRegion } from '../../../platform/views/ScrollRegion.tsx'
import { type Callout, STATUS_LABEL } from '../callout.ts'

/** The territory's mass calls for volunteers, newest first, with how far each got. */
export function CalloutsPage({ ctx, callouts }: { ctx: ViewContext; callouts: Callout[] }) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={t('callout.list.title')}>
      <h1>{t('callout.list.title')}</h1>
      <p>{t('callout.list.intro')}</p>
      <p>
        <a href="/administration/crise/appels/nouveau" class="button">
          {t('callout.new.title')}
        </a>
      </p>
      {callouts.length === 0 ? (
        <p>{t('callout.list.none')}</p>
      ) : (
        <ScrollRegion label={t('callout.list.title')}>
          <table>
            <caption class="visually-hidden">{t('callout.list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('callout.field.subject')}</th>
                <th scope="col">{t('callout.page.status')}</th>
                <th scope="col">{t('callout.page.progress')}</th>
                <th scope="col">{t('callout.list.created')}</th>
              </tr>
            </thead>
            <tbody>
              {callouts.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a href={`/administration/crise/appels/${c.id}`}>{c.subject}</a>
                  </th>
                  <td>{t(STATUS_LABEL[c.status])}</td>
                  <td>
                    {c.status === 'draft'
                      ? t('callout.list.wouldReach', { count: c.reach })
                      : t('callout.page.progressValue', { sent: c.sent, reach: c.reach })}
                  </td>
                  <td>{formatDateTime(c.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  )
}
