import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ReportLink } from '../../../platform/views/ReportLink.tsx'
import { formatMonth } from '../../accounts/index.ts'
import type { HelperFacts, MatchView } from '../match.ts'
import { Lines } from './parts.tsx'

/** What the responder wrote first: the author reads it before anything they are asked to decide. */
export function ResponseMessage({ ctx, response }: { ctx: ViewContext; response: MatchView['response'] }) {
  const { t, locale } = ctx
  if (!response) return null
  return (
    <section aria-labelledby="message-title">
      <h2 id="message-title">{t('match.page.message')}</h2>
      <blockquote class="response-message">
        <Lines text={response.message} />
      </blockquote>
      <p class="hint">
        {t('match.page.messageAt', { date: formatDateTime(new Date(response.createdAt), locale) })}
      </p>
    </section>
  )
}

/** Who responded, from what the platform knows: since when, how often they helped, whether staff verified them. */
export function HelperCard(props: { ctx: ViewContext; name: string; otherId: string; helper: HelperFacts }) {
  const { ctx, name, otherId, helper } = props
  const { t, locale } = ctx
  return (
    <section aria-labelledby="helper-title" class="helper-card">
      <h2 id="helper-title">{t('match.helper.title', { name })}</h2>
      <ul>
        <li>{t('match.helper.since', { month: formatMonth(helper.memberSince, locale) })}</li>
        <li>
          {helper.helped === 0
            ? t('match.helper.new')
            : helper.helped === 1
              ? t('match.helper.helpedOne')
              : t('match.helper.helpedMany', { count: helper.helped })}
        </li>
        {helper.verified && (
          <li>
            <strong class="tag tag-verified">{t('match.helper.verified')}</strong>
          </li>
        )}
      </ul>
      <p>
        <ReportLink ctx={ctx} target="account" id={otherId} />
      </p>
    </section>
  )
}
