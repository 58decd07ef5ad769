import { type Cell, isDay, type Table } from './dashboard-tables.ts'

const FORMULA_START = /^[=+\-@\t\r]/

/** A text a spreadsheet would run as a formula starts with `'`, as in the CSV. */
export const neutralised = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text)

function value(cell: Cell): string | number | Date | null {
  if (cell === null || typeof cell === 'number') return cell
  if (isDay(cell)) return new Date(`${cell.day}T00:00:00Z`)
  return neutralised(cell)
}

/** Sheet names are 31 characters at most, without `[]:*?/\`, and unique in a workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Tableau'
  let name = base
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`
  taken.add(name.toLowerCase())
  return name
}

/**
 * The dashboard's tables as a workbook, one sheet each: header row bold and frozen, columns as wide
 * as their content, numbers as numbers, days as real dates shown « 05/01/2026 » (the tables carry
 * an ISO text column beside them), and formula-like text neutralised.
 */
export async function bilanXlsx(tables: readonly Table[], meta: { created: Date }): Promise<Buffer> {
  // Loaded at the first export rather than at every start: about 35 MB and a third of a second.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Entraide'
  workbook.created = meta.created
  const taken = new Set<string>()
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    })
    sheet.addRow(table.columns.map(neutralised)).font = { bold: true }
    for (const row of table.rows) sheet.addRow(row.map(value))
    table.columns.forEach((title, i) => {
      const column = sheet.getColumn(i + 1)
      const dates = table.rows.some((r) => isDay(r[i] ?? null))
      if (dates) column.numFmt = 'dd/mm/yyyy'
      const widest = Math.max(
        title.length,
        ...table.rows.map((r) => {
          const c = r[i] ?? null
          return c === null ? 0 : isDay(c) ? 10 : String(c).length
        }),
      )
      column.width = Math.min(60, Math.max(10, widest + 2))
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
