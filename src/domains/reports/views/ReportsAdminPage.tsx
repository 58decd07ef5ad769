import { formatDateTime, type Translate } from '../../../platform/i18n/i18n.ts'
import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { type OpenReport, REASON_LABEL } from '../report.ts'

export const REPORTS_PATH = '/administration/signalements'

/** What a report is about, in words: also said after each button, since every report has the same two. */
function about(t: Translate, { target }: OpenReport): string {
  if (target.kind === 'listing')
    return target.title === null
      ? t('report.admin.gone')
      : t('report.admin.heading.listing', { title: target.title })
  if (target.kind === 'message')
    return target.senderName === null
      ? t('report.admin.gone')
      : t('report.admin.heading.message', { name: target.senderName })
  if (target.kind === 'organisation')
    return target.name === null
      ? t('report.admin.gone')
      : t('report.admin.heading.organisation', { name: target.name })
  return target.displayName === null
    ? t('report.admin.gone')
    : t('report.admin.heading.account', { name: target.displayName })
}

/** Until the moderation tools arrive: open reports, newest first, each to mark handled or dismissed. */
export function ReportsAdminPage({
  ctx,
  reports,
  next,
  notice,
}: {
  ctx: ViewContext
  reports: OpenReport[]
  /** where the next, older page starts; null on the last page */
  next: string | null
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={t('report.admin.title')}>
      <p>
        <a href="/administration">{t('admin.back')}</a>
      </p>
      {notice && <Confirmation text={notice} />}
      <h1>{t('report.admin.title')}</h1>
      <p>{t('report.admin.intro')}</p>
      {reports.length === 0 && <p class="notice">{t('report.admin.empty')}</p>}
      {reports.map((report) => {
        const which = `report-${report.id}`
        return (
          <article key={report.id} aria-labelledby={which}>
            <h2 id={which}>
              {report.target.kind === 'listing' && report.target.title !== null ? (
                <a href={`/annonces/${report.target.id}`}>{about(t, report)}</a>
              ) : report.target.kind === 'organisation' && report.target.name !== null ? (
                <a href={`/organisations/${report.target.id}`}>{about(t, report)}</a>
              ) : (
                about(t, report)
              )}
            </h2>
            <dl>
              {report.target.kind === 'message' && report.target.body !== null && (
                <>
                  <dt>{t('report.admin.messageText')}</dt>
                  <dd>
                    <blockquote>
                      <AuthorText text={report.target.body} />
                    </blockquote>
                  </dd>
                </>
              )}
              <dt>{t('report.admin.reason')}</dt>
              <dd>{t(REASON_LABEL[report.reason])}</dd>
              <dt>{t('report.admin.comment')}</dt>
              <dd>{report.comment ? <AuthorText text={report.comment} /> : t('report.admin.noComment')}</dd>
              <dt>{t('report.admin.reporter')}</dt>
              <dd>{report.reporterName}</dd>
              <dt>{t('report.admin.date')}</dt>
              <dd>{formatDateTime(report.createdAt, locale)}</dd>
            </dl>
            <div class="actions">
              <ActionButton
                ctx={ctx}
                action={`${REPORTS_PATH}/${report.id}/traite`}
                label={t('report.admin.handle')}
                which={about(t, report)}
              />
              <ActionButton
                ctx={ctx}
                action={`${REPORTS_PATH}/${report.id}/sans-suite`}
                label={t('report.admin.dismiss')}
                which={about(t, report)}
              />
            </div>
          </article>
        )
      })}
      {next && (
        <nav class="pagination" aria-label={t('report.admin.pages')}>
          <a href={`${REPORTS_PATH}?apres=${next}`}>{t('report.admin.older')}</a>
        </nav>
      )}
    </Layout>
  )
}
