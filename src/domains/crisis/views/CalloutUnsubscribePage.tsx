import type { ViewContext } from '../../../platform/views/context.ts'
import { Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'

/**
 * What the unsubscribe link of a mass call opens: a button, so a mail scanner following the link
 * changes nothing; the POST does it, as does a mail client's RFC 8058 one-click POST. No sign-in
 * and no CSRF field: the signed token is the authority.
 */
export function CalloutUnsubscribePage({
  ctx,
  token,
  valid,
  done,
}: {
  ctx: ViewContext
  token: string
  valid: boolean
  done: boolean
}) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('callout.unsubscribe.title')}>
      <h1>{t('callout.unsubscribe.title')}</h1>
      {!valid ? (
        <p>{t('callout.unsubscribe.invalid')}</p>
      ) : done ? (
        <Confirmation text={t('callout.unsubscribe.done')} />
      ) : (
        <>
          <p>{t('callout.unsubscribe.intro')}</p>
          <form method="post" action={`/appels-benevoles/desabonnement?jeton=${encodeURIComponent(token)}`}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">{t('callout.unsubscribe.button')}</button>
          </form>
        </>
      )}
    </Layout>
  )
}
