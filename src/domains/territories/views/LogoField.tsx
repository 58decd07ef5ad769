import type { ViewContext } from '../../../platform/views/context.ts'

export const ACCEPTED_IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/gif'

/** The file field of an upload form, with its error read out beside it. */
export function LogoField({
  ctx,
  label,
  error,
  accept,
}: {
  ctx: ViewContext
  label: string
  error: string | undefined
  accept: string
}) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for="logo">{label}</label>
      {error && (
        <span id="logo-error" class="error-message">
          <span class="visually-hidden">{ctx.t('commune.field.errorPrefix')} </span>
          {error}
        </span>
      )}
      <input
        type="file"
        id="logo"
        name="logo"
        accept={accept}
        aria-describedby={error ? 'logo-error' : undefined}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  )
}
