import { ScrollRegion } from '../../../platform/views/ScrollRegion.tsx'

/** One breakdown of the bilan: its heading, what it shows, and its figures as a table. */
export function BilanFigure(props: {
  id: string
  title: string
  description: string
  table: { columns: string[]; rows: string[][] }
}) {
  return (
    <section class="bilan-figure" aria-labelledby={`${props.id}-titre`}>
      <h2 id={`${props.id}-titre`}>{props.title}</h2>
      <p>{props.description}</p>
      <ScrollRegion label={props.title}>
        <table>
          <thead>
            <tr>
              {props.table.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.table.rows.map((r) => (
              <tr key={r[0]}>
                <th scope="row">{r[0]}</th>
                {r.slice(1).map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  )
}
