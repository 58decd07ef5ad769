import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ActionButton, Confirmation, CsrfField, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { PersonRow } from '../../phone/index.ts'
import type { CampaignRow, EntryRow } from '../campaign.repository.ts'
import type { CampaignView } from '../campaign.service.ts'
import { CAMPAIGN_STATUS_LABEL, Figures, OutcomeForms, PersonPhone } from './parts.tsx'

/**
 * A campaign's page, for its callers and coordinators: the figures in words (refreshed in place by
 * a small script when there is one, by reloading otherwise), « Personne suivante », stop and finish.
 */
export function CampaignPage({
  ctx,
  view,
  notice,
}: {
  ctx: ViewContext
  view: CampaignView
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  const { campaign, progress, held } = view
  const running = campaign.status === 'running'
  const base = `/appels-de-convivialite/campagnes/${campaign.id}`
  const open = progress.waiting + progress.toRetry + progress.inProgress
  return (
    <Layout ctx={ctx} title={campaign.title} scripts={['campaign-progress.js']}>
      {notice && <Confirmation text={notice} />}
      <h1>{campaign.title}</h1>
      <p>
        {t(CAMPAIGN_STATUS_LABEL[campaign.status])} –{' '}
        {t('calls.campaign.startedAt', { at: formatDateTime(campaign.startedAt, locale) })}
      </p>
      <h2>{t('calls.campaign.progress')}</h2>
      <Figures ctx={ctx} progress={progress} />
      <p>
        <a href={base}>{t('calls.campaign.refresh')}</a>
      </p>
      {view.caller && running && (
        <section aria-labelledby="next-title">
          <h2 id="next-title">{t('calls.campaign.callTitle')}</h2>
          {held ? (
            <p>
              <a href={`${base}/appels/${held.id}`}>{t('calls.campaign.backToHeld')}</a>
            </p>
          ) : open === 0 ? (
            <p>{t('calls.campaign.allDone')}</p>
          ) : (
            <form method="post" action={`${base}/suivante`}>
              <CsrfField ctx={ctx} />
              <button type="submit" class="button-primary">
                {t('calls.campaign.next')}
              </button>
            </form>
          )}
          {!held && open > 0 && progress.waiting + progress.inProgress === 0 && view.nextRetryAt && (
            <p class="hint">
              {t('calls.campaign.retryLater', { at: formatDateTime(view.nextRetryAt, locale) })}
            </p>
          )}
        </section>
      )}
      {view.coordinator && running && (
        <section aria-labelledby="manage-title">
          <h2 id="manage-title">{t('calls.campaign.manage')}</h2>
          <ActionButton
            ctx={ctx}
            action={`/administration/appels/campagnes/${campaign.id}/terminer`}
            label={t('calls.campaign.finish')}
          />
          <ActionButton
            ctx={ctx}
            action={`/administration/appels/campagnes/${campaign.id}/arret`}
            label={t('calls.campaign.stop')}
          />
        </section>
      )}
    </Layout>
  )
}

/** The person a caller took from the queue: their number (audited) and the four outcomes. */
export function CampaignCallPage({
  ctx,
  campaign,
  entry,
  person,
  errors,
}: {
  ctx: ViewContext
  campaign: CampaignRow
  entry: EntryRow
  person: PersonRow
  errors: FieldError[]
}) {
  const { t, locale } = ctx
  const name = `${person.firstName} ${person.lastName}`
  const base = `/appels-de-convivialite/campagnes/${campaign.id}`
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, t('calls.campaign.callOf', { name }), errors)}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="hint">
        <a href={base}>{campaign.title}</a>
      </p>
      <h1>{t('calls.campaign.callOf', { name })}</h1>
      <PersonPhone ctx={ctx} person={person} />
      <p class="hint">
        {entry.attempts > 0 &&
          t('calls.campaign.attempts', { count: entry.attempts, max: campaign.maxAttempts })}{' '}
        {entry.leaseUntil && t('calls.campaign.leaseUntil', { at: formatDateTime(entry.leaseUntil, locale) })}
      </p>
      <OutcomeForms ctx={ctx} action={`${base}/appels/${entry.id}`} which={name} />
    </Layout>
  )
}
