import type { SectionProps } from '../../dashboard-data.ts'
import { FigureList } from './FigureList.tsx'

/** Active volunteers and sign-ups; a small count of volunteers for a commune or a category is « < 5 ». */
export function VolunteersSection({ ctx, rows, data }: SectionProps) {
  return (
    <>
      <FigureList rows={rows} />
      {data.volunteersHidden && <p class="hint">{ctx.t('dashboard.smallCounts')}</p>}
    </>
  )
}
