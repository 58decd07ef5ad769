import { formatDateTime, type MessageKey } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, pageTitle } from '../../../platform/views/fields.tsx'
import { localDay } from '../../../platform/views/format.ts'
import { TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { Listing } from '../../listings/index.ts'
import type { DispatchProposalStatus } from '../dispatch.schema.ts'
import type { ProposalRow } from '../proposal.repository.ts'
import { dispatchPaths } from './paths.ts'

const STATUS_KEY: Record<DispatchProposalStatus, MessageKey> = {
  pending: 'dispatch.status.pending',
  accepted: 'dispatch.status.accepted',
  declined: 'dispatch.status.declined',
  expired: 'dispatch.status.expired',
  taken: 'dispatch.status.taken',
  withdrawn: 'dispatch.status.withdrawn',
}

export const statusKey = (status: DispatchProposalStatus): MessageKey => STATUS_KEY[status]

/** The volunteer's proposals, newest first: the ask's title, where it stands, until when to answer. */
export function MyProposalsPage({
  ctx,
  rows,
}: {
  ctx: ViewContext
  rows: { proposal: ProposalRow; listing: Listing | null }[]
}) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={t('dispatch.mine.title')}>
      <h1>{t('dispatch.mine.title')}</h1>
      <p>{t('dispatch.mine.intro')}</p>
      {rows.length === 0 ? (
        <p class="notice">{t('dispatch.mine.empty')}</p>
      ) : (
        <ul class="proposals">
          {rows.map(({ proposal, listing }) => (
            <li key={proposal.id}>
              <a href={dispatchPaths.one(proposal.id)}>{listing?.title ?? '—'}</a> —{' '}
              {t(statusKey(proposal.status))}
              {proposal.status === 'pending' &&
                ` (${t('dispatch.mine.until', { date: formatDateTime(proposal.expiresAt, locale) })})`}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}

interface OneProps {
  ctx: ViewContext
  proposal: ProposalRow
  listing: Listing
  categoryName: string
  communeName: string
  message: string
  errors: FieldError[]
  notice: string | null
}

/**
 * One proposal: the ask as the listing page tells it, without its author's contact, and never
 * who else received it; « Je peux aider » with an optional word, or « Je ne peux pas ».
 */
export function ProposalPage({
  ctx,
  proposal,
  listing,
  categoryName,
  communeName,
  message,
  errors,
  notice,
}: OneProps) {
  const { t, locale } = ctx
  const title = t('dispatch.one.title', { title: listing.title })
  const open = proposal.status === 'pending' && listing.status === 'published'
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p>
        <a href={dispatchPaths.mine}>{t('dispatch.mine.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice && <Confirmation text={notice} />}
      <p>{t('dispatch.one.intro')}</p>
      <dl class="summary">
        <dt>{t('dispatch.one.category')}</dt>
        <dd>{categoryName}</dd>
        <dt>{t('dispatch.one.where')}</dt>
        <dd>{communeName}</dd>
        {listing.whenStart && (
          <>
            <dt>{t('dispatch.one.when')}</dt>
            {/* An ask names a day, never an hour: the time it is stored at means nothing to the volunteer. */}
            <dd>
              {localDay(listing.whenStart, locale)}
              {listing.whenKind === 'period' && listing.whenEnd && ` – ${localDay(listing.whenEnd, locale)}`}
            </dd>
          </>
        )}
        <dt>{t('dispatch.one.status')}</dt>
        <dd>{t(statusKey(proposal.status))}</dd>
      </dl>
      <p class="listing-description">{listing.description}</p>
      {open && (
        <>
          <form method="post" action={`${dispatchPaths.one(proposal.id)}/accepter`} novalidate>
            <CsrfField ctx={ctx} />
            <TextArea
              ctx={ctx}
              name="message"
              label={t('dispatch.accept.label')}
              hint={t('dispatch.accept.hint')}
              value={message}
              error={errors.find((e) => e.field === 'message')?.message}
            />
            <button type="submit">{t('dispatch.accept.submit')}</button>
          </form>
          <form method="post" action={`${dispatchPaths.one(proposal.id)}/refuser`}>
            <CsrfField ctx={ctx} />
            <button type="submit" class="secondary">
              {t('dispatch.decline.submit')}
            </button>
          </form>
        </>
      )}
    </Layout>
  )
}
