import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { NotificationPage } from '../notification.service.ts'

/** Where the profile asks « Être prévenu par courriel ». */
export const PREFERENCES_HREF = '/compte/profil#notify-matches'

/**
 * « Notifications »: newest first, each a sentence (its words escaped by JSX) leading through
 * /notifications/:id/ouvrir, which marks it read. Opening this page marks nothing by itself.
 */
export function NotificationsPage({
  ctx,
  list,
  olderPage,
  notice,
  problem,
}: {
  ctx: ViewContext
  list: NotificationPage
  /** true past the first page */
  olderPage: boolean
  notice?: string | undefined
  /** why the page asked for is not shown (a broken page link) */
  problem?: string
}) {
  const { t } = ctx
  const { items, next, unreadCount } = list
  return (
    <Layout ctx={ctx} title={t('notifications.title')}>
      {notice && <Confirmation text={notice} />}
      {problem && (
        <div class="error-summary" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <h1>{t('notifications.title')}</h1>
      <p>{t('notifications.intro')}</p>
      <p>
        <a href={PREFERENCES_HREF}>{t('notifications.preferences')}</a>
      </p>
      {unreadCount > 0 && (
        <>
          <p>
            {unreadCount === 1
              ? t('notifications.unreadSummary.one')
              : t('notifications.unreadSummary.many', { count: unreadCount > 99 ? '99+' : unreadCount })}
          </p>
          <ActionButton ctx={ctx} action="/notifications/tout-lire" label={t('notifications.markAll')} />
        </>
      )}
      {items.length === 0 && !olderPage && <p>{t('notifications.empty')}</p>}
      {items.length > 0 && (
        <ul class="listing-list notifications">
          {items.map((n) => (
            <li key={n.id} class={n.read ? 'notification' : 'notification notification-unread'}>
              <p>
                {!n.read && (
                  <>
                    <strong class="tag">{t('notifications.unread')}</strong>{' '}
                  </>
                )}
                <a href={`/notifications/${n.id}/ouvrir`}>{n.read ? n.text : <strong>{n.text}</strong>}</a>
              </p>
              <p class="result-meta">
                <time dateTime={n.createdAt.toISOString()}>{n.age}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {(next || olderPage) && (
        <nav class="pagination" aria-label={t('notifications.pages')}>
          {olderPage && <a href="/notifications">{t('notifications.first')}</a>}
          {next && (
            <a href={`/notifications?avant=${encodeURIComponent(next)}`} rel="next">
              {t('notifications.more')}
            </a>
          )}
        </nav>
      )}
    </Layout>
  )
}
