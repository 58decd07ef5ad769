import type { ComponentChildren } from 'preact'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'

/** The message about one field, if any: the error summary and the field say the same words. */
export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message
}

function ErrorMessage({ ctx, id, message }: { ctx: ViewContext; id: string; message: string }) {
  return (
    <span id={id} class="error-message">
      <span class="visually-hidden">{ctx.t('commune.field.errorPrefix')} </span>
      {message}
    </span>
  )
}

interface TextFieldProps {
  ctx: ViewContext
  /** also the id the error summary links to */
  name: string
  label: string
  hint?: string
  error?: string | undefined
  /** never given for a password: a page must not send one back */
  value?: string
  type?: 'text' | 'email' | 'password' | 'tel'
  autocomplete: string
  spellcheck?: boolean
}

/** GOV.UK text input: label, hint and error tied to the input, so a screen reader reads them all. */
export function TextField(props: TextFieldProps) {
  const { ctx, name, label, hint, error, value, type = 'text', autocomplete } = props
  const hintId = `${name}-hint`
  const errorId = `${name}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ')
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{label}</label>
      {hint && (
        <span id={hintId} class="hint">
          {hint}
        </span>
      )}
      {error && <ErrorMessage ctx={ctx} id={errorId} message={error} />}
      <input
        type={type}
        id={name}
        name={name}
        value={type === 'password' ? undefined : (value ?? '')}
        autocomplete={autocomplete}
        spellcheck={props.spellcheck ?? type === 'text'}
        autocapitalize={type === 'text' ? undefined : 'none'}
        aria-describedby={describedBy || undefined}
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
      {error && <ErrorMessage ctx={ctx} id={errorId} message={error} />}
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

/** The title of a page with errors starts with « Erreur », as GOV.UK does, so screen readers hear it first. */
export function pageTitle(ctx: ViewContext, title: string, errors: FieldError[]): string {
  return errors.length > 0 ? `${ctx.t('error.summaryTitle')} – ${title}` : title
}
