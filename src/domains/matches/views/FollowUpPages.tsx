import type { ViewContext } from '../../../platform/views/context.ts'
import { localDay } from '../../../platform/views/format.ts'
import { Layout } from '../../../platform/views/Layout.tsx'

export interface FollowUpRow {
  listingId: string
  title: string
  communeName: string
  categoryName: string
  authorName: string
  publishedAt: Date | null
  flaggedAt: Date
}

const TIPS = [
  ['followUp.tips.clearer.title', 'followUp.tips.clearer.text'],
  ['followUp.tips.wider.title', 'followUp.tips.wider.text'],
  ['followUp.tips.around.title', 'followUp.tips.around.text'],
] as const

/** Where the « no response yet » notification leads: how to help the ask find someone. */
export function TipsPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx
  const platform = ctx.territory?.platformName ?? ''
  return (
    <Layout ctx={ctx} title={t('followUp.tips.title')}>
      <h1>{t('followUp.tips.title')}</h1>
      <p class="lead">{t('followUp.tips.intro')}</p>
      {TIPS.map(([title, text]) => (
        <section key={title}>
          <h2>{t(title)}</h2>
          <p>{t(text)}</p>
        </section>
      ))}
      <section>
        <h2>{t('followUp.tips.team.title')}</h2>
        <p>{t('followUp.tips.team.text', { email: ctx.territory?.contactEmail ?? '' })}</p>
      </section>
      <p>
        <a href="/mes-annonces" class="button">
          {t('followUp.tips.edit')}
        </a>
      </p>
      <p class="notice">{t('followUp.tips.free', { platform })}</p>
    </Layout>
  )
}

/** Coordinators' list: the asks nobody answered, oldest first, without anyone's contact details. */
export function FollowUpsAdminPage({ ctx, rows }: { ctx: ViewContext; rows: FollowUpRow[] }) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={t('followUp.admin.title')}>
      <p>
        <a href="/administration">{t('admin.back')}</a>
      </p>
      <h1>{t('followUp.admin.title')}</h1>
      <p>{t('followUp.admin.intro')}</p>
      {rows.length === 0 ? (
        <p class="notice">{t('followUp.admin.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('followUp.admin.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('followUp.col.title')}</th>
                <th scope="col">{t('followUp.col.commune')}</th>
                <th scope="col">{t('followUp.col.category')}</th>
                <th scope="col">{t('followUp.col.since')}</th>
                <th scope="col">{t('followUp.col.author')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.listingId}>
                  <th scope="row">
                    <a href={`/annonces/${r.listingId}`}>{r.title}</a>
                  </th>
                  <td>{r.communeName}</td>
                  <td>{r.categoryName}</td>
                  <td>{localDay(r.publishedAt ?? r.flaggedAt, locale)}</td>
                  <td>{r.authorName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  )
}
