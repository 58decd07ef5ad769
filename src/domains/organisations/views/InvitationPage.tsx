import type { ViewContext } from '../../../platform/views/context.ts'
import { CsrfField } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { MemberRole } from '../organisation.schema.ts'
import { ROLE_LABEL } from './labels.ts'

export type InvitationStep =
  | { kind: 'sign-in'; signIn: string; signUp: string }
  | { kind: 'confirm' }
  | { kind: 'other-account' }

interface Props {
  ctx: ViewContext
  organisation: string
  role: MemberRole
  action: string
  step: InvitationStep
}

/** Joining an organisation from the link of an invitation: nothing changes until the button. */
export function InvitationPage({ ctx, organisation, role, action, step }: Props) {
  const { t } = ctx
  const title = t('organisation.join.title', { organisation })
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('organisation.join.intro', { organisation, role: t(ROLE_LABEL[role]) })}</p>
      {step.kind === 'sign-in' && (
        <>
          <p>{t('organisation.join.signInFirst')}</p>
          <p>
            <a href={step.signIn}>{t('organisation.join.signIn')}</a>
          </p>
          <p>
            <a href={step.signUp}>{t('organisation.join.signUp')}</a>
          </p>
        </>
      )}
      {step.kind === 'other-account' && <p class="notice">{t('organisation.join.otherAccount')}</p>}
      {step.kind === 'confirm' && (
        <form method="post" action={action}>
          <CsrfField ctx={ctx} />
          <button type="submit">{t('organisation.join.accept')}</button>
        </form>
      )}
    </Layout>
  )
}

export function InvitationGonePage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('organisation.join.gone.title')}>
      <h1>{t('organisation.join.gone.title')}</h1>
      <p>{t('organisation.join.gone.body')}</p>
    </Layout>
  )
}
