import { csvCell } from '../../platform/http/csv.ts'
import { type Cell, frenchDay, isDay, type Table } from './dashboard-tables.ts'

const BOM = '\uFEFF'

/** French spreadsheets read « 42,5 » as a number and « 42.5 » as text. */
const frenchNumber = (n: number): string => String(n).replace('.', ',')

function cell(value: Cell): string {
  if (value === null) return ''
  if (typeof value === 'number') return frenchNumber(value)
  if (isDay(value)) return frenchDay(value.day)
  return csvCell(value)
}

/**
 * The dashboard's tables in one file for French spreadsheet software: UTF-8 with a byte order mark,
 * `;` between cells, CRLF; each table under its title row, a blank line between two tables. Text
 * cells that a spreadsheet would run as a formula start with `'` (category names are staff-written).
 */
export function bilanCsv(tables: readonly Table[]): string {
  const blocks = tables.map((table) =>
    [
      csvCell(table.title),
      table.columns.map(csvCell).join(';'),
      ...table.rows.map((row) => row.map(cell).join(';')),
    ].join('\r\n'),
  )
  return `${BOM}${blocks.join('\r\n\r\n')}\r\n`
}
