import { type ReviewCause, reviewCauses, reviewSubjects } from '../../../platform/review/review.schema.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, errorFor, pageTitle } from '../../../platform/views/fields.tsx'
import { Select } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { ScrollRegion } from '../../../platform/views/ScrollRegion.tsx'
import type { QueueView } from '../queue.service.ts'
import type { QueueFilter } from '../queue.ts'
import { causeKeys, kindKeys } from '../queue.ts'
import { queuePaths } from './paths.ts'
import { ageText, reportsText, whyText } from './why.tsx'

/** The filter as typed, kept on a page with errors so the person sees what they asked for. */
export interface FilterValues {
  cause: string
  kind: string
  sort: string
}

function pageLink(filter: QueueFilter, page: number): string {
  const q = new URLSearchParams()
  if (filter.cause) q.set('cause', filter.cause)
  if (filter.kind) q.set('kind', filter.kind)
  if (filter.sort !== 'serious') q.set('sort', filter.sort)
  if (page > 1) q.set('page', String(page))
  const s = q.toString()
  return s ? `${queuePaths.queue}?${s}` : queuePaths.queue
}

function Counts({ ctx, counts }: { ctx: ViewContext; counts: Map<ReviewCause, number> }) {
  const { t } = ctx
  const present = reviewCauses.filter((c) => (counts.get(c) ?? 0) > 0)
  if (present.length === 0) return null
  return (
    <ul class="queue-counts" aria-label={t('queue.counts')}>
      {present.map((c) => (
        <li key={c}>
          <a href={`${queuePaths.queue}?cause=${c}`}>
            {t(causeKeys[c])} : {counts.get(c)}
          </a>
        </li>
      ))}
    </ul>
  )
}

/** The territory's one queue: the most serious first, filters in the address, every row in words. */
export function QueuePage(props: {
  ctx: ViewContext
  view: QueueView | null
  filter: QueueFilter
  values: FilterValues
  errors: FieldError[]
  now: Date
  notice?: string | undefined
}) {
  const { ctx, view, filter, values, errors, now, notice } = props
  const { t } = ctx
  const title = t('queue.title')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      <p>
        <a href="/administration">{t('admin.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action={queuePaths.queue} class="queue-filters">
        <Select
          ctx={ctx}
          name="cause"
          label={t('queue.filter.cause')}
          placeholder={t('queue.filter.allCauses')}
          options={reviewCauses.map((c) => ({ value: c, label: t(causeKeys[c]) }))}
          value={values.cause}
          error={errorFor(errors, 'cause')}
        />
        <Select
          ctx={ctx}
          name="kind"
          label={t('queue.filter.kind')}
          placeholder={t('queue.filter.allKinds')}
          options={reviewSubjects.map((k) => ({ value: k, label: t(kindKeys[k]) }))}
          value={values.kind}
          error={errorFor(errors, 'kind')}
        />
        <Select
          ctx={ctx}
          name="sort"
          label={t('queue.filter.sort')}
          placeholder={t('queue.sort.serious')}
          options={[{ value: 'newest', label: t('queue.sort.newest') }]}
          value={values.sort === 'serious' ? '' : values.sort}
          error={errorFor(errors, 'sort')}
        />
        <button type="submit">{t('queue.filter.submit')}</button>
      </form>
      {view && (
        <>
          <p>
            {view.total === 0
              ? t('queue.empty')
              : t(view.total === 1 ? 'queue.summary.one' : 'queue.summary.many', { count: view.total })}
          </p>
          <Counts ctx={ctx} counts={view.counts} />
          {view.rows.length > 0 && (
            <ScrollRegion label={title}>
              <table>
                <caption class="visually-hidden">{t('queue.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('queue.col.what')}</th>
                    <th scope="col">{t('queue.col.why')}</th>
                    <th scope="col">{t('queue.col.reports')}</th>
                    <th scope="col">{t('queue.col.age')}</th>
                    <th scope="col">{t('queue.col.holder')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.rows.map(({ item, holderName }) => (
                    <tr key={item.id}>
                      <th scope="row">
                        <a href={queuePaths.item(item.id)}>
                          {t(kindKeys[item.subjectKind])}
                          {item.label && <> « {item.label} »</>}
                        </a>
                      </th>
                      <td>{whyText(ctx, item)}</td>
                      <td>{reportsText(ctx, item.reportCount)}</td>
                      <td>{ageText(ctx, item.createdAt, now)}</td>
                      <td>
                        {holderName === null ? t('queue.free') : t('queue.heldBy', { name: holderName })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {(filter.page > 1 || view.hasNext) && (
            <nav aria-label={t('queue.pages')} class="pager">
              {filter.page > 1 && <a href={pageLink(filter, filter.page - 1)}>{t('queue.previous')}</a>}{' '}
              {view.hasNext && <a href={pageLink(filter, filter.page + 1)}>{t('queue.next')}</a>}
            </nav>
          )}
        </>
      )}
    </Layout>
  )
}
