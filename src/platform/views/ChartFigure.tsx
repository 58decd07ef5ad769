import { frNumber } from '../charts/format.ts'
import { ScrollRegion } from './ScrollRegion.tsx'

export interface ChartTable {
  columns: string[]
  /** Cells already formatted by the caller (« 1 234 », « < 5 »); a bare number is written the French way. */
  rows: (string | number)[][]
}

/**
 * A chart of the bilan with the same data as a table, for whoever does not see the chart, copies
 * the figures, or reads on a narrow screen: the table scrolls in its own box, the SVG shrinks to
 * the width. The SVG is our own markup from platform/charts (escaped there), never a caller's text.
 * The figcaption comes last because a figure's caption must be its first or last child, and the
 * heading opens the figure so that it appears in the page's outline.
 */
export function ChartFigure(props: {
  id: string
  title: string
  headingLevel?: 2 | 3 | 4
  description: string
  svg: string
  table: ChartTable
}) {
  const Heading = `h${props.headingLevel ?? 3}` as 'h2' | 'h3' | 'h4'
  const [first, ...others] = props.table.columns
  return (
    <figure class="chart-figure" id={props.id} aria-labelledby={`${props.id}-title`}>
      <Heading id={`${props.id}-title`}>{props.title}</Heading>
      {/* SVG built and escaped by platform/charts */}
      <div class="chart-figure-svg" dangerouslySetInnerHTML={{ __html: props.svg }} />
      <ScrollRegion label={props.title}>
        <table>
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              {others.map((column) => (
                <th scope="col" class="num">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.table.rows.map(([head, ...cells]) => (
              <tr>
                <th scope="row">{cell(head)}</th>
                {cells.map((value) => (
                  <td class="num">{cell(value)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <figcaption id={`${props.id}-desc`}>{props.description}</figcaption>
    </figure>
  )
}

const cell = (value: string | number | undefined) =>
  typeof value === 'number' ? frNumber(value) : (value ?? '')
