import type { ViewContext } from '../views/context.ts'
import { type Commune, communeLabel } from './commune.ts'

interface CommuneFieldProps {
  ctx: ViewContext
  name: string
  id: string
  label: string
  hint?: string
  value?: string
  error?: string
  /** the id of the form it belongs to, when it stands outside it (the search's filters, after the results) */
  form?: string
}

/**
 * A plain text input the server reads with CommuneService.resolve, so it works without
 * JavaScript; the commune-field.js module adds suggestions as the person types.
 */
export function CommuneField({ ctx, name, id, label, hint, value, error, form }: CommuneFieldProps) {
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ')
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
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
      <input
        type="text"
        id={id}
        name={name}
        form={form}
        value={value ?? ''}
        autocomplete="off"
        spellcheck={false}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? 'true' : undefined}
        data-commune-autocomplete=""
      />
    </div>
  )
}

interface CommuneChoicesProps {
  ctx: ViewContext
  name: string
  id: string
  communes: Commune[]
  legend?: string
  error?: string
}

/**
 * When a typed name fits several communes, the page asks which one. Each choice sends the
 * commune's label, which resolve() reads back as exactly that commune; one found by a former
 * commune's name says so.
 */
export function CommuneChoices({ ctx, name, id, communes, legend, error }: CommuneChoicesProps) {
  const errorId = `${id}-error`
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset aria-describedby={error ? errorId : undefined}>
        <legend>{legend ?? ctx.t('commune.choices.legend')}</legend>
        {error && (
          <span id={errorId} class="error-message">
            <span class="visually-hidden">{ctx.t('commune.field.errorPrefix')} </span>
            {error}
          </span>
        )}
        {communes.map((commune, i) => (
          <label class="choice" key={commune.insee}>
            <input
              type="radio"
              name={name}
              id={i === 0 ? id : `${id}-${commune.insee}`}
              value={communeLabel(commune, ctx.t)}
            />
            {`${communeLabel(commune, ctx.t)} – ${ctx.t('commune.departement', { code: commune.departement })}`}
          </label>
        ))}
      </fieldset>
    </div>
  )
}

interface CommuneInputProps {
  ctx: ViewContext
  label: string
  hint?: string
  value: string
  error?: string | undefined
  /** the communes the typed text fitted, when it fitted several: the person picks one */
  choices: Commune[]
  /** the legend of the choices; the label when not given */
  legend?: string
  name?: string
}

/** The commune question of a form: the text field, or the choices when the last answer was ambiguous. */
export function CommuneInput({
  ctx,
  label,
  hint,
  value,
  error,
  choices,
  legend,
  name = 'commune',
}: CommuneInputProps) {
  if (choices.length > 0) {
    return (
      <CommuneChoices
        ctx={ctx}
        name={name}
        id={name}
        communes={choices}
        legend={legend ?? label}
        error={error}
      />
    )
  }
  return (
    <CommuneField ctx={ctx} name={name} id={name} label={label} hint={hint} value={value} error={error} />
  )
}
