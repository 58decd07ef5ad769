import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { ListingView } from '../listing.ts'
import { AuthorActions, HeldNotice } from './ListingPage.tsx'
import { StatusTag } from './parts.tsx'

/** « Mes annonces »: every listing of the person, its status and what they can do with it. */
export function MyListingsPage({
  ctx,
  listings,
  notice,
  responses = new Map(),
}: {
  ctx: ViewContext
  listings: ListingView[]
  notice?: string
  /** per listing: how many responses it has and how many wait for a decision */
  responses?: Map<string, { total: number; pending: number }>
}) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('listing.mine.title')}>
      {notice && <Confirmation text={notice} />}
      <h1>{t('listing.mine.title')}</h1>
      <p>
        <a href="/annonces/nouvelle">{t('listing.mine.new')}</a>
      </p>
      <p>
        <a href="/mises-en-relation">{t('match.mine.title')}</a>
      </p>
      {listings.length === 0 && <p>{t('listing.mine.empty')}</p>}
      <ul class="listing-list">
        {listings.map((l) => (
          <li key={l.id} id={`annonce-${l.id}`}>
            <h2>
              <a href={`/annonces/${l.id}`}>{l.title}</a>
            </h2>
            <StatusTag ctx={ctx} status={l.status} />
            {l.status === 'held' && (
              <HeldNotice ctx={ctx} reasons={l.holdReasons ?? []} id={`held-${l.id}`} level={3} />
            )}
            <p>
              <a href={`/annonces/${l.id}#reponses`}>
                {t('match.listings.responses', { count: responses.get(l.id)?.total ?? 0 })}
                <span class="visually-hidden"> {l.title}</span>
              </a>
              {(responses.get(l.id)?.pending ?? 0) > 0 &&
                ` ${t('match.listings.pending', { count: responses.get(l.id)?.pending ?? 0 })}`}
            </p>
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
