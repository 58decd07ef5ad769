import { formatDateTime, type MessageKey } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { CaseView } from '../case.service.ts'
import { callResultKeys } from '../case.ts'
import type { CaseEventKind } from '../phone.schema.ts'

const eventKeys: Record<CaseEventKind, MessageKey> = {
  opened: 'phone.event.opened',
  'call-out': 'phone.event.callOut',
  'call-in': 'phone.event.callIn',
  note: 'phone.event.note',
  'ask-posted': 'phone.event.askPosted',
  response: 'phone.event.response',
  accepted: 'phone.event.accepted',
  declined: 'phone.event.declined',
  alert: 'phone.event.alert',
  closed: 'phone.event.closed',
  reopened: 'phone.event.reopened',
}

/**
 * Everything that happened, oldest first: the case's own events and the volunteers' responses,
 * which are the matches' rows and are read from them rather than copied.
 */
export function CaseTimeline({ ctx, view }: { ctx: ViewContext; view: CaseView }) {
  const { t, locale } = ctx
  const names = new Map(view.responses.map((r) => [r.matchId, r.responderName]))
  const lines = [
    ...view.events.map((e) => ({
      id: e.id,
      at: e.at,
      what: `${t(eventKeys[e.kind])}${e.callResult ? ` : ${t(callResultKeys[e.callResult])}` : ''}${
        e.matchId && names.has(e.matchId) ? ` (${names.get(e.matchId)})` : ''
      }`,
      who: e.byName,
      note: e.note,
    })),
    ...view.responses.map((r) => ({
      id: `r-${r.matchId}`,
      at: r.createdAt,
      what: t('phone.event.responseFrom', { name: r.responderName }),
      who: null,
      note: null,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime())
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('phone.timeline.title')}</h2>
      <ol class="phone-timeline">
        {lines.map((line) => (
          <li key={line.id}>
            <p>
              <strong>{formatDateTime(line.at, locale)}</strong> · {line.what}
              {line.who && ` · ${t('phone.timeline.by', { name: line.who })}`}
            </p>
            {line.note && <p class="author-text">{line.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  )
}
