import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  ActionButton,
  Choices,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { localDay } from '../../../platform/views/format.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { MemberView } from '../member.service.ts'
import type { MemberRole } from '../organisation.schema.ts'
import { ROLE_LABEL } from './labels.ts'
import { NoticesForm } from './MyOrganisationsPage.tsx'

interface Props {
  ctx: ViewContext
  organisation: { id: string; name: string }
  role: MemberRole
  members: MemberView[]
  invitations: { id: string; email: string; role: MemberRole; expiresAt: Date }[]
  values: { email: string; role: string }
  errors: FieldError[]
  notice?: string | undefined
  /** a change refused, such as the last manager leaving */
  problem?: string | undefined
}

export function MembersPage({
  ctx,
  organisation,
  role,
  members,
  invitations,
  values,
  errors,
  notice,
  problem,
}: Props) {
  const { t } = ctx
  const base = `/organisations/${organisation.id}/membres`
  const title = t('organisation.members.title', { name: organisation.name })
  const manager = role === 'manager'
  const me = members.find((m) => m.self)
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      {problem && (
        <div class="error-summary" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        <a href={`/organisations/${organisation.id}`}>
          {t('organisation.members.back', { name: organisation.name })}
        </a>
      </p>
      <table>
        <caption>{t('organisation.members.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organisation.members.col.name')}</th>
            <th scope="col">{t('organisation.members.col.role')}</th>
            {manager && <th scope="col">{t('organisation.members.col.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.accountId}>
              <td>{m.self ? t('organisation.members.you', { name: m.displayName }) : m.displayName}</td>
              <td>{t(ROLE_LABEL[m.role])}</td>
              {manager && (
                <td>
                  <ActionButton
                    ctx={ctx}
                    action={`${base}/${m.accountId}/role?role=${m.role === 'manager' ? 'member' : 'manager'}`}
                    label={t(
                      m.role === 'manager' ? 'organisation.members.demote' : 'organisation.members.promote',
                    )}
                    which={m.displayName}
                  />
                  {!m.self && (
                    <ActionButton
                      ctx={ctx}
                      action={`${base}/${m.accountId}/retirer`}
                      label={t('organisation.members.remove')}
                      which={m.displayName}
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {me && (
        <>
          <h2>{t('organisation.notices.title')}</h2>
          <NoticesForm
            ctx={ctx}
            organisationId={organisation.id}
            name={organisation.name}
            value={me.signupNotices}
          />
          <h2>{t('organisation.members.leaveTitle')}</h2>
          <ActionButton
            ctx={ctx}
            action={`${base}/quitter`}
            label={t('organisation.members.leave')}
            which={organisation.name}
          />
        </>
      )}
      {manager && (
        <>
          <h2>{t('organisation.invite.title')}</h2>
          <form method="post" action={`${base}/inviter`} novalidate>
            <CsrfField ctx={ctx} />
            <TextField
              ctx={ctx}
              name="email"
              type="email"
              label={t('organisation.invite.email.label')}
              hint={t('organisation.invite.email.hint')}
              value={values.email}
              error={errorFor(errors, 'email')}
            />
            <Choices
              ctx={ctx}
              id="role"
              name="role"
              type="radio"
              legend={t('organisation.invite.role.legend')}
              error={errorFor(errors, 'role')}
              options={[
                { value: 'member', label: t('organisation.role.member') },
                { value: 'manager', label: t('organisation.role.manager') },
              ]}
              checked={[values.role]}
            />
            <button type="submit">{t('organisation.invite.submit')}</button>
          </form>
          <h2>{t('organisation.invitations.title')}</h2>
          {invitations.length === 0 && <p>{t('organisation.invitations.none')}</p>}
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                {t('organisation.invitations.item', {
                  email: i.email,
                  role: t(ROLE_LABEL[i.role]),
                  date: localDay(i.expiresAt, ctx.locale),
                })}{' '}
                <ActionButton
                  ctx={ctx}
                  action={`${base}/invitations/${i.id}/annuler`}
                  label={t('organisation.invitations.revoke')}
                  which={i.email}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  )
}
