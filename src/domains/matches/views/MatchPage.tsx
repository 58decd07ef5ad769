import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import { formatPhone, phoneHref } from '../../../platform/phone-numbers.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ErrorSummary } from '../../../platform/views/ErrorSummary.tsx'
import { ActionButton, Confirmation, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { PhoneLink } from '../../../platform/views/PhoneLink.tsx'
import { ReportLink } from '../../../platform/views/ReportLink.tsx'
import type { ConversationView } from '../conversation.service.ts'
import type { MatchView } from '../match.ts'
import { Conversation } from './Conversation.tsx'
import { AcceptForm, CancelForm, ConfirmForm, DeclineForm, matchPath } from './DecisionForms.tsx'
import { HelperCard, ResponseMessage } from './HelperCard.tsx'
import { Lines, Refusal } from './parts.tsx'

/** The status in plain words, as this party reads it. */
function explanation(match: MatchView): MessageKey {
  const mine = match.role === 'author'
  switch (match.status) {
    case 'pending':
      return mine ? 'match.explain.pending.author' : 'match.explain.pending.responder'
    case 'accepted':
      if (match.doneMarkedBy === 'me') return 'match.explain.accepted.markedByMe'
      if (match.doneMarkedBy === 'other') return 'match.explain.accepted.markedByOther'
      if (!mine) return 'match.explain.accepted.responder'
      return match.listing.kind === 'ask'
        ? 'match.explain.accepted.author'
        : 'match.explain.accepted.authorOfOffer'
    case 'declined':
      // Declined by no one: the listing ended (fulfilled, closed, removed) while it waited.
      if (match.endedBy === null) return 'match.explain.declined.listingEnded'
      return mine ? 'match.explain.declined.author' : 'match.explain.declined.responder'
    case 'withdrawn':
      return mine ? 'match.explain.withdrawn.author' : 'match.explain.withdrawn.responder'
    case 'cancelled':
      return match.endedBy === 'me' ? 'match.explain.cancelled.me' : 'match.explain.cancelled.other'
    default:
      return 'match.explain.done'
  }
}

/** The other party's name; on a relayed ask before an agent accepted, the line itself. */
function partyName(ctx: ViewContext, match: MatchView): string {
  return match.otherParty.displayName || ctx.t('match.relay.line')
}

/** The contacts the other party shared, once revealed; before that, a word on when they will be. */
function Contacts({ ctx, match }: { ctx: ViewContext; match: MatchView }) {
  const { t } = ctx
  const name = partyName(ctx, match)
  const channels = match.myShares.map((c) => t(c === 'phone' ? 'match.channel.phone' : 'match.channel.email'))
  const mine =
    channels.length === 0
      ? t('match.myShares.none')
      : match.contacts
        ? t('match.myShares.some', { name, channels: channels.join(', ') })
        : t('match.myShares.future', { name, channels: channels.join(', ') })
  if (!match.contacts)
    return (
      <section aria-labelledby="contacts-title">
        <h2 id="contacts-title">{t('match.contacts.heading')}</h2>
        <p>{t(match.status === 'pending' ? 'match.contacts.hidden' : 'match.contacts.ended')}</p>
        {match.status === 'pending' && <p>{mine}</p>}
      </section>
    )
  const { phone, email } = match.contacts
  return (
    <section aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('match.contacts.title', { name })}</h2>
      {phone || email ? (
        <dl>
          {phone && match.relayed && (
            <>
              <dt>{t(match.relayLine ? 'match.relay.linePhone' : 'match.relay.personPhone', { name })}</dt>
              <dd>
                <a href={phoneHref(phone)}>{formatPhone(phone)}</a>
              </dd>
            </>
          )}
          {phone && !match.relayed && (
            <>
              <dt>{t('match.contacts.phone')}</dt>
              <dd>
                <PhoneLink e164={phone} />
              </dd>
            </>
          )}
          {email && (
            <>
              <dt>{t('match.contacts.email')}</dt>
              <dd>
                <a href={`mailto:${email}`}>{email}</a>
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p>{t('match.contacts.none', { name })}</p>
      )}
      <p>{mine}</p>
    </section>
  )
}

function Actions(props: {
  ctx: ViewContext
  match: MatchView
  authorHasPhone: boolean
  errors: FieldError[]
  values: { reason?: string; thanks?: string; thanksPublic?: boolean }
}) {
  const { ctx, match, authorHasPhone, errors, values } = props
  const { t } = ctx
  const name = partyName(ctx, match)
  const can = (a: MatchView['actions'][number]) => match.actions.includes(a)
  if (match.actions.length === 0) return null
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t(can('accept') ? 'match.page.decide' : 'match.page.actions')}</h2>
      {can('accept') && (
        <AcceptForm ctx={ctx} matchId={match.id} name={name} hasPhone={authorHasPhone} errors={errors} />
      )}
      {can('decline') && <DeclineForm ctx={ctx} matchId={match.id} name={name} errors={errors} />}
      {can('withdraw') && (
        <ActionButton
          ctx={ctx}
          action={`${matchPath(match.id)}/retirer`}
          label={t('match.withdraw.submit')}
        />
      )}
      {can('markDone') && (
        <>
          <p>{t('match.markDone.intro', { name })}</p>
          <ActionButton
            ctx={ctx}
            action={`${matchPath(match.id)}/aide-realisee`}
            label={t('match.markDone.submit')}
          />
        </>
      )}
      {can('confirm') && (
        <>
          <h3>{t('match.confirm.title')}</h3>
          <ConfirmForm
            ctx={ctx}
            matchId={match.id}
            name={name}
            values={{ thanks: values.thanks ?? '', thanksPublic: values.thanksPublic ?? false }}
            errors={errors}
          />
        </>
      )}
      {can('cancel') && (
        <>
          <h3>{t('match.cancel.title')}</h3>
          <CancelForm ctx={ctx} matchId={match.id} name={name} value={values.reason ?? ''} errors={errors} />
        </>
      )}
    </section>
  )
}

/** The page's title in the reader's words: who offers help, who would like it, or their own response. */
function titleOf(ctx: ViewContext, match: MatchView, name: string): string {
  if (match.role === 'responder') return ctx.t('match.page.title.responder', { title: match.listing.title })
  return ctx.t(match.listing.kind === 'ask' ? 'match.page.title.offersHelp' : 'match.page.title.interested', {
    name,
  })
}

/**
 * One match. The author deciding reads the response first, then who wrote it, and only then the
 * buttons; once decided, the contacts come before what is left to do. The conversation follows.
 */
export function MatchPage(props: {
  ctx: ViewContext
  match: MatchView
  conversation: ConversationView
  authorHasPhone: boolean
  notice?: string | undefined
  refusal?: string | undefined
  errors?: FieldError[]
  values?: { reason?: string; thanks?: string; thanksPublic?: boolean }
}) {
  const { ctx, match, conversation, authorHasPhone, notice, refusal, errors = [], values = {} } = props
  const { t } = ctx
  const name = partyName(ctx, match)
  const title = titleOf(ctx, match, name)
  const author = match.role === 'author'
  const pending = match.status === 'pending'
  const actions = (
    <Actions ctx={ctx} match={match} authorHasPhone={authorHasPhone} errors={errors} values={values} />
  )
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      {refusal && (
        <Refusal ctx={ctx}>
          <p>{refusal}</p>
        </Refusal>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      {author ? (
        <p>
          {t('match.page.yourListing')} <a href={`/annonces/${match.listing.id}`}>{match.listing.title}</a>
        </p>
      ) : (
        <p>
          <a href={`/annonces/${match.listing.id}`}>{t('match.page.listing')}</a>
        </p>
      )}
      {author && <ResponseMessage ctx={ctx} response={match.response} />}
      {match.helper && (
        <HelperCard ctx={ctx} name={name} otherId={match.otherParty.id} helper={match.helper} />
      )}
      <p>{t(explanation(match), { name })}</p>
      {match.reason && <p>{t('match.page.reason', { reason: match.reason })}</p>}
      {!author && (
        <p>
          {t('match.page.withAuthor', { name })}{' '}
          <ReportLink ctx={ctx} target="account" id={match.otherParty.id} />
        </p>
      )}
      {match.relayed && author && pending && (
        <p>
          {t('match.relay.decidedByLine')}{' '}
          <a href={`/administration/accueil-telephonique/annonces/${match.listing.id}`}>
            {t('match.relay.openCase')}
          </a>
        </p>
      )}
      {pending && actions}
      <Contacts ctx={ctx} match={match} />
      {match.thanks && (
        <section aria-labelledby="thanks-title">
          <h2 id="thanks-title">{t('match.page.thanks')}</h2>
          <Lines text={match.thanks.text} />
          <p>{t(match.thanks.public ? 'match.page.thanksPublic' : 'match.page.thanksPrivate')}</p>
        </section>
      )}
      {!pending && actions}
      <Conversation ctx={ctx} view={conversation} />
      <p>
        <a href="/mises-en-relation">{t('match.mine.back')}</a>
      </p>
    </Layout>
  )
}
