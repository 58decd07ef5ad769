import type { ViewContext } from './context.ts'

/** Form pieces fields.tsx does not have, built the same GOV.UK way (label, hint, error, aria). */
interface BaseProps {
  ctx: ViewContext
  name: string
  label: string
  hint?: string
  error?: string | undefined
}

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined

function Frame({
  ctx,
  name,
  label,
  hint,
  error,
  children,
}: BaseProps & { children: preact.ComponentChildren }) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{label}</label>
      {hint && (
        <span id={`${name}-hint`} class="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${name}-error`} class="error-message">
          <span class="visually-hidden">{ctx.t('commune.field.errorPrefix')} </span>
          {error}
        </span>
      )}
      {children}
    </div>
  )
}

export function TextArea(props: BaseProps & { value: string }) {
  const { name, hint, error, value } = props
  return (
    <Frame {...props}>
      <textarea
        id={name}
        name={name}
        rows={8}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {value}
      </textarea>
    </Frame>
  )
}

/** A native date picker where there is one; typed « 02/04/2026 » is read as well. */
export function DateField(props: BaseProps & { value: string }) {
  const { name, hint, error, value } = props
  return (
    <Frame {...props}>
      <input
        type="date"
        id={name}
        name={name}
        value={value}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </Frame>
  )
}

export function Select(
  props: BaseProps & { value: string; placeholder: string; options: { value: string; label: string }[] },
) {
  const { name, hint, error, value, placeholder, options } = props
  return (
    <Frame {...props}>
      <select
        id={name}
        name={name}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  )
}
