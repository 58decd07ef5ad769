import { PASSWORD_MIN } from '../../../../platform/auth/passwords.ts'
import { CommuneInput } from '../../../../platform/geo/CommuneField.tsx'
import type { Commune } from '../../../../platform/geo/commune.ts'
import type { Territory } from '../../../../platform/tenancy/territory.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../../platform/views/ErrorSummary.tsx'
import { Checkbox, CsrfField, errorFor, pageTitle, TextField } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'

/** What the form shows again after an error: everything typed, but never the password. */
export interface SignUpValues {
  displayName: string
  email: string
  commune: string
  phone: string
  charter: boolean
  privacy: boolean
}

export const emptySignUp: SignUpValues = {
  displayName: '',
  email: '',
  commune: '',
  phone: '',
  charter: false,
  privacy: false,
}

interface Props {
  ctx: ViewContext
  territory: Territory
  values: SignUpValues
  errors: FieldError[]
  /** communes the typed text fits, when it fits several: the field becomes a choice */
  choices: Commune[]
  /** the local page to go back to once the address is confirmed (already checked) */
  retour?: string
}

/** A link that opens beside the form, so that reading the charter does not lose what was typed. */
function NewTabLink({ ctx, href, text }: { ctx: ViewContext; href: string; text: string }) {
  return (
    <a href={href} target="_blank" rel="noopener">
      {text} {ctx.t('signup.newTab')}
    </a>
  )
}

export function SignUpPage({ ctx, territory: _territory, values, errors, choices, retour = '/' }: Props) {
  const { t } = ctx
  const back = retour === '/' ? '' : `?retour=${encodeURIComponent(retour)}`
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, t('signup.title'), errors)} scripts={['commune-field.js']}>
      <h1>{t('signup.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('signup.intro')}</p>
      <p>
        {t('signup.haveAccount')} <a href={`/connexion${back}`}>{t('signup.loginLink')}</a>
      </p>
      <form method="post" action="/inscription" novalidate>
        <CsrfField ctx={ctx} />
        {retour !== '/' && <input type="hidden" name="retour" value={retour} />}
        <TextField
          ctx={ctx}
          name="displayName"
          label={t('signup.displayName.label')}
          hint={t('signup.displayName.hint')}
          value={values.displayName}
          error={errorFor(errors, 'displayName')}
          autocomplete="nickname"
        />
        <TextField
          ctx={ctx}
          name="email"
          type="email"
          label={t('signup.email.label')}
          hint={t('signup.email.hint')}
          value={values.email}
          error={errorFor(errors, 'email')}
          autocomplete="email"
        />
        <TextField
          ctx={ctx}
          name="password"
          type="password"
          label={t('signup.password.label')}
          hint={t('signup.password.hint', { min: PASSWORD_MIN })}
          error={errorFor(errors, 'password')}
          autocomplete="new-password"
        />
        <CommuneInput
          ctx={ctx}
          label={t('signup.commune.label')}
          hint={t('signup.commune.hint')}
          value={values.commune}
          error={errorFor(errors, 'commune')}
          choices={choices}
        />
        <TextField
          ctx={ctx}
          name="phone"
          type="tel"
          label={t('signup.phone.label')}
          hint={t('signup.phone.hint')}
          value={values.phone}
          error={errorFor(errors, 'phone')}
          autocomplete="tel"
        />
        <Checkbox
          ctx={ctx}
          name="charter"
          checked={values.charter}
          error={errorFor(errors, 'charter')}
          label={
            <>
              {t('signup.charter.label')}{' '}
              <NewTabLink ctx={ctx} href="/charte" text={t('signup.charter.link')} />
            </>
          }
        />
        <Checkbox
          ctx={ctx}
          name="privacy"
          checked={values.privacy}
          error={errorFor(errors, 'privacy')}
          label={
            <>
              {t('signup.privacy.label')}{' '}
              <NewTabLink ctx={ctx} href="/donnees-personnelles" text={t('signup.privacy.link')} />
            </>
          }
        />
        <button type="submit">{t('signup.submit')}</button>
      </form>
    </Layout>
  )
}
