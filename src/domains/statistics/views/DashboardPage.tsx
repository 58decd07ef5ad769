import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, pageTitle } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { DashboardData } from '../dashboard-data.ts'
import { isEmpty, sections } from '../sections.ts'
import { FilterForm, type FilterOptions, type FilterValues } from './FilterForm.tsx'
import { dashboardPaths } from './paths.ts'

interface Props {
  ctx: ViewContext
  values: FilterValues
  options: FilterOptions
  errors: FieldError[]
  /** null when the filter was refused: nothing is computed */
  data: DashboardData | null
  /** the filter as address parameters, for the exports and « voir toutes » */
  query: string
  /** what the filter is, in words (« de janvier à décembre 2026, à Caen ») */
  scope: string
  allCommunes: boolean
  notice: string | null
}

/** The staff's bilan: the filter, when the figures were drawn, the exports, then each section. */
export function DashboardPage({
  ctx,
  values,
  options,
  errors,
  data,
  query,
  scope,
  allCommunes,
  notice,
}: Props) {
  const { t } = ctx
  const title = t('dashboard.title')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <p>
        <a href="/administration">{t('admin.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice && <Confirmation text={notice} />}
      <FilterForm ctx={ctx} values={values} options={options} errors={errors} />
      <div class="bilan-asof">
        <p>
          {data?.figures.asOf
            ? t('dashboard.asOf', { when: formatDateTime(data.figures.asOf, ctx.locale) })
            : t('dashboard.asOf.never')}
        </p>
        <form method="post" action={dashboardPaths.refresh}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="filtre" value={query} />
          <button type="submit" class="secondary">
            {t('dashboard.refresh')}
          </button>
        </form>
      </div>
      {data && (
        <>
          <p class="bilan-scope">{scope}</p>
          <p class="bilan-exports">
            {t('dashboard.export.intro')}{' '}
            <a href={`${dashboardPaths.csv}?${query}`}>{t('dashboard.export.csv')}</a>
            {' · '}
            <a href={`${dashboardPaths.xlsx}?${query}`}>{t('dashboard.export.xlsx')}</a>
          </p>
          {sections.map((section) => (
            <section
              key={section.id}
              id={section.id}
              aria-labelledby={`${section.id}-titre`}
              class="bilan-section"
            >
              <h2 id={`${section.id}-titre`}>{t(section.heading)}</h2>
              {isEmpty(section, data) ? (
                <p class="notice">{t('dashboard.nothing')}</p>
              ) : (
                <section.View
                  ctx={ctx}
                  data={data}
                  rows={section.figures?.(t, data) ?? []}
                  query={query}
                  allCommunes={allCommunes}
                />
              )}
            </section>
          ))}
        </>
      )}
    </Layout>
  )
}
