import type { ViewContext } from '../../../../platform/views/context.ts'
import { TextField } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'
import type { TerritoryAccount } from '../staff.repository.ts'
import { STATUS_LABEL } from '../staff.ts'
import { formatMonth, roleNames } from './format.ts'

interface Props {
  ctx: ViewContext
  query: string
  page: number
  hasNext: boolean
  accounts: TerritoryAccount[]
}

function pageHref(query: string, page: number): string {
  const params = new URLSearchParams()
  if (query) params.set('q', query)
  if (page > 1) params.set('page', String(page))
  const search = params.toString()
  return `/administration/comptes${search ? `?${search}` : ''}`
}

/** The territory's accounts, newest first, with a search by name or address. */
export function AccountsPage({ ctx, query, page, hasNext, accounts }: Props) {
  const { t, locale } = ctx
  const caption = query
    ? t('admin.accounts.captionSearch', { query, page })
    : t('admin.accounts.caption', { page })
  return (
    <Layout ctx={ctx} title={t('admin.accounts.title')}>
      <p>
        <a href="/administration">{t('admin.back')}</a>
      </p>
      <h1>{t('admin.accounts.title')}</h1>
      <form method="get" action="/administration/comptes">
        <TextField
          ctx={ctx}
          name="q"
          label={t('admin.accounts.search.label')}
          hint={t('admin.accounts.search.hint')}
          value={query}
          autocomplete="off"
          spellcheck={false}
        />
        <button type="submit">{t('admin.accounts.search.submit')}</button>
      </form>
      {accounts.length === 0 ? (
        <p class="notice">{query ? t('admin.accounts.noMatch', { query }) : t('admin.accounts.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.accounts.col.name')}</th>
                <th scope="col">{t('admin.accounts.col.email')}</th>
                <th scope="col">{t('admin.accounts.col.commune')}</th>
                <th scope="col">{t('admin.accounts.col.roles')}</th>
                <th scope="col">{t('admin.accounts.col.status')}</th>
                <th scope="col">{t('admin.accounts.col.created')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <a href={`/administration/comptes/${a.id}`}>{a.displayName}</a>
                  </th>
                  <td>{a.email}</td>
                  <td>{a.communeName ?? a.communeInsee}</td>
                  <td>{roleNames(t, a.roles)}</td>
                  <td>{t(STATUS_LABEL[a.status])}</td>
                  <td>{formatMonth(a.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(page > 1 || hasNext) && (
        <nav aria-label={t('admin.pagination')}>
          <ul class="footer-links">
            {page > 1 && (
              <li>
                <a href={pageHref(query, page - 1)} rel="prev">
                  {t('admin.pagination.previous')}
                </a>
              </li>
            )}
            {hasNext && (
              <li>
                <a href={pageHref(query, page + 1)} rel="next">
                  {t('admin.pagination.next')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </Layout>
  )
}
