import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { AllocationStatus, RequestStatus } from '../campaign.schema.ts'
import { formatCount, frenchDay } from '../demand-format.ts'
import type { OwnRequest, SupplyAllocation, SupplyPoint } from '../request.repository.ts'
import { PRIORITY_LABEL } from './labels.ts'

export const REQUEST_STATUS_LABEL = {
  open: 'demand.status.open',
  allocated: 'demand.status.allocated',
  collected: 'demand.status.collected',
  cancelled: 'demand.status.cancelled',
  refused: 'demand.status.refused',
} as const satisfies Record<RequestStatus, string>

export const ALLOCATION_STATUS_LABEL = {
  proposed: 'demand.allocationStatus.proposed',
  confirmed: 'demand.allocationStatus.confirmed',
  collected: 'demand.allocationStatus.collected',
  cancelled: 'demand.allocationStatus.cancelled',
} as const satisfies Record<AllocationStatus, string>

export type MyRequest = OwnRequest & { allocations: { allocation: SupplyAllocation; point: SupplyPoint }[] }

/** « Mes demandes de matériel »: each request, where it stands, and where and from when to collect. */
export function MyRequestsPage({
  ctx,
  rows,
  notice,
}: {
  ctx: ViewContext
  rows: MyRequest[]
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={t('demand.mine.title')}>
      {notice && <Confirmation text={notice} />}
      <h1>{t('demand.mine.title')}</h1>
      {rows.length === 0 && <p>{t('demand.mine.none')}</p>}
      <ul class="supply-requests">
        {rows.map(({ request, campaign, allocations }) => (
          <li key={request.id}>
            <h2>{campaign.title}</h2>
            <p>
              {t('demand.mine.line', {
                amount: `${formatCount(request.quantity, locale)} ${campaign.unit}`,
                priority: t(PRIORITY_LABEL[request.priority]),
              })}{' '}
              – <strong>{t(REQUEST_STATUS_LABEL[request.status])}</strong>
              {request.status === 'refused' && request.statusReason && (
                <>. {t('demand.mine.refusedBecause', { reason: request.statusReason })}</>
              )}
            </p>
            {allocations.length > 0 && (
              <ul>
                {allocations.map(({ allocation, point }) => (
                  <li key={allocation.id}>
                    {t(allocation.status === 'collected' ? 'demand.mine.collected' : 'demand.mine.collect', {
                      amount: `${formatCount(allocation.quantity, locale)} ${campaign.unit}`,
                      point: point.name,
                      address: point.address,
                      hours: point.hours,
                      from: allocation.collectFrom ? frenchDay(allocation.collectFrom, locale) : '',
                    })}
                  </li>
                ))}
              </ul>
            )}
            {request.status === 'open' && request.allocated === 0 && (
              <ActionButton
                ctx={ctx}
                action={`/mes-demandes-de-materiel/${request.id}/annuler`}
                label={t('demand.mine.cancel')}
                which={campaign.title}
              />
            )}
          </li>
        ))}
      </ul>
    </Layout>
  )
}
