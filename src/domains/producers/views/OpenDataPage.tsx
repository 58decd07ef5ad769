import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { OPEN_DATA_COLUMNS } from '../producer-open-data.ts'

/** How the open data of the producers' directory is made: its files and its columns. */
export function OpenDataPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('producers.openData.title')}>
      <h1>{t('producers.openData.title')}</h1>
      <p>{t('producers.openData.intro')}</p>
      <ul>
        <li>
          <a href="/producteurs/donnees.csv">{t('producers.openData.csv')}</a>
        </li>
        <li>
          <a href="/producteurs/donnees.json">{t('producers.openData.json')}</a>
        </li>
      </ul>
      <h2 id="colonnes">{t('producers.openData.columns')}</h2>
      <table aria-labelledby="colonnes">
        <thead>
          <tr>
            <th scope="col">{t('producers.openData.column')}</th>
            <th scope="col">{t('producers.openData.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {OPEN_DATA_COLUMNS.map((c) => (
            <tr key={c.name}>
              <th scope="row">
                <code>{c.name}</code>
              </th>
              <td>{t(c.about)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  )
}
