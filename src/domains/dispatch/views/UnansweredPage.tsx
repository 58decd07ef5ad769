import type { Translate } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Select } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { ScrollRegion } from '../../../platform/views/ScrollRegion.tsx'
import { DELAY_MAX, DELAY_MIN, type UnansweredRow } from '../unanswered.service.ts'
import { dispatchPaths } from './paths.ts'

export function ageText(t: Translate, hours: number): string {
  return hours < 48
    ? t('dispatch.age.hours', { hours })
    : t('dispatch.age.days', { days: Math.floor(hours / 24) })
}

export function inFlightText(t: Translate, count: number): string {
  if (count === 0) return t('dispatch.inFlight.none')
  return count === 1 ? t('dispatch.inFlight.one') : t('dispatch.inFlight.many', { count })
}

interface Props {
  ctx: ViewContext
  rows: UnansweredRow[]
  delayHours: number
  categories: { value: string; label: string }[]
  filters: { category: string; commune: string }
  /** what the delay form sent, when it was refused */
  delay: { value: string; errors: FieldError[] }
  notice: string | null
}

/** The coordinators' list of asks nobody answered, its filters, its delay and « Proposer pour toutes ». */
export function UnansweredPage({ ctx, rows, delayHours, categories, filters, delay, notice }: Props) {
  const { t } = ctx
  const title = t('dispatch.list.title')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, delay.errors)}>
      <p>
        <a href="/administration">{t('admin.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={delay.errors} />
      {notice && <Confirmation text={notice} />}
      <p>{t('dispatch.list.intro', { hours: delayHours })}</p>
      <form method="get" action={dispatchPaths.list} class="filters">
        <fieldset>
          <legend>{t('dispatch.filter.legend')}</legend>
          <Select
            ctx={ctx}
            name="categorie"
            label={t('dispatch.filter.category')}
            value={filters.category}
            placeholder={t('dispatch.filter.all')}
            options={categories}
          />
          <TextField ctx={ctx} name="commune" label={t('dispatch.filter.commune')} value={filters.commune} />
          <button type="submit">{t('dispatch.filter.submit')}</button>
        </fieldset>
      </form>
      {rows.length === 0 ? (
        <p class="notice">{t('dispatch.list.empty')}</p>
      ) : (
        <ScrollRegion label={t('dispatch.list.table')}>
          <table>
            <caption>{t('dispatch.list.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dispatch.col.title')}</th>
                <th scope="col">{t('dispatch.col.category')}</th>
                <th scope="col">{t('dispatch.col.commune')}</th>
                <th scope="col">{t('dispatch.col.age')}</th>
                <th scope="col">{t('dispatch.col.inFlight')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.listingId}>
                  <th scope="row">
                    <a href={dispatchPaths.ask(r.listingId)}>{r.title}</a>
                    {r.urgent && <span class="badge"> {t('dispatch.badge.urgent')}</span>}
                    {r.relayed && <span class="badge"> {t('dispatch.badge.relayed')}</span>}
                  </th>
                  <td>{r.categoryName}</td>
                  <td>{r.communeName}</td>
                  <td>{ageText(t, r.ageHours)}</td>
                  <td>{inFlightText(t, r.inFlight)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {rows.length > 0 && (
        <section>
          <h2>{t('dispatch.bulk.title')}</h2>
          <p>{t('dispatch.bulk.intro')}</p>
          <form method="post" action={dispatchPaths.plans}>
            <CsrfField ctx={ctx} />
            <button type="submit">{t('dispatch.bulk.submit')}</button>
          </form>
        </section>
      )}
      <section>
        <h2>{t('dispatch.delay.title')}</h2>
        <form method="post" action={dispatchPaths.delay} novalidate>
          <CsrfField ctx={ctx} />
          <TextField
            ctx={ctx}
            name="delay"
            label={t('dispatch.delay.label')}
            hint={t('dispatch.delay.hint', { min: DELAY_MIN, max: DELAY_MAX })}
            value={delay.value || String(delayHours)}
            error={delay.errors[0]?.message}
          />
          <button type="submit">{t('dispatch.delay.submit')}</button>
        </form>
      </section>
    </Layout>
  )
}
