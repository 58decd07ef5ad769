import type { ComponentChildren } from 'preact'
import type { ViewContext } from './context.ts'
import type { FieldError } from './ErrorSummary.tsx'

/**
 * GOV.UK form pieces: the label, a hint, the error beside the field, and aria-describedby
 * linking them, so a screen reader hears all three on the field itself.
 */

/** The message about one field, if any: the error summary and the field say the same words. */
export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message
}

function ErrorMessage({ ctx, id, error }: { ctx: ViewContext; id: string; error?: string | undefined }) {
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
  name: string
  /** the id the error summary links to; the name when not given */
  id?: string
  label: string
  hint?: string
  error?: string | undefined
  /** never given for a password: a page must not send one back */
  value?: string
  type?: 'text' | 'email' | 'password' | 'tel'
  autocomplete?: string
  spellcheck?: boolean
  maxLength?: number
}

export function TextField(props: TextFieldProps) {
  const { ctx, name, id = name, label, hint, error, value, type = 'text', autocomplete, maxLength } = props
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
        name={name}
        value={type === 'password' ? undefined : (value ?? '')}
        autocomplete={autocomplete}
        maxLength={maxLength}
        spellcheck={props.spellcheck ?? type === 'text'}
        autocapitalize={type === 'text' ? undefined : 'none'}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  )
}

interface CheckboxProps {
  ctx: ViewContext
  name: string
  label: ComponentChildren
  checked: boolean
  error?: string | undefined
}

/** One checkbox that the person must tick (acceptance) or may tick (an option). */
export function Checkbox({ ctx, name, label, checked, error }: CheckboxProps) {
  const errorId = `${name}-error`
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <ErrorMessage ctx={ctx} id={errorId} error={error} />
      <label class="choice" for={name}>
        <input
          type="checkbox"
          id={name}
          name={name}
          value="oui"
          checked={checked}
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? 'true' : undefined}
        />
        <span>{label}</span>
      </label>
    </div>
  )
}

/** Every form posts its CSRF token; a form without it is refused (403). */
export function CsrfField({ ctx }: { ctx: ViewContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />
}

/** The title of a page with errors starts with the error summary's words, as GOV.UK does, so screen readers hear it first. */
export function pageTitle(ctx: ViewContext, title: string, errors: FieldError[]): string {
  return errors.length > 0 ? `${ctx.t('error.summaryTitle')} – ${title}` : title
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
      <CsrfField ctx={ctx} />
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
