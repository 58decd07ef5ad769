import type { ViewContext } from '../../../platform/views/context.ts'
import { Select } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { ScrollRegion } from '../../../platform/views/ScrollRegion.tsx'
import type { Organisation } from '../organisation.repository.ts'
import { type OrganisationStatus, organisationKinds, organisationStatuses } from '../organisation.schema.ts'
import { KIND_LABEL, STATUS_LABEL } from './labels.ts'
import { kindText } from './OrganisationPage.tsx'

interface Props {
  ctx: ViewContext
  counts: Record<OrganisationStatus, number>
  organisations: Organisation[]
  filter: { status: string; kind: string }
  communeName: (insee: string) => string
}

/** Staff: the organisations of the territory, those awaiting verification first. */
export function StaffListPage({ ctx, counts, organisations, filter, communeName }: Props) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('organisation.admin.title')}>
      <h1>{t('organisation.admin.title')}</h1>
      <ul class="counts">
        {organisationStatuses.map((s) => (
          <li key={s}>{t('organisation.admin.count', { status: t(STATUS_LABEL[s]), count: counts[s] })}</li>
        ))}
      </ul>
      <form method="get" action="/administration/organisations">
        <Select
          ctx={ctx}
          name="statut"
          label={t('organisation.admin.filter.status')}
          placeholder={t('organisation.admin.filter.all')}
          options={organisationStatuses.map((s) => ({ value: s, label: t(STATUS_LABEL[s]) }))}
          value={filter.status}
        />
        <Select
          ctx={ctx}
          name="type"
          label={t('organisation.admin.filter.kind')}
          placeholder={t('organisation.admin.filter.all')}
          options={organisationKinds.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
          value={filter.kind}
        />
        <button type="submit">{t('organisation.admin.filter.submit')}</button>
      </form>
      {organisations.length === 0 ? (
        <p>{t('organisation.admin.none')}</p>
      ) : (
        <ScrollRegion label={t('organisation.admin.caption')}>
          <table>
            <caption>{t('organisation.admin.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organisation.admin.col.name')}</th>
                <th scope="col">{t('organisation.admin.col.kind')}</th>
                <th scope="col">{t('organisation.admin.col.commune')}</th>
                <th scope="col">{t('organisation.admin.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id}>
                  <td>
                    <a href={`/administration/organisations/${o.id}`}>{o.name}</a>
                  </td>
                  <td>{kindText(ctx, o)}</td>
                  <td>{communeName(o.communeInsee)}</td>
                  <td>{t(STATUS_LABEL[o.status])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  )
}
