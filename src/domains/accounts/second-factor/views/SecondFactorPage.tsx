import type { ViewContext } from '../../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../../platform/views/ErrorSummary.tsx'
import { CsrfField, errorFor, pageTitle, TextField } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'

/** The second step of signing in, for accounts with a second factor. */
export function SecondFactorPage({
  ctx,
  retour,
  errors,
}: {
  ctx: ViewContext
  retour: string
  errors: FieldError[]
}) {
  const { t } = ctx
  const title = t('totp.login.title')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('totp.login.intro', { platform: ctx.territory?.platformName ?? 'Entraide' })}</p>
      <form method="post" action="/connexion/second-facteur" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="retour" value={retour} />
        <TextField
          ctx={ctx}
          name="code"
          label={t('totp.login.label')}
          hint={t('totp.login.hint')}
          error={errorFor(errors, 'code')}
          autocomplete="one-time-code"
          spellcheck={false}
        />
        <button type="submit">{t('totp.login.submit')}</button>
      </form>
      <p>{t('totp.login.lost')}</p>
    </Layout>
  )
}
