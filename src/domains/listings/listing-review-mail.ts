import type { DbOrTx } from '../../platform/db/client.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { isLocale, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCard } from '../accounts/index.ts'
import type { Listing } from './listing.ts'

/**
 * Tells the author of a held listing what a moderator decided, by mail, in the transaction of
 * the decision: published (with the link), or not published with the reason in plain words (the
 * free-help rule's, unless the moderator gives one). Nobody is told about a relayed ask: its
 * author is the phone line's agent, who sees the decision on the case.
 */
export async function tellAuthorReviewed(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  listing: Pick<Listing, 'id' | 'title' | 'authorId' | 'relayed'>,
  outcome: 'published' | 'rejected',
  reason?: string,
): Promise<void> {
  if (listing.relayed) return
  const author = await accountCard(tx, listing.authorId)
  if (!author || author.status !== 'active') return
  const locale = isLocale(author.locale) ? author.locale : 'fr'
  const base = territoryBaseUrl(services.config, territory)
  const data = { name: author.displayName, title: listing.title }
  await services.mailer.send(
    outcome === 'published'
      ? {
          tx,
          territory,
          to: author.email,
          locale,
          template: 'listing-review-published',
          data: { ...data, link: `${base}/annonces/${listing.id}` },
        }
      : {
          tx,
          territory,
          to: author.email,
          locale,
          template: 'listing-review-rejected',
          data: {
            ...data,
            reason: reason ?? translator(locale)('listingReview.mail.rejected.reason'),
            link: `${base}/mes-annonces`,
          },
        },
  )
}
