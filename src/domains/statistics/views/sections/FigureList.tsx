import type { FigureRow } from '../../dashboard-data.ts'

/** A section's headline figures: each value under its words, as a description list. */
export function FigureList({ rows }: { rows: FigureRow[] }) {
  return (
    <dl class="bilan-figures">
      {rows.map((r) => (
        <div key={r.label}>
          <dt>{r.label}</dt>
          <dd>{r.shown}</dd>
        </div>
      ))}
    </dl>
  )
}
