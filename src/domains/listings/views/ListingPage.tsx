import type { ComponentChildren } from 'preact'
import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { localDay } from '../../../platform/views/format.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { formatMonth } from '../../accounts/index.ts'
import type { ListingView } from '../listing.ts'
import { holdReasonText, REVIEW_HOLD } from '../listing-review.ts'
import { StatusTag, whenText } from './parts.tsx'

const urgencyKeys = {
  today: 'listing.urgency.today',
  week: 'listing.urgency.week',
  'no-rush': 'listing.urgency.no-rush',
} as const

/** The actions an author has on a listing, each a POST form (nothing changes on GET). */
export function AuthorActions({ ctx, listing }: { ctx: ViewContext; listing: ListingView }) {
  const { t } = ctx
  const actions = listing.actions ?? []
  const base = `/mes-annonces/${listing.id}`
  return (
    <div class="actions">
      {actions.includes('edit') && (
        <a href={`${base}/modifier`}>
          {t('listing.action.edit')}
          <span class="visually-hidden"> {listing.title}</span>
        </a>
      )}
      {actions.includes('renew') && (
        <ActionButton
          ctx={ctx}
          action={`${base}/renouveler`}
          label={t('listing.action.renew')}
          which={listing.title}
        />
      )}
      {actions.includes('fulfilled') && (
        <ActionButton
          ctx={ctx}
          action={`${base}/pourvue`}
          label={t('listing.action.fulfilled')}
          which={listing.title}
        />
      )}
      {actions.includes('close') && (
        <ActionButton
          ctx={ctx}
          action={`${base}/cloturer`}
          label={t('listing.action.close')}
          which={listing.title}
        />
      )}
    </div>
  )
}

/**
 * Why a held listing waits, in plain words, for its author: on the listing's page (a section of
 * its own) and under each held listing of « mes annonces » (one level down, an id per listing).
 */
export function HeldNotice({
  ctx,
  reasons,
  id = 'held-title',
  level = 2,
  reviewHours,
}: {
  ctx: ViewContext
  reasons: string[]
  id?: string
  level?: 2 | 3
  /**
   * the median reading time of the last 30 days, in hours (null: no figure to give); when given,
   * the notice says how long it usually takes and that a mail will follow
   */
  reviewHours?: number | null | undefined
}) {
  const { t } = ctx
  const Heading = level === 2 ? 'h2' : 'h3'
  const money = reasons.some((r) => r !== REVIEW_HOLD && r !== 'sanction')
  return (
    <section class="notice" aria-labelledby={id}>
      <Heading id={id}>{t('listing.held.title')}</Heading>
      <p>{t(money ? 'listing.held.intro' : 'listingReview.intro')}</p>
      <ul>
        {reasons.map((r) => (
          <li key={r}>{t(holdReasonText(r))}</li>
        ))}
      </ul>
      {reviewHours !== undefined && (
        <p>
          {reviewHours === null
            ? t('listingReview.wait.unknown')
            : reviewHours <= 1
              ? t('listingReview.wait.hour')
              : t('listingReview.wait.hours', { hours: Math.ceil(reviewHours) })}{' '}
          {t('listingReview.wait.mail')}
        </p>
      )}
    </section>
  )
}

export function ListingPage({
  ctx,
  listing,
  notice,
  matchPart,
  extraGuidance,
  reviewHours,
}: {
  ctx: ViewContext
  listing: ListingView
  notice?: string | undefined
  /** responding, the author's responses and public thanks, from the matches */
  matchPart?: ComponentChildren
  /** a crisis's advice on its categories' listings, shown first while it lasts */
  extraGuidance?: string | null | undefined
  /** for the author of a held listing: how long a reading usually takes (see HeldNotice) */
  reviewHours?: number | null | undefined
}) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={listing.title}>
      {notice && <Confirmation text={notice} />}
      <p class="kind">{t(listing.kind === 'ask' ? 'listing.kindLabel.ask' : 'listing.kindLabel.offer')}</p>
      <h1>{listing.title}</h1>
      <StatusTag ctx={ctx} status={listing.status} />
      {listing.own && listing.status === 'held' && (
        <HeldNotice ctx={ctx} reasons={listing.holdReasons ?? []} reviewHours={reviewHours} />
      )}
      <AuthorText text={listing.description} />
      <ul class="facts">
        <li>{t('listing.page.category', { name: listing.category.name })}</li>
        <li>{whenText(ctx, listing.when)}</li>
        {listing.urgency && (
          <li>{t('listing.page.urgency', { urgency: t(urgencyKeys[listing.urgency]) })}</li>
        )}
        {listing.capacity && <li>{t('listing.page.capacity', { capacity: listing.capacity })}</li>}
        <li>{t('listing.page.commune', { name: listing.commune.name })}</li>
        {listing.distanceKm !== null && (
          <li>{t('listing.page.distance', { km: listing.distanceKm.toLocaleString(locale) })}</li>
        )}
        {listing.onBehalf && <li>{t('listing.page.onBehalf', listing.onBehalf)}</li>}
        <li>
          {listing.relayed
            ? t('listing.page.relayed')
            : t('listing.page.author', {
                name: listing.author.displayName,
                month: listing.author.memberSince ? formatMonth(listing.author.memberSince, locale) : '',
              })}
        </li>
        {listing.expiresAt && (
          <li>{t('listing.page.expires', { date: localDay(new Date(listing.expiresAt), locale) })}</li>
        )}
      </ul>
      {(listing.category.guidance || extraGuidance) && (
        <section aria-labelledby="guidance">
          <h2 id="guidance">{t('listing.page.guidance')}</h2>
          {extraGuidance && <p class="crisis-guidance">{extraGuidance}</p>}
          {listing.category.guidance && <AuthorText text={listing.category.guidance} />}
        </section>
      )}
      {matchPart}
      {listing.own && (
        <>
          <AuthorActions ctx={ctx} listing={listing} />
          <p>
            <a href="/mes-annonces">{t('listing.page.back')}</a>
          </p>
        </>
      )}
    </Layout>
  )
}
