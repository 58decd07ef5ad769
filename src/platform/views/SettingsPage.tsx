import type { ComponentChildren } from 'preact'
import type { ViewContext } from './context.ts'
import { ErrorSummary, type FieldError } from './ErrorSummary.tsx'
import { Confirmation, CsrfField, pageTitle } from './fields.tsx'
import { Layout } from './Layout.tsx'

interface Props {
  ctx: ViewContext
  title: string
  /** where « back » leads, and its words */
  back: { href: string; label: string }
  errors: FieldError[]
  /** the confirmation of the save just made */
  notice?: string | undefined
  /** what the settings mean, above the form */
  intro?: ComponentChildren
  action: string
  submit: string
  /** the form's fields */
  children: ComponentChildren
  /** below the form: links to what the settings lead to */
  footer?: ComponentChildren
}

/**
 * An administration page that saves a few settings with one form: back link, title, the
 * confirmation of a save, the error summary, what the settings mean, then the form. The
 * administrator meets every settings page laid out the same way.
 */
export function SettingsPage({
  ctx,
  title,
  back,
  errors,
  notice,
  intro,
  action,
  submit,
  children,
  footer,
}: Props) {
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
      <h1>{title}</h1>
      {notice && <Confirmation text={notice} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      {intro}
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        {children}
        <button type="submit">{submit}</button>
      </form>
      {footer}
    </Layout>
  )
}
