import { tokenScopes } from '../../../../platform/auth/scopes.ts'
import { formatDateTime } from '../../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../../platform/views/ErrorSummary.tsx'
import { ActionButton, Choices, Confirmation, TextField } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'
import { scopeLabel, scopeLabels } from '../token-scopes.ts'
import { TOKEN_NAME_MAX, type TokenView } from '../tokens.service.ts'

interface Props {
  ctx: ViewContext
  tokens: TokenView[]
  values: { name: string; scopes: string[] }
  errors: FieldError[]
  /** a token was just revoked */
  revoked: boolean
}

export function TokensPage({ ctx, tokens, values, errors, revoked }: Props) {
  const { t, locale } = ctx
  const title = t('tokens.title')
  const scopes = (token: TokenView) =>
    token.scopes.map((s) => {
      const key = scopeLabel(s)
      return key ? t(key) : s
    })
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${t('error.summaryTitle')} – ${title}` : title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {revoked && <Confirmation text={t('tokens.revoked')} />}
      <p>{t('tokens.intro')}</p>
      {tokens.length === 0 ? (
        <p>{t('tokens.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('tokens.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.scopes')}</th>
                <th scope="col">{t('tokens.created')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">{t('tokens.action')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>{scopes(token).join(', ')}</td>
                  <td>{formatDateTime(token.createdAt, locale)}</td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('tokens.never')}</td>
                  <td>
                    <ActionButton
                      ctx={ctx}
                      action={`/compte/jetons/${token.id}/revoquer`}
                      label={t('tokens.revoke')}
                      which={t('tokens.revokeWhich', { name: token.name })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('tokens.new.title')}</h2>
      <form method="post" action="/compte/jetons" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <TextField
          ctx={ctx}
          name="name"
          label={t('tokens.name.label')}
          hint={t('tokens.name.hint')}
          value={values.name}
          error={errors.find((e) => e.field === 'name')?.message}
          autocomplete="off"
          maxLength={TOKEN_NAME_MAX}
        />
        <Choices
          ctx={ctx}
          type="checkbox"
          id="scopes"
          name="scopes"
          legend={t('tokens.scopes.legend')}
          options={tokenScopes.map((scope) => ({ value: scope, label: t(scopeLabels[scope]) }))}
          checked={values.scopes}
          error={errors.find((e) => e.field === 'scopes')?.message}
        />
        <button type="submit">{t('tokens.create')}</button>
      </form>
      <p>
        <a href="/compte">{t('profile.back')}</a>
      </p>
    </Layout>
  )
}
