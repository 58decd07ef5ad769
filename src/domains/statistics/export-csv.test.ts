import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Table } from './dashboard-tables.ts'
import { bilanCsv } from './export-csv.ts'

const tables: Table[] = [
  {
    id: 'a',
    title: 'Chiffres clés',
    columns: ['Indicateur', 'Valeur'],
    rows: [
      ['Part (%)', 42.5],
      ['Bénévoles', '< 5'],
    ],
  },
  {
    id: 'b',
    title: 'Par catégorie',
    columns: ['Catégorie', 'Demandes'],
    rows: [
      ['=HYPERLINK("http://x";"y")', 3],
      ['+33 6', 1],
      ['-1', 0],
      ['@SUM(A1)', 0],
      ['\tcaché', 0],
      ['\rretour', 0],
      ['Courses; médicaments', null],
    ],
  },
  {
    id: 'c',
    title: 'Semaines',
    columns: ['Semaine du', 'ISO'],
    rows: [[{ day: '2026-01-05' }, '2026-01-05']],
  },
]

describe('the bilan as one CSV file for French spreadsheets', () => {
  const csv = bilanCsv(tables)

  it('starts with a byte order mark, separates with ; and ends lines with CRLF', () => {
    assert.ok(csv.startsWith('\uFEFFChiffres clés\r\n'))
    assert.ok(csv.endsWith('\r\n'))
    assert.equal(csv.replace(/\r\n/g, '').includes('\n'), false)
    assert.ok(csv.includes('Indicateur;Valeur\r\n'))
  })

  it('puts each table under its title, a blank line between two tables', () => {
    const lines = csv.slice(1).split('\r\n')
    assert.deepEqual(lines.slice(0, 5), [
      'Chiffres clés',
      'Indicateur;Valeur',
      'Part (%);42,5',
      'Bénévoles;< 5',
      '',
    ])
    assert.equal(lines[5], 'Par catégorie')
    assert.ok(lines.includes('Semaines'))
    assert.equal(lines[lines.indexOf('Semaines') - 1], '')
  })

  it('neutralises every text a spreadsheet would run as a formula', () => {
    assert.ok(csv.includes(`"'=HYPERLINK(""http://x"";""y"")";3`))
    assert.ok(csv.includes("'+33 6;1"))
    assert.ok(csv.includes("'-1;0"))
    assert.ok(csv.includes("'@SUM(A1);0"))
    assert.ok(csv.includes(`'\tcaché;0`))
    assert.ok(csv.includes(`"'\rretour";0`))
    assert.ok(csv.includes('"Courses; médicaments";\r\n'))
  })

  it('writes days in French beside their ISO text, numbers with a decimal comma', () => {
    assert.ok(csv.includes('05/01/2026;2026-01-05\r\n'))
    assert.ok(csv.includes(';42,5\r\n'))
  })
})
