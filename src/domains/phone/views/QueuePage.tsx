import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ErrorSummary } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Select } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { ScrollRegion } from '../../../platform/views/ScrollRegion.tsx'
import { originKeys, type QueueGroup, queueGroups, viewReasonKeys, viewReasons } from '../case.ts'
import type { QueueItem } from '../queue.service.ts'
import { linePaths } from './paths.ts'

const groupTitle = {
  alert: 'phone.queue.group.alert',
  decide: 'phone.queue.group.decide',
  late: 'phone.queue.group.late',
  other: 'phone.queue.group.other',
} as const
/** One and several, since the catalogue has no plural rules. */
const groupCount = {
  alert: ['phone.queue.count.alert.one', 'phone.queue.count.alert.many'],
  decide: ['phone.queue.count.decide.one', 'phone.queue.count.decide.many'],
  late: ['phone.queue.count.late.one', 'phone.queue.count.late.many'],
  other: ['phone.queue.count.other.one', 'phone.queue.count.other.many'],
} as const

export interface SearchView {
  values: { name: string; phone: string; commune: string; reason: string }
  errors: FieldError[]
  /** null before a search */
  people: { id: string; name: string; communeName: string }[] | null
}

function SearchForm({ ctx, search }: { ctx: ViewContext; search: SearchView }) {
  const { t } = ctx
  const { values, errors } = search
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">{t('phone.search.title')}</h2>
      <p>{t('phone.search.intro')}</p>
      <form method="post" action={linePaths.search} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="name"
          label={t('phone.search.name')}
          value={values.name}
          error={errorFor(errors, 'name')}
        />
        <TextField
          ctx={ctx}
          name="phone"
          type="tel"
          label={t('phone.search.phone')}
          hint={t('phone.search.phoneHint')}
          value={values.phone}
          error={errorFor(errors, 'phone')}
        />
        <TextField
          ctx={ctx}
          name="commune"
          id="searchCommune"
          label={t('phone.search.commune')}
          value={values.commune}
          error={errorFor(errors, 'searchCommune')}
        />
        <Select
          ctx={ctx}
          name="reason"
          label={t('phone.reason.label')}
          hint={t('phone.reason.hint')}
          placeholder={t('phone.reason.followUp')}
          options={viewReasons
            .filter((r) => r !== 'follow-up')
            .map((r) => ({ value: r, label: t(viewReasonKeys[r]) }))}
          value={values.reason}
        />
        <button type="submit">{t('phone.search.submit')}</button>
      </form>
      {search.people && (
        <section class="phone-results" aria-labelledby="results-title">
          <h3 id="results-title">{t('phone.search.results', { count: search.people.length })}</h3>
          <ul>
            {search.people.map((p) => (
              <li key={p.id}>
                <a href={`${linePaths.person(p.id)}?motif=${values.reason || 'follow-up'}`}>{p.name}</a> ·{' '}
                {p.communeName}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  )
}

function Group({ ctx, group, items }: { ctx: ViewContext; group: QueueGroup; items: QueueItem[] }) {
  const { t, locale } = ctx
  return (
    <section aria-labelledby={`group-${group}`}>
      <h2 id={`group-${group}`}>{t(groupTitle[group], { count: items.length })}</h2>
      <ScrollRegion label={t(groupTitle[group], { count: items.length })}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('phone.queue.col.person')}</th>
              <th scope="col">{t('phone.queue.col.commune')}</th>
              <th scope="col">{t('phone.queue.col.origin')}</th>
              <th scope="col">{t('phone.queue.col.opened')}</th>
              <th scope="col">{t('phone.queue.col.responses')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.caseId}>
                <th scope="row">
                  <a href={linePaths.case(item.caseId)}>{item.personName}</a>
                  <span class="hint"> {item.summary}</span>
                </th>
                <td>{item.communeName}</td>
                <td>{t(originKeys[item.origin])}</td>
                <td>{formatDateTime(item.openedAt, locale)}</td>
                <td>
                  {item.pending > 0
                    ? t('phone.queue.pending', { count: item.pending })
                    : item.firstResponseAt
                      ? t('phone.queue.answered')
                      : t('phone.queue.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  )
}

/** The line's home: the queue by group, counted in words, and the search. */
export function QueuePage(props: {
  ctx: ViewContext
  items: QueueItem[]
  search: SearchView
  canConfigure: boolean
  delayHours: number
  notice?: string | undefined
}) {
  const { ctx, items, search, canConfigure, delayHours, notice } = props
  const { t } = ctx
  const title = t('phone.title')
  const groups = queueGroups.map((g) => ({ group: g, items: items.filter((i) => i.group === g) }))
  const counts = groups
    .filter((g) => g.items.length > 0)
    .map((g) => t(groupCount[g.group][g.items.length === 1 ? 0 : 1], { count: g.items.length }))
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, search.errors)}>
      {notice && <Confirmation text={notice} />}
      <p>
        <a href="/administration">{t('admin.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={search.errors} />
      <p>
        <a href={linePaths.newPerson} class="button">
          {t('phone.person.new')}
        </a>
        {canConfigure && (
          <>
            {' '}
            <a href={linePaths.settings}>{t('phone.settings.title')}</a>
          </>
        )}
      </p>
      <p>
        {items.length === 0
          ? t('phone.queue.empty')
          : t(items.length === 1 ? 'phone.queue.summary.one' : 'phone.queue.summary.many', {
              count: items.length,
              detail: counts.join(', '),
            })}{' '}
        {t('phone.queue.delay', { hours: delayHours })}
      </p>
      {groups.map((g) =>
        g.items.length > 0 ? <Group key={g.group} ctx={ctx} group={g.group} items={g.items} /> : null,
      )}
      <SearchForm ctx={ctx} search={search} />
    </Layout>
  )
}
