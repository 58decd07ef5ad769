import type { ViewContext } from '../../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../../platform/views/ErrorSummary.tsx'
import { CsrfField, errorFor, pageTitle, TextField } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'

interface Props {
  ctx: ViewContext
  email: string
  /** the local page to go back to once signed in */
  retour: string
  errors: FieldError[]
}

export function LoginPage({ ctx, email, retour, errors }: Props) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, t('login.title'), errors)}>
      <h1>{t('login.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/connexion" novalidate>
        <CsrfField ctx={ctx} />
        {retour !== '/' && <input type="hidden" name="retour" value={retour} />}
        <TextField
          ctx={ctx}
          name="email"
          type="email"
          label={t('login.email.label')}
          value={email}
          error={errorFor(errors, 'email')}
          autocomplete="username"
        />
        <TextField
          ctx={ctx}
          name="password"
          type="password"
          label={t('login.password.label')}
          error={errorFor(errors, 'password')}
          autocomplete="current-password"
        />
        <button type="submit">{t('login.submit')}</button>
      </form>
      <ul class="results">
        <li>
          <a href="/mot-de-passe-oublie">{t('login.forgotLink')}</a>
        </li>
        <li>
          {t('login.noAccount')}{' '}
          <a href={retour === '/' ? '/inscription' : `/inscription?retour=${encodeURIComponent(retour)}`}>
            {t('login.signUpLink')}
          </a>
        </li>
      </ul>
    </Layout>
  )
}
