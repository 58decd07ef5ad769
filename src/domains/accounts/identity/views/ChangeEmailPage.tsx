import type { ViewContext } from '../../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../../platform/views/ErrorSummary.tsx'
import { CsrfField, errorFor, pageTitle, TextField } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'

interface Props {
  ctx: ViewContext
  currentEmail: string
  email: string
  errors: FieldError[]
}

export function ChangeEmailPage({ ctx, currentEmail, email, errors }: Props) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, t('email.change.title'), errors)}>
      <h1>{t('email.change.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('email.change.current', { email: currentEmail })}</p>
      <p>{t('email.change.intro')}</p>
      <form method="post" action="/compte/adresse" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="email"
          type="email"
          label={t('email.change.new.label')}
          value={email}
          error={errorFor(errors, 'email')}
          autocomplete="email"
        />
        <TextField
          ctx={ctx}
          name="password"
          type="password"
          label={t('email.change.password.label')}
          hint={t('email.change.password.hint')}
          error={errorFor(errors, 'password')}
          autocomplete="current-password"
        />
        <button type="submit">{t('email.change.submit')}</button>
      </form>
      <p>
        <a href="/compte">{t('password.change.back')}</a>
      </p>
    </Layout>
  )
}
