import type { SectionProps } from '../../dashboard-data.ts'
import { FigureList } from './FigureList.tsx'

/** Calls to isolated people, or phone-line cases: the total, then one figure per outcome. */
export function OutcomesSection({ rows }: SectionProps) {
  return <FigureList rows={rows} />
}
