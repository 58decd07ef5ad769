import type { ViewContext } from '../../../platform/views/context.ts'
import { formatCount, type Need, type NeedStatus, remaining } from '../need.ts'

const statusKeys = {
  held: 'needs.status.held',
  open: 'needs.status.open',
  met: 'needs.status.met',
  closed: 'needs.status.closed',
  removed: 'needs.status.removed',
} as const satisfies Record<NeedStatus, string>

export function NeedStatusTag({ ctx, status }: { ctx: ViewContext; status: NeedStatus }) {
  return <strong class={`tag tag-${status}`}>{ctx.t(statusKeys[status])}</strong>
}

/**
 * Progress in words first (« 40 reçus, 60 promis sur 100 repas »), then a native progress bar of
 * what was received, named by those words, so a screen reader hears the same thing.
 */
export function Progress({
  ctx,
  need,
  id,
}: {
  ctx: Pick<ViewContext, 't' | 'locale'>
  need: Need
  id: string
}) {
  const { t, locale } = ctx
  const n = (v: number) => formatCount(v, locale)
  const words = t('needs.progress', {
    received: n(need.received),
    pledged: n(need.pledged),
    quantity: n(need.quantity),
    unit: need.unit,
  })
  return (
    <div class="need-progress">
      <p id={id}>{words}</p>
      <progress max={need.quantity} value={Math.min(need.received, need.quantity)} aria-labelledby={id}>
        {words}
      </progress>
      {need.status === 'open' && (
        <p>{t('needs.progress.remaining', { remaining: n(remaining(need)), unit: need.unit })}</p>
      )}
    </div>
  )
}
