import type { SectionProps } from '../../dashboard-data.ts'
import { FigureList } from './FigureList.tsx'

/** A section told by its counts alone (organisations, missions, material needs, supply campaigns). */
export function CountsSection({ rows }: SectionProps) {
  return <FigureList rows={rows} />
}
