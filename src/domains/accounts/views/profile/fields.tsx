import type { ViewContext } from '../../../../platform/views/context.ts'

/**
 * GOV.UK form pieces for the account pages: the label, a hint, the error beside the field, and
 * aria-describedby linking them, so a screen reader hears all three on the field itself.
 */

function ErrorMessage({ ctx, id, error }: { ctx: ViewContext; id: string; error?: string }) {
  if (!error) return null
  return (
    <span id={id} class="error-message">
      <span class="visually-hidden">{ctx.t('commune.field.errorPrefix')} </span>
      {error}
    </span>
  )
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined

interface TextFieldProps {
  ctx: ViewContext
  id: string
  name?: string
  label: string
  hint?: string
  value: string
  error?: string
  type?: 'text' | 'tel'
  autocomplete?: string
  maxLength?: number
}

export function TextField(props: TextFieldProps) {
  const { ctx, id, label, hint, value, error, type = 'text', autocomplete, maxLength } = props
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} class="hint">
          {hint}
        </span>
      )}
      <ErrorMessage ctx={ctx} id={`${id}-error`} error={error} />
      <input
        type={type}
        id={id}
        name={props.name ?? id}
        value={value}
        autocomplete={autocomplete}
        maxLength={maxLength}
        spellcheck={false}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  )
}

interface ChoicesProps {
  ctx: ViewContext
  /** the id of the first input, which the error summary links to */
  id: string
  name: string
  legend: string
  hint?: string
  error?: string
  type: 'radio' | 'checkbox'
  /** `lang` marks a label written in another language (« English » on a French page) */
  options: { value: string; label: string; lang?: string }[]
  /** the values checked */
  checked: string[]
}

/** A fieldset of radios or checkboxes, each option labelled by its own text. */
export function Choices({ ctx, id, name, legend, hint, error, type, options, checked }: ChoicesProps) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}>
        <legend>{legend}</legend>
        {hint && (
          <span id={`${id}-hint`} class="hint">
            {hint}
          </span>
        )}
        <ErrorMessage ctx={ctx} id={`${id}-error`} error={error} />
        {options.map((option, i) => (
          <label class="choice" key={option.value}>
            <input
              type={type}
              name={name}
              id={i === 0 ? id : `${id}-${option.value}`}
              value={option.value}
              checked={checked.includes(option.value)}
            />
            {option.lang ? <span lang={option.lang}>{option.label}</span> : option.label}
          </label>
        ))}
      </fieldset>
    </div>
  )
}

/** A POST button that changes one thing (end a session, revoke a token), with its CSRF field. */
export function ActionButton({
  ctx,
  action,
  label,
  which,
}: {
  ctx: ViewContext
  action: string
  label: string
  /** said to screen readers after the label, since every row has the same button */
  which?: string
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <button type="submit">
        {label}
        {which && <span class="visually-hidden"> {which}</span>}
      </button>
    </form>
  )
}

/** GOV.UK success banner after the redirect that follows an action, read out as the page opens. */
export function Confirmation({ text }: { text: string }) {
  return (
    <div class="success" role="alert">
      <p>{text}</p>
    </div>
  )
}
