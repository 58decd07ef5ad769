import type { ViewContext } from '../../../platform/views/context.ts'
import type { MatchAction, MatchStatus } from '../match.ts'
import { AcceptForm, DeclineForm, matchPath } from './DecisionForms.tsx'
import { Lines, localDateTime, MatchStatusTag } from './parts.tsx'

export interface ResponseItem {
  id: string
  responderName: string
  message: string
  createdAt: Date
  status: MatchStatus
  actions: MatchAction[]
}

/** On the author's listing page: every response, its words, and the decision on those still pending. */
export function ResponsesList(props: {
  ctx: ViewContext
  responses: ResponseItem[]
  authorHasPhone: boolean
  /** an ask the phone line posted: its agents decide from the case, for the person */
  relayedListingId?: string | undefined
}) {
  const { ctx, responses, authorHasPhone, relayedListingId } = props
  const { t, locale } = ctx
  return (
    <section id="reponses" aria-labelledby="responses-title">
      <h2 id="responses-title">{t('match.responses.title', { count: responses.length })}</h2>
      {relayedListingId && (
        <p>
          {t('match.relay.decidedByLine')}{' '}
          <a href={`/administration/accueil-telephonique/annonces/${relayedListingId}`}>
            {t('match.relay.openCase')}
          </a>
        </p>
      )}
      {responses.length === 0 && <p>{t('match.responses.empty')}</p>}
      <ul class="listing-list">
        {responses.map((r) => (
          <li key={r.id} id={`reponse-${r.id}`}>
            <h3>
              {t('match.responses.from', {
                name: r.responderName,
                date: localDateTime(r.createdAt, locale),
              })}
            </h3>
            <MatchStatusTag ctx={ctx} status={r.status} />
            <Lines text={r.message} />
            <p>
              <a href={matchPath(r.id)}>
                {t('match.responses.open')}
                <span class="visually-hidden"> {t('match.responses.of', { name: r.responderName })}</span>
              </a>
            </p>
            {r.actions.includes('accept') && (
              <div class="actions">
                <AcceptForm ctx={ctx} matchId={r.id} name={r.responderName} hasPhone={authorHasPhone} />
                <DeclineForm ctx={ctx} matchId={r.id} name={r.responderName} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
