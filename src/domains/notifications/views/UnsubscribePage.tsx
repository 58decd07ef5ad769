import type { ViewContext } from '../../../platform/views/context.ts'
import { Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { PREFERENCES_HREF } from './NotificationsPage.tsx'

/**
 * What the unsubscribe link of a notification mail opens: a button, so that a mail scanner
 * following the link changes nothing; the POST does it, as does a mail client's RFC 8058
 * one-click POST. No sign-in and no CSRF field: the signed token is the authority.
 */
export function UnsubscribePage({
  ctx,
  token,
  typeLabel,
  done,
}: {
  ctx: ViewContext
  token: string
  /** the preference the token names, in words; null when the token is not valid */
  typeLabel: string | null
  done: boolean
}) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('notifications.unsubscribe.title')}>
      <h1>{t('notifications.unsubscribe.title')}</h1>
      {typeLabel === null ? (
        <p>{t('notifications.unsubscribe.invalid')}</p>
      ) : done ? (
        <Confirmation text={t('notifications.unsubscribe.done', { type: typeLabel })} />
      ) : (
        <>
          <p>{t('notifications.unsubscribe.intro', { type: typeLabel })}</p>
          <form method="post" action={`/notifications/desabonnement?jeton=${encodeURIComponent(token)}`}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">{t('notifications.unsubscribe.button')}</button>
          </form>
        </>
      )}
      <p>{t('notifications.unsubscribe.again')}</p>
      <p>
        <a href={PREFERENCES_HREF}>{t('notifications.unsubscribe.profile')}</a>
      </p>
    </Layout>
  )
}
