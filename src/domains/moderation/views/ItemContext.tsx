import { formatDateTime, type MessageKey } from '../../../platform/i18n/i18n.ts'
import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { localDay } from '../../../platform/views/format.ts'
import { ScrollRegion } from '../../../platform/views/ScrollRegion.tsx'
import type { ListingStatus } from '../../listings/index.ts'
import type { HeldContent, ItemContext, PersonRecord } from '../context.service.ts'
import type { ReviewItemRow } from '../queue.repository.ts'
import { decisionName, reasonKeys } from '../queue.ts'
import { queuePaths } from './paths.ts'

const listingStatusKeys = {
  held: 'queue.context.listing.held',
  published: 'queue.context.listing.published',
  fulfilled: 'queue.context.listing.fulfilled',
  closed: 'queue.context.listing.closed',
  expired: 'queue.context.listing.expired',
  removed: 'queue.context.listing.removed',
} as const satisfies Record<ListingStatus, MessageKey>
const holdKeys: Record<string, MessageKey> = {
  price: 'queue.detail.price',
  payment: 'queue.detail.payment',
  bank: 'queue.detail.bank',
  sale: 'queue.detail.sale',
  'paid-work': 'queue.detail.paid-work',
  sanction: 'queue.context.listing.holdSanction',
}

const sanctionKeys = {
  reject: 'queue.context.sanction.reject',
  change: 'queue.context.sanction.change',
  hide: 'queue.context.sanction.hide',
  warn: 'queue.context.sanction.warn',
  suspend: 'queue.context.sanction.suspend',
  ban: 'queue.context.sanction.ban',
} as const

function Person({ ctx, person }: { ctx: ViewContext; person: PersonRecord }) {
  const { t, locale } = ctx
  return (
    <section aria-labelledby="person-title">
      <h2 id="person-title">{t('queue.context.person.title')}</h2>
      <dl class="facts">
        <dt>{t('queue.context.person.name')}</dt>
        <dd>{person.displayName}</dd>
        <dt>{t('queue.context.person.commune')}</dt>
        <dd>{person.communeName}</dd>
        <dt>{t('queue.context.person.since')}</dt>
        <dd>{localDay(person.memberSince, locale)}</dd>
        <dt>{t('queue.context.person.status')}</dt>
        <dd>
          {t(person.status === 'active' ? 'queue.context.person.active' : 'queue.context.person.suspended')}
        </dd>
        <dt>{t('queue.context.person.openListings')}</dt>
        <dd>{person.openListings}</dd>
        <dt>{t('queue.context.person.reports')}</dt>
        <dd>{person.reports.length}</dd>
      </dl>
      <h3>{t('queue.context.person.sanctions')}</h3>
      {person.sanctions.length === 0 ? (
        <p>{t('queue.context.person.noSanction')}</p>
      ) : (
        <ul>
          {person.sanctions.map((s) => (
            <li key={s.id}>
              {t(sanctionKeys[s.kind])} · {t(reasonKeys[s.reason])} · {localDay(s.decidedAt, locale)}
              {s.endsAt && (
                <> · {t('queue.context.sanction.until', { date: formatDateTime(s.endsAt, locale) })}</>
              )}
              {s.liftedAt && <> · {t('queue.context.sanction.lifted')}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function History({ ctx, context }: { ctx: ViewContext; context: ItemContext }) {
  const { t, locale } = ctx
  if (context.history.length === 0) return <p>{t('queue.context.history.none')}</p>
  return (
    <ul>
      {context.history.map((h) => (
        <li key={h.id}>
          {localDay(h.decidedAt!, locale)} · {decisionName(t, h.decision)} ·{' '}
          {t('queue.context.history.by', { name: context.names.get(h.decidedBy ?? '') ?? '' })}
        </li>
      ))}
    </ul>
  )
}

/** A held mission or need as written, with the old held list, which still decides too. */
function Held({ ctx, held }: { ctx: ViewContext; held: HeldContent }) {
  const { t } = ctx
  return (
    <section aria-labelledby="held-title">
      <h2 id="held-title">
        {t(held.kind === 'mission' ? 'queue.context.held.mission' : 'queue.context.held.need')}
      </h2>
      <p>
        <strong>{held.title}</strong>
      </p>
      <AuthorText text={held.description} />
      <dl class="facts">
        <dt>{t('queue.context.held.organisation')}</dt>
        <dd>{held.organisationName}</dd>
        <dt>{t('queue.context.listing.holdReasons')}</dt>
        <dd>
          {held.holdReasons.length > 0
            ? held.holdReasons.map((r) => (Object.hasOwn(holdKeys, r) ? t(holdKeys[r]!) : r)).join(', ')
            : t('queue.context.none')}
        </dd>
      </dl>
      <p>
        <a
          href={
            held.kind === 'mission' ? '/administration/missions-retenues' : '/administration/besoins-retenus'
          }
        >
          {t('queue.context.held.link')}
        </a>
      </p>
    </section>
  )
}

/** Beside the item: what it is about, with its history, and the person it concerns. */
export function ItemContextView({
  ctx,
  item,
  context,
}: {
  ctx: ViewContext
  item: ReviewItemRow
  context: ItemContext
}) {
  const { t, locale } = ctx
  const { listing, organisation, person } = context
  return (
    <>
      {listing && (
        <section aria-labelledby="listing-title">
          <h2 id="listing-title">{t('queue.context.listing.title')}</h2>
          <p>
            <a href={`/annonces/${listing.id}`}>{listing.title}</a>
          </p>
          <AuthorText text={listing.description} />
          <dl class="facts">
            <dt>{t('queue.context.listing.status')}</dt>
            <dd>{t(listingStatusKeys[listing.status])}</dd>
            <dt>{t('queue.context.listing.holdReasons')}</dt>
            <dd>
              {listing.holdReasons.length > 0
                ? listing.holdReasons
                    .map((r) => (Object.hasOwn(holdKeys, r) ? t(holdKeys[r]!) : r))
                    .join(', ')
                : t('queue.context.none')}
            </dd>
            <dt>{t('queue.context.listing.created')}</dt>
            <dd>{formatDateTime(listing.createdAt, locale)}</dd>
            <dt>{t('queue.context.listing.updated')}</dt>
            <dd>{formatDateTime(listing.updatedAt, locale)}</dd>
          </dl>
          <h3>{t('queue.context.history.title')}</h3>
          <History ctx={ctx} context={context} />
        </section>
      )}
      {organisation && (
        <section aria-labelledby="organisation-title">
          <h2 id="organisation-title">{t('queue.context.organisation.title')}</h2>
          <p>
            <a href={`/organisations/${organisation.id}`}>{organisation.name}</a>
          </p>
          <p>
            {t(
              organisation.status === 'verified'
                ? 'queue.context.organisation.verified'
                : 'queue.context.organisation.notVerified',
            )}
          </p>
        </section>
      )}
      {item.subjectKind === 'appeal' && (
        <p>
          <a href={queuePaths.appeal(item.subjectId)}>{t('queue.context.appeal.link')}</a>
        </p>
      )}
      {context.held && <Held ctx={ctx} held={context.held} />}
      {person && <Person ctx={ctx} person={person} />}
    </>
  )
}

/** The reported message and the few around it, once the moderator said why they read it. */
export function ReadMessages({
  ctx,
  messages,
  parties,
}: {
  ctx: ViewContext
  messages: {
    id: string
    senderName: string
    body: string
    createdAt: Date
    hidden: boolean
    reported: boolean
  }[]
  parties: [string, string]
}) {
  const { t, locale } = ctx
  return (
    <section aria-labelledby="read-title">
      <h2 id="read-title">{t('queue.context.reading.shown', { first: parties[0], second: parties[1] })}</h2>
      <ScrollRegion label={t('queue.context.reading.shownLabel')}>
        <ol class="messages">
          {messages.map((m) => (
            <li key={m.id} class={m.reported ? 'message message-reported' : 'message'}>
              <p class="message-meta">
                <strong>{m.senderName}</strong>{' '}
                <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt, locale)}</time>
                {m.reported && <> · {t('queue.context.reading.reported')}</>}
                {m.hidden && <> · {t('queue.context.reading.hidden')}</>}
              </p>
              <div class="message-body">
                <AuthorText text={m.body} />
              </div>
            </li>
          ))}
        </ol>
      </ScrollRegion>
    </section>
  )
}
