import type { ViewContext } from '../../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'
import { describeSavedSearch, type SavedSearchView } from '../../saved-search.service.ts'

const frequencyKeys = { immediate: 'alerts.frequency.immediate', daily: 'alerts.frequency.daily' } as const

/** « Mes alertes »: each saved search, how often it writes, a link to its listings and a delete button. */
export function AlertsPage({
  ctx,
  alerts,
  notice,
}: {
  ctx: ViewContext
  alerts: SavedSearchView[]
  notice: 'created' | 'deleted' | null
}) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('alerts.title')}>
      <h1>{t('alerts.title')}</h1>
      {notice === 'created' && <Confirmation text={t('alerts.created')} />}
      {notice === 'deleted' && <Confirmation text={t('alerts.deleted')} />}
      <p>{t('alerts.intro')}</p>
      {alerts.length === 0 ? (
        <p>{t('alerts.none')}</p>
      ) : (
        <ul class="alerts">
          {alerts.map((a) => {
            const summary = describeSavedSearch(a, t)
            return (
              <li key={a.id}>
                <p>
                  {summary} ({t(frequencyKeys[a.frequency])})
                </p>
                <a href={a.href}>{t('alerts.open')}</a>{' '}
                <ActionButton
                  ctx={ctx}
                  action={`/compte/alertes/${a.id}/supprimer`}
                  label={t('alerts.delete')}
                  which={summary}
                />
              </li>
            )
          })}
        </ul>
      )}
    </Layout>
  )
}

/**
 * The page the unsubscribe link of a mail opens: a button, so that a mail scanner following the
 * link stops nothing; the POST does it, and so does a mail client's RFC 8058 one-click POST.
 */
export function UnsubscribePage({
  ctx,
  token,
  alert,
  done,
}: {
  ctx: ViewContext
  token: string
  alert: SavedSearchView | null
  done: boolean
}) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('alerts.unsubscribe.title')}>
      <h1>{t('alerts.unsubscribe.title')}</h1>
      {done ? (
        <Confirmation text={t('alerts.unsubscribe.done')} />
      ) : alert ? (
        <>
          <p>{t('alerts.unsubscribe.intro', { summary: describeSavedSearch(alert, t) })}</p>
          <form method="post" action={`/alertes/desabonnement?jeton=${encodeURIComponent(token)}`}>
            <button type="submit">{t('alerts.unsubscribe.button')}</button>
          </form>
        </>
      ) : (
        <p>{t('alerts.unsubscribe.invalid')}</p>
      )}
    </Layout>
  )
}
