import { formatDateTime } from '../../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../../platform/views/ErrorSummary.tsx'
import { CsrfField, errorFor, pageTitle, TextField } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'
import { roles } from '../../identity/account.schema.ts'
import type { InvitationRow } from '../invitation.repository.ts'
import type { TeamMember } from '../staff.service.ts'
import { isStaffRole, ROLE_DESCRIPTION, ROLE_LABEL, STATUS_LABEL } from '../staff.ts'

interface Props {
  ctx: ViewContext
  members: TeamMember[]
  invitations: InvitationRow[]
  errors: FieldError[]
  /** what the invitation form sent, kept when it comes back with errors */
  values: { email: string; role: string }
  /** a confirmation after a change: « invitation sent », « role withdrawn » */
  done?: 'sent' | 'revoked' | undefined
}

/** The territory's staff and their roles, invitations waiting for an answer, and the form to invite. */
export function TeamPage({ ctx, members, invitations, errors, values, done }: Props) {
  const { t, locale } = ctx
  const roleError = errorFor(errors, 'role')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, t('admin.team.title'), errors)}>
      <p>
        <a href="/administration">{t('admin.back')}</a>
      </p>
      <h1>{t('admin.team.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {done && <p class="success">{done === 'sent' ? t('admin.team.sent') : t('admin.team.revoked')}</p>}
      <div class="table-scroll" id="team" tabIndex={-1}>
        <table>
          <caption>{t('admin.team.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.accounts.col.name')}</th>
              <th scope="col">{t('admin.accounts.col.email')}</th>
              <th scope="col">{t('admin.team.col.secondFactor')}</th>
              <th scope="col">{t('admin.accounts.col.status')}</th>
              <th scope="col">{t('admin.team.col.roles')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.accountId}>
                <th scope="row">
                  <a href={`/administration/comptes/${m.accountId}`}>{m.displayName}</a>
                </th>
                <td>{m.email}</td>
                <td>{m.secondFactor ? t('admin.team.secondFactor.on') : t('admin.team.secondFactor.off')}</td>
                <td>{t(STATUS_LABEL[m.status])}</td>
                <td>
                  <ul class="results">
                    {m.roles.map((role) => (
                      <li key={role}>
                        {t(ROLE_LABEL[role])}
                        <form method="post" action="/administration/equipe/retirer" class="inline-form">
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="compte" value={m.accountId} />
                          <input type="hidden" name="role" value={role} />{' '}
                          <button type="submit" class="link-button">
                            {t('admin.team.revoke', { role: t(ROLE_LABEL[role]), name: m.displayName })}
                          </button>
                        </form>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('admin.team.pending')}</h2>
      {invitations.length === 0 ? (
        <p>{t('admin.team.noPending')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('admin.team.pendingCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.accounts.col.email')}</th>
                <th scope="col">{t('admin.team.col.role')}</th>
                <th scope="col">{t('admin.team.col.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.email}</th>
                  <td>{isStaffRole(i.role) ? t(ROLE_LABEL[i.role]) : ''}</td>
                  <td>{formatDateTime(i.expiresAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('admin.invite.title')}</h2>
      <p>{t('admin.invite.intro')}</p>
      <form method="post" action="/administration/equipe/inviter" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="email"
          type="email"
          label={t('admin.invite.email')}
          error={errorFor(errors, 'email')}
          value={values.email}
          autocomplete="off"
        />
        <div class={roleError ? 'field field-error' : 'field'}>
          <fieldset aria-describedby={roleError ? 'role-error' : undefined}>
            <legend>{t('admin.invite.role')}</legend>
            {roleError && (
              <span id="role-error" class="error-message">
                <span class="visually-hidden">{t('admin.field.errorPrefix')} </span>
                {roleError}
              </span>
            )}
            {roles.map((role, i) => (
              <div key={role}>
                <label class="choice" for={i === 0 ? 'role' : `role-${role}`}>
                  <input
                    type="radio"
                    name="role"
                    id={i === 0 ? 'role' : `role-${role}`}
                    value={role}
                    checked={values.role === role}
                    aria-describedby={`role-${role}-hint`}
                  />
                  {t(ROLE_LABEL[role])}
                </label>
                <span class="hint" id={`role-${role}-hint`}>
                  {t(ROLE_DESCRIPTION[role])}
                </span>
              </div>
            ))}
          </fieldset>
        </div>
        <button type="submit">{t('admin.invite.submit')}</button>
      </form>
    </Layout>
  )
}
