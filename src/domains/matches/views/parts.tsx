import type { ComponentChildren } from 'preact'
import { dateTimeFormat } from '../../../platform/i18n/intl.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { MatchStatus } from '../match.ts'

export const statusKeys = {
  pending: 'match.status.pending',
  accepted: 'match.status.accepted',
  declined: 'match.status.declined',
  withdrawn: 'match.status.withdrawn',
  cancelled: 'match.status.cancelled',
  done: 'match.status.done',
} as const satisfies Record<MatchStatus, string>

/** The status as a label beside a response in a list: words, not a button. */
export function MatchStatusTag({ ctx, status }: { ctx: ViewContext; status: MatchStatus }) {
  return <strong class={`tag tag-match-${status}`}>{ctx.t(statusKeys[status])}</strong>
}

/** A day and time as people read them in France, whatever the server's time zone. */
export function localDateTime(date: Date | string, locale: ViewContext['locale']): string {
  return dateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(new Date(date))
}

/**
 * A labelled text area with its hint and error, GOV.UK style. The id is given apart from the
 * name, since the listing page holds one decline form per response.
 */
export function TextArea(props: {
  ctx: ViewContext
  id: string
  name: string
  label: string
  hint?: string
  error?: string | undefined
  value: string
  rows?: number
}) {
  const { ctx, id, name, label, hint, error, value, rows = 5 } = props
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} class="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} class="error-message">
          <span class="visually-hidden">{ctx.t('commune.field.errorPrefix')} </span>
          {error}
        </span>
      )}
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
      >
        {value}
      </textarea>
    </div>
  )
}

/** A refusal the person must read before anything else (a full offer, a second response). */
export function Refusal({ ctx, children }: { ctx: ViewContext; children: ComponentChildren }) {
  return (
    <div class="error-summary" role="alert" aria-labelledby="refusal-title" tabIndex={-1}>
      <h2 id="refusal-title">{ctx.t('match.refused.title')}</h2>
      {children}
    </div>
  )
}

/** Line breaks the writer typed, kept; the text itself stays text (JSX escapes it). */
export function Lines({ text }: { text: string }) {
  return (
    <p class="match-text">
      {text.split('\n').map((line, i) => (
        <>
          {i > 0 && <br />}
          {line}
        </>
      ))}
    </p>
  )
}
