import type { ViewContext } from '../../../platform/views/context.ts'
import { Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { MatchService } from '../match.service.ts'
import { matchPath } from './DecisionForms.tsx'
import { localDateTime, MatchStatusTag } from './parts.tsx'

export type MatchSummary = Awaited<ReturnType<MatchService['mine']>>[number]

/** « Mes mises en relation »: as author and as responder, newest activity first, unread messages counted. */
export function MyMatchesPage({
  ctx,
  matches,
  notice,
}: {
  ctx: ViewContext
  matches: MatchSummary[]
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={t('match.mine.title')}>
      {notice && <Confirmation text={notice} />}
      <h1>{t('match.mine.title')}</h1>
      <p>{t('match.mine.intro')}</p>
      {matches.length === 0 && <p>{t('match.mine.empty')}</p>}
      <ul class="listing-list">
        {matches.map((m) => (
          <li key={m.id}>
            <h2>
              <a href={matchPath(m.id)}>{m.listing.title}</a>
            </h2>
            <p>
              {t(m.role === 'author' ? 'match.mine.asAuthor' : 'match.mine.asResponder', {
                name: m.otherParty.displayName || t('match.relay.line'),
              })}
            </p>
            <MatchStatusTag ctx={ctx} status={m.status} />
            {m.unread > 0 && (
              <p>
                <strong>
                  {m.unread === 1
                    ? t('match.mine.unreadOne')
                    : t('match.mine.unreadMany', { count: m.unread })}
                </strong>
              </p>
            )}
            <p class="hint">
              {t('match.mine.lastActivity', { date: localDateTime(m.lastActivityAt, locale) })}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <a href="/mes-annonces">{t('match.mine.myListings')}</a>
      </p>
    </Layout>
  )
}
