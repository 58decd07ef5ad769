import type { ViewContext } from '../../../platform/views/context.ts'

/** A labelled text area whose id is unique on the page (several forms on one list). */
export function StatementField({
  ctx,
  id,
  name,
  label,
  hint,
  error,
  value,
}: {
  ctx: ViewContext
  id: string
  name: string
  label: string
  hint: string
  error: string | undefined
  value: string
}) {
  const described = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      <span id={`${id}-hint`} class="hint">
        {hint}
      </span>
      {error && (
        <span id={`${id}-error`} class="error-message">
          <span class="visually-hidden">{ctx.t('commune.field.errorPrefix')} </span>
          {error}
        </span>
      )}
      <textarea
        id={id}
        name={name}
        rows={6}
        aria-describedby={described}
        aria-invalid={error ? 'true' : undefined}
      >
        {value}
      </textarea>
    </div>
  )
}
