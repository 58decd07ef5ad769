/**
 * CSV for French spreadsheet software: UTF-8 with a byte order mark (without it, Excel reads the
 * file as Windows-1252 and « é » breaks), `;` between cells (the comma is the decimal separator),
 * CRLF between rows. A cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or
 * carriage return before one) starts with `'`, so an exported name can never become a formula.
 */

const BOM = '\uFEFF'
const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

/** The whole file: a header row, then one row per record. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(';'))
  return `${BOM}${lines.join('\r\n')}\r\n`
}

/** A Content-Disposition value for a download, with an ASCII fallback name and the UTF-8 one (RFC 6266). */
export function attachment(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}
