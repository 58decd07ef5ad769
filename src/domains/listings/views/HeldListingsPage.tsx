import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { ListingView } from '../listing.ts'
import { holdReasonText } from '../listing-review.ts'

/** Until the moderation tools arrive: held listings, full text, publish or reject. */
export function HeldListingsPage({
  ctx,
  listings,
  notice,
}: {
  ctx: ViewContext
  listings: ListingView[]
  notice?: string
}) {
  const { t } = ctx
  const base = '/administration/annonces-retenues'
  return (
    <Layout ctx={ctx} title={t('listing.moderation.title')}>
      {notice && <Confirmation text={notice} />}
      <h1>{t('listing.moderation.title')}</h1>
      <p>{t('listing.moderation.intro')}</p>
      {listings.length === 0 && <p>{t('listing.moderation.empty')}</p>}
      {listings.map((l) => (
        <article key={l.id} aria-labelledby={`held-${l.id}`}>
          <h2 id={`held-${l.id}`}>{l.title}</h2>
          <AuthorText text={l.description} />
          <p>
            {t('listing.moderation.reasons', {
              reasons: (l.holdReasons ?? []).map((r) => t(holdReasonText(r))).join(', '),
            })}
          </p>
          <ActionButton
            ctx={ctx}
            action={`${base}/${l.id}/publier`}
            label={t('listing.moderation.publish')}
            which={l.title}
          />
          <ActionButton
            ctx={ctx}
            action={`${base}/${l.id}/rejeter`}
            label={t('listing.moderation.reject')}
            which={l.title}
          />
        </article>
      ))}
    </Layout>
  )
}
