import { localised } from '../../../platform/tenancy/territory.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { Category } from '../category.ts'
import { CategoryIcon } from '../icons.tsx'

interface Props {
  ctx: ViewContext
  categories: Category[]
  saved: boolean
}

/** The territory's categories in order, each with its buttons: every change is a POST form. */
export function CategoriesPage({ ctx, categories, saved }: Props) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={t('category.admin.title')}>
      <p>
        <a href="/administration">{t('admin.back')}</a>
      </p>
      <h1>{t('category.admin.title')}</h1>
      {saved && <Confirmation text={t('category.saved')} />}
      <p>{t('category.admin.intro')}</p>
      <p>
        <a href="/administration/categories/nouvelle" class="button">
          {t('category.admin.add')}
        </a>
      </p>
      <div class="table-scroll">
        <table>
          <caption>{t('category.admin.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('category.col.name')}</th>
              <th scope="col">{t('category.col.flags')}</th>
              <th scope="col">{t('category.col.status')}</th>
              <th scope="col">{t('category.col.order')}</th>
              <th scope="col">{t('category.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => {
              const name = localised(c.name, locale)
              const base = `/administration/categories/${c.id}`
              return (
                <tr key={c.id}>
                  <th scope="row">
                    <CategoryIcon name={c.icon} /> {name}
                  </th>
                  <td>
                    {[
                      c.crisis && t('category.flag.crisis'),
                      c.needsVerifiedVolunteer && t('category.flag.verified'),
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </td>
                  <td>{c.active ? t('category.status.active') : t('category.status.inactive')}</td>
                  <td>
                    {i > 0 && (
                      <ActionButton
                        ctx={ctx}
                        action={`${base}/monter`}
                        label={t('category.moveUp')}
                        which={name}
                      />
                    )}
                    {i < categories.length - 1 && (
                      <ActionButton
                        ctx={ctx}
                        action={`${base}/descendre`}
                        label={t('category.moveDown')}
                        which={name}
                      />
                    )}
                  </td>
                  <td>
                    <a href={base}>
                      {t('category.edit')}
                      <span class="visually-hidden"> {name}</span>
                    </a>{' '}
                    {c.active ? (
                      <ActionButton
                        ctx={ctx}
                        action={`${base}/desactiver`}
                        label={t('category.deactivate')}
                        which={name}
                      />
                    ) : (
                      <ActionButton
                        ctx={ctx}
                        action={`${base}/activer`}
                        label={t('category.activate')}
                        which={name}
                      />
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </Layout>
  )
}
