import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { ReviewItemRow } from '../queue.repository.ts'
import { causeKeys } from '../queue.ts'
import { ageOf } from './paths.ts'

/** The codes the sources give (the free-help rule's reasons, the reports' reasons), said in words. */
const detailKeys: Record<string, MessageKey> = {
  price: 'queue.detail.price',
  payment: 'queue.detail.payment',
  bank: 'queue.detail.bank',
  sale: 'queue.detail.sale',
  'paid-work': 'queue.detail.paid-work',
  commerce: 'queue.detail.commerce',
  scam: 'queue.detail.scam',
  abuse: 'queue.detail.abuse',
  danger: 'queue.detail.danger',
  other: 'queue.detail.other',
}

/** Why an item waits: its cause, then its codes in words (a code this version does not know is left out). */
export function whyText(ctx: ViewContext, item: ReviewItemRow): string {
  const { t } = ctx
  const details = item.details.flatMap((d) => (Object.hasOwn(detailKeys, d) ? [t(detailKeys[d]!)] : []))
  return details.length > 0 ? `${t(causeKeys[item.cause])} : ${details.join(', ')}` : t(causeKeys[item.cause])
}

export function ageText(ctx: ViewContext, createdAt: Date, now: Date): string {
  const age = ageOf(createdAt, now)
  return age.unit === 'hours'
    ? ctx.t(age.count <= 1 ? 'queue.age.hour' : 'queue.age.hours', { count: age.count })
    : ctx.t('queue.age.days', { count: age.count })
}

export function reportsText(ctx: ViewContext, n: number): string {
  if (n === 0) return ctx.t('queue.reports.none')
  return ctx.t(n === 1 ? 'queue.reports.one' : 'queue.reports.many', { count: n })
}
