import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { ListingView } from '../listing.ts'
import { AuthorActions } from './ListingPage.tsx'
import { StatusTag } from './parts.tsx'

/** « Mes annonces »: every listing of the person, its status and what they can do with it. */
export function MyListingsPage({
  ctx,
  listings,
  notice,
}: {
  ctx: ViewContext
  listings: ListingView[]
  notice?: string
}) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('listing.mine.title')}>
      {notice && <Confirmation text={notice} />}
      <h1>{t('listing.mine.title')}</h1>
      <p>
        <a href="/annonces/nouvelle">{t('listing.mine.new')}</a>
      </p>
      {listings.length === 0 && <p>{t('listing.mine.empty')}</p>}
      <ul class="listing-list">
        {listings.map((l) => (
          <li key={l.id} id={`annonce-${l.id}`}>
            <h2>
              <a href={`/annonces/${l.id}`}>{l.title}</a>
            </h2>
            <StatusTag ctx={ctx} status={l.status} />
            <AuthorActions ctx={ctx} listing={l} />
          </li>
        ))}
      </ul>
    </Layout>
  )
}

/** The page the reminder mail links to: one button, since renewing changes something. */
export function RenewPage({ ctx, listing }: { ctx: ViewContext; listing: ListingView }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('listing.renew.title')}>
      <h1>{t('listing.renew.title')}</h1>
      <p>{t('listing.renew.intro', { title: listing.title })}</p>
      <ActionButton
        ctx={ctx}
        action={`/mes-annonces/${listing.id}/renouveler`}
        label={t('listing.action.renew')}
      />
    </Layout>
  )
}
