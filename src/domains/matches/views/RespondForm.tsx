import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ErrorSummary } from '../../../platform/views/ErrorSummary.tsx'
import { Choices, CsrfField, errorFor } from '../../../platform/views/fields.tsx'
import { ReportLink } from '../../../platform/views/ReportLink.tsx'
import type { ListingKind } from '../../listings/index.ts'
import { MESSAGE_MAX } from '../match.ts'
import type { RespondState } from '../respond-rules.ts'
import { matchPath } from './DecisionForms.tsx'
import { Lines, Refusal, TextArea } from './parts.tsx'
import { type ResponseItem, ResponsesList } from './ResponsesList.tsx'

export interface RespondValues {
  message: string
  shares: string[]
}

/** What the listing page shows about matches, gathered by the service for this viewer. */
export interface ListingMatchPartProps {
  listing: { id: string; kind: ListingKind; title: string; authorName: string; relayed?: boolean }
  respond: RespondState
  responses: ResponseItem[] | null
  authorHasPhone: boolean
  thanks: { authorName: string; responderName: string; text: string }[]
  /** after a refused or invalid POST: the values typed, the field errors, or why it was refused */
  form?: { values: RespondValues; errors: FieldError[] }
  refusal?: { message: string; matchId?: string | undefined }
}

/** « Je peux aider » / « Ça m’intéresse »: a short message and the contacts to show once accepted. */
function RespondForm(props: {
  ctx: ViewContext
  listing: ListingMatchPartProps['listing']
  hasPhone: boolean
  values: RespondValues
  errors: FieldError[]
}) {
  const { ctx, listing, hasPhone, values, errors } = props
  const { t } = ctx
  const name = listing.authorName
  const options = [
    ...(hasPhone ? [{ value: 'phone', label: t('match.shares.phone') }] : []),
    { value: 'email', label: t('match.shares.email') },
  ]
  const sharesError = errorFor(errors, 'shares')
  const hint = `${t('match.shares.hint', { name })}${hasPhone ? '' : ` ${t('match.shares.noPhoneHint')}`}`
  return (
    <form method="post" action={`/annonces/${listing.id}/repondre`} novalidate>
      <ErrorSummary ctx={ctx} errors={errors} />
      <CsrfField ctx={ctx} />
      <p>{t('match.respond.intro', { name })}</p>
      <TextArea
        ctx={ctx}
        id="message"
        name="message"
        label={t('match.message.label')}
        hint={t('match.message.hint', { max: MESSAGE_MAX })}
        error={errorFor(errors, 'message')}
        value={values.message}
      />
      <Choices
        ctx={ctx}
        id="shares"
        name="shares"
        type="checkbox"
        legend={t('match.shares.legend')}
        hint={hint}
        {...(sharesError ? { error: sharesError } : {})}
        options={options}
        checked={values.shares}
      />
      <button type="submit">{t('match.respond.submit')}</button>
    </form>
  )
}

/** Why this person cannot answer, in plain words, with what they can do about it. */
function CannotRespond({
  ctx,
  listing,
  respond,
}: {
  ctx: ViewContext
  listing: { id: string }
  respond: RespondState
}) {
  const { t } = ctx
  if (respond.kind === 'visitor')
    return (
      <p>
        <a href={`/connexion?retour=${encodeURIComponent(`/annonces/${listing.id}`)}`}>
          {t('match.respond.login')}
        </a>{' '}
        {t('match.respond.noAccount')} <a href="/inscription">{t('match.respond.signup')}</a>
      </p>
    )
  if (respond.kind === 'unverified') return <p>{t('match.respond.unverified')}</p>
  if (respond.kind === 'already')
    return (
      <p>
        {t('match.refused.already')} <a href={matchPath(respond.matchId)}>{t('match.respond.seeMine')}</a>
      </p>
    )
  if (respond.kind === 'closed') return <p>{t('match.refused.closed')}</p>
  if (respond.kind === 'blocked') return <p>{t('match.refused.blocked')}</p>
  if (respond.kind === 'volunteer')
    return <p>{t('match.refused.volunteer', { email: ctx.territory?.contactEmail ?? '' })}</p>
  return null
}

/** The part of the listing page about matches: responding, the author's responses, public thanks. */
export function ListingMatchPart({ ctx, part }: { ctx: ViewContext; part: ListingMatchPartProps }) {
  const { t } = ctx
  const { listing, respond } = part
  const heading = t(listing.kind === 'ask' ? 'match.respond.titleAsk' : 'match.respond.titleOffer')
  return (
    <>
      {part.refusal && (
        <Refusal ctx={ctx}>
          <p>
            {part.refusal.message}{' '}
            {part.refusal.matchId && (
              <a href={matchPath(part.refusal.matchId)}>{t('match.respond.seeMine')}</a>
            )}
          </p>
        </Refusal>
      )}
      {part.responses ? (
        <ResponsesList
          ctx={ctx}
          responses={part.responses}
          authorHasPhone={part.authorHasPhone}
          relayedListingId={listing.relayed ? listing.id : undefined}
        />
      ) : (
        <section id="repondre" aria-labelledby="respond-title">
          <h2 id="respond-title">{heading}</h2>
          {respond.kind === 'open' && !part.refusal ? (
            <RespondForm
              ctx={ctx}
              listing={listing}
              hasPhone={respond.hasPhone}
              values={part.form?.values ?? { message: '', shares: [] }}
              errors={part.form?.errors ?? []}
            />
          ) : (
            !part.refusal && <CannotRespond ctx={ctx} listing={listing} respond={respond} />
          )}
        </section>
      )}
      {part.thanks.length > 0 && (
        <section aria-labelledby="thanks-title">
          <h2 id="thanks-title">{t('match.thanks.title')}</h2>
          {part.thanks.map((th, i) => (
            <blockquote key={i}>
              <p>{t('match.thanks.item', { author: th.authorName, responder: th.responderName })}</p>
              <Lines text={th.text} />
            </blockquote>
          ))}
        </section>
      )}
      {respond.kind !== 'visitor' && respond.kind !== 'own' && (
        <p>
          <ReportLink ctx={ctx} target="listing" id={listing.id} />
        </p>
      )}
    </>
  )
}
