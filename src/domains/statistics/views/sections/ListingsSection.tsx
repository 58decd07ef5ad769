import type { SectionProps } from '../../dashboard-data.ts'
import { FigureList } from './FigureList.tsx'

/** Asks and offers: posted, answered, fulfilled, how fast; the medians come from hour bands. */
export function ListingsSection({ ctx, rows }: SectionProps) {
  return (
    <>
      <FigureList rows={rows} />
      <p class="hint">{ctx.t('dashboard.listings.medianNote')}</p>
    </>
  )
}
