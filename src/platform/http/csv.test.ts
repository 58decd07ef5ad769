import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { attachment, csvCell, toCsv } from './csv.ts'

describe('csv for French spreadsheets', () => {
  it('starts with a byte order mark, separates with ; and ends rows with CRLF', () => {
    const csv = toCsv(['Nom', 'Créneau'], [['Zoé', 'samedi 4 avril']])
    assert.equal(csv, '\uFEFFNom;Créneau\r\nZoé;samedi 4 avril\r\n')
  })

  it('neutralises what a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil.example")'), `"'=HYPERLINK(""http://evil.example"")"`)
    assert.equal(csvCell('+33612345678'), `'+33612345678`)
    assert.equal(csvCell('-1'), `'-1`)
    assert.equal(csvCell('@SUM(1)'), `'@SUM(1)`)
    assert.equal(csvCell('\t=1'), `'\t=1`)
    assert.equal(csvCell('\r=1'), `"'\r=1"`)
    assert.equal(csvCell('Marie-Claire'), 'Marie-Claire')
  })

  it('quotes cells holding a separator, a quote or a line break, and keeps empty ones empty', () => {
    assert.equal(csvCell('a;b'), '"a;b"')
    assert.equal(csvCell('dit "bonjour"'), '"dit ""bonjour"""')
    assert.equal(csvCell('deux\nlignes'), '"deux\nlignes"')
    assert.equal(csvCell(null), '')
    assert.equal(csvCell(3), '3')
  })

  it('names the download in ASCII and in UTF-8', () => {
    assert.equal(
      attachment('inscrits-été.csv'),
      `attachment; filename="inscrits-ete.csv"; filename*=UTF-8''inscrits-%C3%A9t%C3%A9.csv`,
    )
  })
})
