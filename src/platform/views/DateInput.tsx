import type { ViewContext } from './context.ts'
import type { DateParts } from './date-parts.ts'

interface DateInputProps {
  ctx: ViewContext
  /** the day field's id and the prefix of the three names (`whenStart-day`…); the error summary links to it */
  name: string
  legend: string
  hint?: string
  error?: string | undefined
  value: DateParts
  labels: { day: string; month: string; year: string }
  /** the legend is the page's question: it is the h1 */
  asHeading?: boolean
}

/**
 * GOV.UK's date input: three number fields in a fieldset, labelled Jour, Mois, Année. Plain text
 * fields with a numeric keyboard, not `type=number` (which rounds, scrolls and drops leading zeros).
 */
export function DateInput({ ctx, name, legend, hint, error, value, labels, asHeading }: DateInputProps) {
  const hintId = `${name}-hint`
  const errorId = `${name}-error`
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined
  const part = (which: keyof DateParts, size: string, autocomplete?: string) => {
    const id = which === 'day' ? name : `${name}-${which}`
    return (
      <div class={`date-part date-part-${size}`}>
        <label for={id}>{labels[which]}</label>
        <input
          type="text"
          inputMode="numeric"
          id={id}
          name={`${name}-${which}`}
          value={value[which]}
          maxLength={which === 'year' ? 4 : 2}
          autocomplete={autocomplete}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
    )
  }
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset aria-describedby={describedBy}>
        <legend>{asHeading ? <h1>{legend}</h1> : legend}</legend>
        {hint && (
          <span id={hintId} class="hint">
            {hint}
          </span>
        )}
        {error && (
          <span id={errorId} class="error-message">
            <span class="visually-hidden">{ctx.t('commune.field.errorPrefix')} </span>
            {error}
          </span>
        )}
        <div class="date-input">
          {part('day', 'short')}
          {part('month', 'short')}
          {part('year', 'long')}
        </div>
      </fieldset>
    </div>
  )
}
