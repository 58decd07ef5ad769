import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ErrorSummary } from '../../../platform/views/ErrorSummary.tsx'
import { Checkbox, Confirmation, CsrfField, errorFor, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { type Callout, STATUS_LABEL } from '../callout.ts'

/**
 * One mass call: what it says and to whom; a draft shows how many people it would reach and asks
 * to confirm the sending; once sent, how far the sending got (sent / reach).
 */
export function CalloutPage({
  ctx,
  callout,
  categories,
  communes,
  errors,
  notice,
}: {
  ctx: ViewContext
  callout: Callout
  categories: string
  communes: string
  errors: FieldError[]
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  const title = t('callout.page.title', { subject: callout.subject })
  const reach = callout.reach
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p>
        <a href="/administration/crise/appels">{t('callout.list.title')}</a>
      </p>
      <h1>{title}</h1>
      {notice && <Confirmation text={notice} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      <dl class="facts">
        <dt>{t('callout.field.categories')}</dt>
        <dd>{categories || t('callout.page.anyCategory')}</dd>
        <dt>{t('callout.field.communes')}</dt>
        <dd>{communes || t('callout.page.wholeTerritory')}</dd>
        <dt>{t('callout.page.status')}</dt>
        <dd>{t(STATUS_LABEL[callout.status])}</dd>
        {callout.status !== 'draft' && (
          <>
            <dt>{t('callout.page.progress')}</dt>
            <dd>{t('callout.page.progressValue', { sent: callout.sent, reach })}</dd>
          </>
        )}
        {callout.sentAt && (
          <>
            <dt>{t('callout.page.sentAt')}</dt>
            <dd>{formatDateTime(callout.sentAt, locale)}</dd>
          </>
        )}
      </dl>
      <h2>{t('callout.page.message')}</h2>
      <div class="quoted">
        <p>
          <strong>{callout.subject}</strong>
        </p>
        <AuthorText text={callout.body} />
      </div>
      {callout.status === 'draft' &&
        (reach === 0 ? (
          <p>{t('callout.page.nobody')}</p>
        ) : (
          <form method="post" action={`/administration/crise/appels/${callout.id}/envoyer`} novalidate>
            <CsrfField ctx={ctx} />
            <p>{t('callout.page.reach', { count: reach })}</p>
            <Checkbox
              ctx={ctx}
              name="confirmer"
              label={t('callout.page.confirm', { count: reach })}
              checked={false}
              error={errorFor(errors, 'confirmer')}
            />
            <button type="submit">{t('callout.page.send', { count: reach })}</button>
          </form>
        ))}
    </Layout>
  )
}
