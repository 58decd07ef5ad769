import { PASSWORD_MIN } from '../../../../platform/auth/passwords.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../../platform/views/ErrorSummary.tsx'
import { Checkbox, CsrfField, errorFor, pageTitle, TextField } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'

/** « Mot de passe oublié »: one field, and a promise that says nothing about the address. */
export function ForgotPasswordPage({
  ctx,
  email,
  errors,
}: {
  ctx: ViewContext
  email: string
  errors: FieldError[]
}) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, t('reset.request.title'), errors)}>
      <h1>{t('reset.request.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('reset.request.intro')}</p>
      <form method="post" action="/mot-de-passe-oublie" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="email"
          type="email"
          label={t('reset.request.email.label')}
          value={email}
          error={errorFor(errors, 'email')}
          autocomplete="email"
        />
        <button type="submit">{t('reset.request.submit')}</button>
      </form>
    </Layout>
  )
}

/** The page an emailed reset link opens; the token rides along in a hidden field, never in the path. */
export function ResetPasswordPage({
  ctx,
  token,
  errors,
}: {
  ctx: ViewContext
  token: string
  errors: FieldError[]
}) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, t('reset.form.title'), errors)}>
      <h1>{t('reset.form.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/mot-de-passe/nouveau" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="jeton" value={token} />
        <TextField
          ctx={ctx}
          name="password"
          type="password"
          label={t('reset.form.password.label')}
          hint={t('signup.password.hint', { min: PASSWORD_MIN })}
          error={errorFor(errors, 'password')}
          autocomplete="new-password"
        />
        <p>{t('reset.form.sessions')}</p>
        <button type="submit">{t('reset.form.submit')}</button>
      </form>
    </Layout>
  )
}

interface ChangeProps {
  ctx: ViewContext
  errors: FieldError[]
  endOtherSessions: boolean
}

export function ChangePasswordPage({ ctx, errors, endOtherSessions }: ChangeProps) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, t('password.change.title'), errors)}>
      <h1>{t('password.change.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/compte/mot-de-passe" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="currentPassword"
          type="password"
          label={t('password.change.current.label')}
          error={errorFor(errors, 'currentPassword')}
          autocomplete="current-password"
        />
        <TextField
          ctx={ctx}
          name="newPassword"
          type="password"
          label={t('password.change.new.label')}
          hint={t('signup.password.hint', { min: PASSWORD_MIN })}
          error={errorFor(errors, 'newPassword')}
          autocomplete="new-password"
        />
        <Checkbox
          ctx={ctx}
          name="endOtherSessions"
          checked={endOtherSessions}
          label={t('password.change.endOthers')}
        />
        <button type="submit">{t('password.change.submit')}</button>
      </form>
      <p>
        <a href="/compte">{t('password.change.back')}</a>
      </p>
    </Layout>
  )
}
