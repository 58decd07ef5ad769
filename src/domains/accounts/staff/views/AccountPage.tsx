import { formatDateTime } from '../../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../../platform/views/ErrorSummary.tsx'
import { CsrfField, pageTitle } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'
import type { TerritoryAccount } from '../staff.repository.ts'
import { STATUS_LABEL } from '../staff.ts'
import { formatMonth, roleNames } from './format.ts'

interface Props {
  ctx: ViewContext
  account: TerritoryAccount
  /** the account lives on this platform, so its status is this platform's to change */
  home: boolean
  self: boolean
  errors: FieldError[]
}

/** One account as staff see it, with what they may do about it. */
export function AccountPage({ ctx, account, home, self, errors }: Props) {
  const { t, locale } = ctx
  const yes = t('admin.yes')
  const no = t('admin.no')
  const rows: [string, string][] = [
    [t('admin.accounts.col.email'), account.email],
    [t('admin.account.verified'), account.emailVerified ? yes : no],
    [t('admin.accounts.col.commune'), account.communeName ?? account.communeInsee],
    [t('admin.accounts.col.roles'), roleNames(t, account.roles)],
    [t('admin.account.secondFactor'), account.secondFactor ? yes : no],
    [t('admin.accounts.col.status'), t(STATUS_LABEL[account.status])],
    [t('admin.accounts.col.created'), formatMonth(account.createdAt, locale)],
    [
      t('admin.account.lastLogin'),
      account.lastLoginAt ? formatDateTime(account.lastLoginAt, locale) : t('admin.account.never'),
    ],
  ]
  const suspended = account.status === 'suspended'
  const action = `/administration/comptes/${account.id}/${suspended ? 'reactiver' : 'suspendre'}`
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, account.displayName, errors)}>
      <p>
        <a href="/administration/comptes">{t('admin.account.back')}</a>
      </p>
      <h1>{account.displayName}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <dl>
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2 id="status">{t('admin.account.statusTitle')}</h2>
      {!home ? (
        <p class="notice">{t('admin.account.otherTerritory')}</p>
      ) : self ? (
        <p>{t('admin.account.notYourself')}</p>
      ) : (
        <form method="post" action={action}>
          <CsrfField ctx={ctx} />
          <p>{suspended ? t('admin.account.reactivate.hint') : t('admin.account.suspend.hint')}</p>
          <button type="submit" class={suspended ? undefined : 'button-warning'}>
            {suspended ? t('admin.account.reactivate') : t('admin.account.suspend')}
          </button>
        </form>
      )}
      {account.secondFactor && !self && (
        <>
          <h2>{t('admin.account.secondFactor')}</h2>
          <form method="post" action={`/administration/comptes/${account.id}/second-facteur`}>
            <CsrfField ctx={ctx} />
            <p>{t('admin.account.resetSecondFactor.hint')}</p>
            <button type="submit" class="button-warning">
              {t('admin.account.resetSecondFactor')}
            </button>
          </form>
        </>
      )}
    </Layout>
  )
}
