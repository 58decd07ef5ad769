import type { ViewContext } from '../../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../../platform/views/ErrorSummary.tsx'
import { CsrfField, errorFor, pageTitle, TextField } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'
import type { Enrolment } from '../second-factor.service.ts'

interface Props {
  ctx: ViewContext
  retour: string
  errors: FieldError[]
  /** a key to enrol, or the state of the one already enabled */
  state: { kind: 'enrol'; enrolment: Enrolment } | { kind: 'enabled'; since: string; unusedCodes: number }
}

/** Setting up the second factor, or (once done) its state and a way to get new recovery codes. */
export function SecurityPage({ ctx, retour, errors, state }: Props) {
  const { t } = ctx
  const title = t('totp.title')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {state.kind === 'enabled' ? (
        <>
          <p class="success">{t('totp.enabled.since', { date: state.since })}</p>
          <p>{t('totp.enabled.codesLeft', { count: state.unusedCodes })}</p>
          <h2>{t('totp.renew.title')}</h2>
          <p>{t('totp.renew.intro')}</p>
          <form method="post" action="/compte/securite/codes-de-secours" novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="retour" value={retour} />
            <CodeField ctx={ctx} errors={errors} />
            <button type="submit">{t('totp.renew.submit')}</button>
          </form>
        </>
      ) : (
        <>
          <p>{t('totp.enrol.intro')}</p>
          <ol class="steps">
            <li>{t('totp.enrol.step1')}</li>
            <li>
              {t('totp.enrol.step2')}
              <p>
                <img
                  src={state.enrolment.qrDataUri}
                  alt={t('totp.enrol.qrAlt')}
                  width={220}
                  height={220}
                  class="qr-code"
                />
              </p>
              <p>
                {t('totp.enrol.manual')} <code class="totp-key">{state.enrolment.key}</code>
              </p>
            </li>
            <li>{t('totp.enrol.step3')}</li>
          </ol>
          <form method="post" action="/compte/securite" novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="cle" value={state.enrolment.sealed} />
            <input type="hidden" name="retour" value={retour} />
            <CodeField ctx={ctx} errors={errors} />
            <button type="submit">{t('totp.enrol.submit')}</button>
          </form>
        </>
      )}
    </Layout>
  )
}

function CodeField({ ctx, errors }: { ctx: ViewContext; errors: FieldError[] }) {
  return (
    <TextField
      ctx={ctx}
      name="code"
      label={ctx.t('totp.code.label')}
      hint={ctx.t('totp.code.hint')}
      error={errorFor(errors, 'code')}
      autocomplete="one-time-code"
      spellcheck={false}
    />
  )
}
