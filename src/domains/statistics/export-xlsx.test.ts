import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import ExcelJS from 'exceljs'
import type { Table } from './dashboard-tables.ts'
import { bilanXlsx } from './export-xlsx.ts'

const tables: Table[] = [
  {
    id: 'a',
    title: 'Chiffres clés',
    columns: ['Indicateur', 'Valeur'],
    rows: [
      ['Demandes', 12],
      ['Bénévoles', '< 5'],
    ],
  },
  {
    id: 'b',
    title: 'Demandes par semaine',
    columns: ['Semaine du', 'Semaine (ISO)', 'Demandes'],
    rows: [[{ day: '2026-01-05' }, '2026-01-05', 3]],
  },
  {
    id: 'c',
    title: 'Demandes par catégorie',
    columns: ['Catégorie', 'Part (%)'],
    rows: [
      ['=HYPERLINK("http://x";"y")', 42.5],
      ['+1', null],
      ['-1', 0],
      ['@x', 0],
      ['\tx', 0],
      ['\rx', 0],
    ],
  },
]

async function read(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook()
  // exceljs's types name an older Buffer than Node's
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  return workbook
}

describe('the bilan as a workbook', () => {
  it('has one sheet per table, its header row bold and frozen, its columns sized', async () => {
    const workbook = await read(await bilanXlsx(tables, { created: new Date('2026-12-07T10:00:00Z') }))
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      ['Chiffres clés', 'Demandes par semaine', 'Demandes par catégorie'],
    )
    const sheet = workbook.getWorksheet('Chiffres clés')!
    assert.equal(sheet.getRow(1).getCell(1).value, 'Indicateur')
    assert.equal(sheet.getRow(1).font?.bold ?? sheet.getRow(1).getCell(1).font?.bold, true)
    assert.equal(sheet.views[0]?.state, 'frozen')
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1)
    assert.ok((sheet.getColumn(1).width ?? 0) >= 10)
  })

  it('writes numbers as numbers, days as dates in French format beside their ISO text', async () => {
    const workbook = await read(await bilanXlsx(tables, { created: new Date() }))
    const figures = workbook.getWorksheet('Chiffres clés')!
    assert.equal(figures.getCell('B2').value, 12)
    assert.equal(figures.getCell('B2').type, ExcelJS.ValueType.Number)
    assert.equal(figures.getCell('B3').value, '< 5')
    const weeks = workbook.getWorksheet('Demandes par semaine')!
    assert.equal(weeks.getCell('A2').type, ExcelJS.ValueType.Date)
    assert.equal((weeks.getCell('A2').value as Date).toISOString().slice(0, 10), '2026-01-05')
    assert.equal(weeks.getCell('A2').numFmt, 'dd/mm/yyyy')
    assert.equal(weeks.getCell('B2').value, '2026-01-05')
    assert.equal(weeks.getCell('B2').type, ExcelJS.ValueType.String)
  })

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const workbook = await read(await bilanXlsx(tables, { created: new Date() }))
    const sheet = workbook.getWorksheet('Demandes par catégorie')!
    const column = [2, 3, 4, 5, 6, 7].map((r) => sheet.getCell(`A${r}`))
    // XML reads a carriage return back as a line feed: what matters is the `'` before it
    assert.deepEqual(
      column.map((c) => String(c.value).replace('\n', '\r')),
      [`'=HYPERLINK("http://x";"y")`, "'+1", "'-1", "'@x", "'\tx", "'\rx"],
    )
    for (const c of column) assert.equal(c.type, ExcelJS.ValueType.String)
    assert.equal(sheet.getCell('B2').value, 42.5)
  })
})
