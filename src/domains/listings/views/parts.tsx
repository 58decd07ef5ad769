import type { ViewContext } from '../../../platform/views/context.ts'
import { showDay } from '../../../platform/views/format.ts'
import type { ListingStatus, ListingView } from '../listing.ts'

/** When the help is needed or offered, in one sentence. */
export function whenText(ctx: ViewContext, when: ListingView['when']): string {
  const { t, locale } = ctx
  if (when.kind === 'date') return t('listing.show.date', { date: showDay(when.start, locale) })
  if (when.kind === 'period')
    return t('listing.show.period', { start: showDay(when.start, locale), end: showDay(when.end, locale) })
  if (when.kind === 'recurring') return t('listing.show.recurring', { text: when.recurrence ?? '' })
  return t('listing.show.flexible')
}

const statusKeys = {
  held: 'listing.status.held',
  published: 'listing.status.published',
  fulfilled: 'listing.status.fulfilled',
  closed: 'listing.status.closed',
  expired: 'listing.status.expired',
  removed: 'listing.status.removed',
} as const satisfies Record<ListingStatus, string>

export function StatusTag({ ctx, status }: { ctx: ViewContext; status: ListingStatus }) {
  return (
    <strong class={`tag tag-${status}`}>
      {ctx.t('listing.status.label', { status: ctx.t(statusKeys[status]) })}
    </strong>
  )
}
