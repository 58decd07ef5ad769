import { CommuneInput } from '../../../../platform/geo/CommuneField.tsx'
import type { Commune } from '../../../../platform/geo/commune.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../../platform/views/ErrorSummary.tsx'
import { Checkbox, CsrfField, errorFor, pageTitle, TextField } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'
import type { StaffRole } from '../../identity/account.schema.ts'
import { ROLE_DESCRIPTION, ROLE_LABEL } from '../staff.ts'

export type InvitationStep =
  /** signed in as the invited address: one button */
  | { kind: 'confirm' }
  /** signed in as someone else */
  | { kind: 'other-account' }
  /** the address has an account with a password: sign in first */
  | { kind: 'sign-in'; href: string }
  /** no account yet (new), or one made by an operator that has no password yet */
  | {
      kind: 'form'
      newAccount: boolean
      values: { displayName: string; commune: string; charter: boolean; privacy: boolean }
      choices: Commune[]
    }

interface Props {
  ctx: ViewContext
  invitation: { email: string; role: StaffRole; inviterName: string | null; platform: string }
  /** where the form posts: the link itself, so the token stays in the query string */
  action: string
  step: InvitationStep
  errors: FieldError[]
}

export function InvitationPage({ ctx, invitation, action, step, errors }: Props) {
  const { t } = ctx
  const role = t(ROLE_LABEL[invitation.role])
  const title = t('admin.invitation.title')
  return (
    <Layout
      ctx={ctx}
      title={pageTitle(ctx, title, errors)}
      scripts={step.kind === 'form' && step.newAccount ? ['commune-field.js'] : []}
    >
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {invitation.inviterName
          ? t('admin.invitation.intro', { name: invitation.inviterName, platform: invitation.platform, role })
          : t('admin.invitation.introOperator', { platform: invitation.platform, role })}
      </p>
      <p>{t(ROLE_DESCRIPTION[invitation.role])}</p>
      <p>{t('admin.invitation.secondFactor')}</p>
      {step.kind === 'other-account' && <p class="notice">{t('admin.invitation.otherAccount')}</p>}
      {step.kind === 'sign-in' && (
        <p class="notice">
          {t('admin.invitation.signIn', { email: invitation.email })}{' '}
          <a href={step.href}>{t('admin.invitation.signInLink')}</a>
        </p>
      )}
      {step.kind === 'confirm' && (
        <form method="post" action={action}>
          <CsrfField ctx={ctx} />
          <button type="submit">{t('admin.invitation.accept')}</button>
        </form>
      )}
      {step.kind === 'form' && (
        <form method="post" action={action} novalidate>
          <CsrfField ctx={ctx} />
          <p>{t('admin.invitation.address', { email: invitation.email })}</p>
          {step.newAccount && (
            <>
              <TextField
                ctx={ctx}
                name="displayName"
                label={t('admin.invitation.name')}
                hint={t('admin.invitation.name.hint')}
                error={errorFor(errors, 'displayName')}
                value={step.values.displayName}
                autocomplete="name"
              />
              <CommuneInput
                ctx={ctx}
                label={t('admin.invitation.commune')}
                value={step.values.commune}
                error={errorFor(errors, 'commune')}
                choices={step.choices}
              />
            </>
          )}
          <TextField
            ctx={ctx}
            name="password"
            type="password"
            label={t('admin.invitation.password')}
            hint={t('admin.invitation.password.hint')}
            error={errorFor(errors, 'password')}
            autocomplete="new-password"
          />
          <p>
            <a href="/charte">{t('admin.invitation.readCharter')}</a> ·{' '}
            <a href="/donnees-personnelles">{t('admin.invitation.readPrivacy')}</a>
          </p>
          <Checkbox
            ctx={ctx}
            name="charter"
            label={t('admin.invitation.charter')}
            checked={step.values.charter}
            error={errorFor(errors, 'charter')}
          />
          <Checkbox
            ctx={ctx}
            name="privacy"
            label={t('admin.invitation.privacy')}
            checked={step.values.privacy}
            error={errorFor(errors, 'privacy')}
          />
          <button type="submit">{t('admin.invitation.acceptAndCreate')}</button>
        </form>
      )}
    </Layout>
  )
}

/** A link that is unknown, used, expired or for another platform: all look the same from outside. */
export function InvitationGonePage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('admin.invitation.gone.title')}>
      <h1>{t('admin.invitation.gone.title')}</h1>
      <p>{t('admin.invitation.gone.body')}</p>
    </Layout>
  )
}
