import { localised, type Territory } from '../tenancy/territory.ts'
import type { ViewContext } from '../views/context.ts'
import { Layout } from '../views/Layout.tsx'
import { PhoneLink } from '../views/PhoneLink.tsx'

/**
 * What the service worker shows when a page cannot be reached: said plainly, with what still
 * works offline and, for someone who cannot wait, the territory's phone line. Rendered for a
 * visitor (the worker fetches it without cookies), so it holds nothing of anyone's account.
 */
export function OfflinePage({ ctx, territory }: { ctx: ViewContext; territory: Territory }) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={t('offline.title')}>
      <h1>{t('offline.title')}</h1>
      <p class="lead">{t('offline.lead')}</p>
      <h2>{t('offline.canDo')}</h2>
      <ul>
        <li>{t('offline.retry')}</li>
        <li>
          {t('offline.ownPages')}
          <ul>
            <li>
              <a href="/mes-annonces">{t('offline.myListings')}</a>
            </li>
            <li>
              <a href="/mises-en-relation">{t('offline.myMatches')}</a>
            </li>
          </ul>
        </li>
        {territory.helplinePhone && (
          <li>
            {t('offline.phone')} <PhoneLink e164={territory.helplinePhone} />.
            {territory.helplineHours && (
              <> {t('offline.hours', { hours: localised(territory.helplineHours, locale) })}</>
            )}
          </li>
        )}
      </ul>
      <p>
        <a href="/">{t('offline.home')}</a>
      </p>
    </Layout>
  )
}
