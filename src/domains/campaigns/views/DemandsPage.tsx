import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  ActionButton,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { Select } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { priorities, requestStatuses } from '../campaign.schema.ts'
import { formatCount } from '../demand-format.ts'
import type { RequestService } from '../request.service.ts'
import { PRIORITY_LABEL, REQUESTER_LABEL } from './labels.ts'
import { ALLOCATION_STATUS_LABEL, REQUEST_STATUS_LABEL } from './MyRequestsPage.tsx'

/** A select whose id is not its name: every row of the page has one with the same name. */
export function RowSelect(props: {
  ctx: ViewContext
  id: string
  name: string
  label: string
  placeholder: string
  value: string
  error?: string | undefined
  options: { value: string; label: string }[]
}) {
  const { ctx, id, name, label, placeholder, value, error, options } = props
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {error && (
        <span id={`${id}-error`} class="error-message">
          <span class="visually-hidden">{ctx.t('commune.field.errorPrefix')} </span>
          {error}
        </span>
      )}
      <select
        id={id}
        name={name}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? 'true' : undefined}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export type DemandsView = Awaited<ReturnType<RequestService['demands']>>

/** Which row's form was refused, and what was typed, so the page shows it there with its error. */
export interface FailedRowForm {
  id: string
  form: 'priority' | 'refuse'
  priority: string
  reason: string
}

/**
 * Staff's side of a campaign's requests: supply and demand per point, then every request by
 * priority and age, with a form to change its priority or refuse it, and « Remis » or cancel on
 * each confirmed allocation. The row whose form failed carries the plain field ids the summary links to.
 */
export function DemandsPage({
  ctx,
  view,
  errors,
  failed,
  notice,
}: {
  ctx: ViewContext
  view: DemandsView
  errors: FieldError[]
  failed?: FailedRowForm | undefined
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  const { campaign } = view
  const n = (v: number) => formatCount(v, locale)
  const title = t('demand.staff.title', { title: campaign.title })
  const base = `/collectes/${campaign.id}/gestion`
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        <a href={base}>{t('demand.staff.back')}</a> ·{' '}
        <a href={`${base}/repartition`}>{t('demand.staff.toAllocation')}</a>
      </p>
      <h2>{t('demand.balance.title')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('demand.balance.point')}</th>
            <th scope="col">{t('demand.balance.available')}</th>
            <th scope="col">{t('demand.balance.reserved')}</th>
            <th scope="col">{t('demand.balance.demand')}</th>
          </tr>
        </thead>
        <tbody>
          {view.balance.map(({ point, stock, demand }) => (
            <tr key={point.id}>
              <th scope="row">{point.name}</th>
              <td>{n(stock.available)}</td>
              <td>{n(stock.reserved)}</td>
              <td>{n(demand)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('demand.staff.requests')}</h2>
      <form method="get" action={`${base}/demandes`} class="filters">
        <Select
          ctx={ctx}
          name="statut"
          label={t('demand.filter.status')}
          placeholder={t('demand.filter.any')}
          value={view.filter.status}
          options={requestStatuses.map((s) => ({ value: s, label: t(REQUEST_STATUS_LABEL[s]) }))}
        />
        <Select
          ctx={ctx}
          name="point"
          label={t('demand.filter.point')}
          placeholder={t('demand.filter.any')}
          value={view.filter.pointId}
          options={view.points.map((p) => ({ value: p.id, label: p.name }))}
        />
        <button type="submit">{t('demand.filter.submit')}</button>
      </form>
      {view.rows.length === 0 && <p>{t('demand.staff.none')}</p>}
      {view.rows.map(({ request, person, point, allocations }) => {
        const mine = failed?.id === request.id ? failed : undefined
        const id = (field: string) => (mine ? field : `${field}-${request.id}`)
        const live = request.status === 'open' || request.status === 'allocated'
        return (
          <section key={request.id} class="supply-request" aria-labelledby={`request-${request.id}`}>
            <h3 id={`request-${request.id}`}>
              {t('demand.staff.requestHeading', {
                person,
                amount: `${n(request.quantity)} ${campaign.unit}`,
              })}
            </h3>
            <dl>
              <dt>{t('demand.staff.kind')}</dt>
              <dd>{t(REQUESTER_LABEL[request.requesterKind])}</dd>
              <dt>{t('demand.staff.priority')}</dt>
              <dd>
                {t(PRIORITY_LABEL[request.priority])}
                {request.priority !== request.requestedPriority &&
                  ` (${t('demand.staff.asked', { priority: t(PRIORITY_LABEL[request.requestedPriority]) })})`}
              </dd>
              <dt>{t('demand.staff.point')}</dt>
              <dd>{point?.name ?? t('demand.staff.noPoint')}</dd>
              <dt>{t('demand.staff.status')}</dt>
              <dd>
                {t(REQUEST_STATUS_LABEL[request.status])} –{' '}
                {t('demand.staff.counts', {
                  allocated: n(request.allocated),
                  collected: n(request.collected),
                })}
              </dd>
              {request.note && (
                <>
                  <dt>{t('demand.staff.note')}</dt>
                  <dd class="user-text">{request.note}</dd>
                </>
              )}
            </dl>
            {allocations.length > 0 && (
              <ul>
                {allocations.map(({ allocation, point: at }) => (
                  <li key={allocation.id}>
                    {t('demand.staff.allocation', {
                      amount: `${n(allocation.quantity)} ${campaign.unit}`,
                      point: at.name,
                      status: t(ALLOCATION_STATUS_LABEL[allocation.status]),
                    })}
                    {allocation.status === 'confirmed' && (
                      <>
                        <ActionButton
                          ctx={ctx}
                          action={`${base}/attributions/${allocation.id}/remise`}
                          label={t('demand.handout.done')}
                          which={person}
                        />
                        <ActionButton
                          ctx={ctx}
                          action={`${base}/attributions/${allocation.id}/annuler`}
                          label={t('demand.handout.cancel')}
                          which={person}
                        />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {live && (
              <form method="post" action={`${base}/demandes/${request.id}/priorite`} novalidate>
                <CsrfField ctx={ctx} />
                <RowSelect
                  ctx={ctx}
                  id={id('priority')}
                  name="priority"
                  label={t('demand.reprioritise.priority')}
                  placeholder={t('demand.reprioritise.choose')}
                  value={mine?.form === 'priority' ? mine.priority : ''}
                  error={mine?.form === 'priority' ? errorFor(errors, 'priority') : undefined}
                  options={priorities.map((p) => ({ value: p, label: t(PRIORITY_LABEL[p]) }))}
                />
                <TextField
                  ctx={ctx}
                  name="reason"
                  id={mine?.form === 'priority' ? 'reason' : `reason-${request.id}`}
                  label={t('demand.reprioritise.reason')}
                  value={mine?.form === 'priority' ? mine.reason : ''}
                  error={mine?.form === 'priority' ? errorFor(errors, 'reason') : undefined}
                />
                <button type="submit">
                  {t('demand.reprioritise.submit')}
                  <span class="visually-hidden"> {person}</span>
                </button>
              </form>
            )}
            {request.status === 'open' && request.allocated === 0 && (
              <form method="post" action={`${base}/demandes/${request.id}/refus`} novalidate>
                <CsrfField ctx={ctx} />
                <TextField
                  ctx={ctx}
                  name="refuseReason"
                  id={mine?.form === 'refuse' ? 'refuseReason' : `refuseReason-${request.id}`}
                  label={t('demand.refuse.reason')}
                  value={mine?.form === 'refuse' ? mine.reason : ''}
                  error={mine?.form === 'refuse' ? errorFor(errors, 'refuseReason') : undefined}
                />
                <button type="submit">
                  {t('demand.refuse.submit')}
                  <span class="visually-hidden"> {person}</span>
                </button>
              </form>
            )}
          </section>
        )
      })}
    </Layout>
  )
}
