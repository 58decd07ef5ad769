import type { ViewContext } from './context.ts'

export interface FieldError {
  /** the id of the field the message is about, so the summary can link to it */
  field: string
  message: string
}

/** GOV.UK pattern: a focused summary at the top of the form, each error linking to its field. */
export function ErrorSummary({ ctx, errors }: { ctx: ViewContext; errors: FieldError[] }) {
  if (errors.length === 0) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{ctx.t('error.summaryTitle')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}
