import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import ExcelJS from 'exceljs'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { type BilanWorld, bilanWorld } from '../../../test/helpers/bilan-dashboard.ts'
import { auditOf } from '../../../test/helpers/dispatch.ts'

const BILAN = '/administration/bilan'

describe('the bilan’s exports', () => {
  let t: TestApp
  let w: BilanWorld
  before(async () => {
    t = await buildTestApp()
    w = await bilanWorld(t)
  })
  after(() => t.close())

  it('writes the dashboard’s tables as one CSV for French spreadsheets, neutralised, and audits it', async () => {
    const client = await w.staff(w.coordinator)
    const res = await client.get(`${BILAN}/export.csv?du=2025-04&au=2026-03&commune=14118`)
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8')
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.match(
      res.headers['content-disposition'] as string,
      new RegExp(`^attachment; filename="bilan-${w.calvados.slug}-2025-04-2026-03\\.csv"`),
    )
    assert.ok(res.body.startsWith('\uFEFFChiffres clés\r\nRubrique;Indicateur;Valeur\r\n'))
    const lines = res.body.slice(1).split('\r\n')
    assert.ok(lines.includes('Demandes et propositions;Demandes publiées;6'))
    assert.ok(lines.includes('Demandes et propositions;Part des demandes ayant une réponse en 24 h (%);50'))
    assert.ok(lines.includes('Demandes et propositions;Délai médian de la première réponse (heures);4'))
    // Caen's six volunteers are not told: they would give away Bayeux's one.
    assert.ok(lines.includes('Bénévoles et inscriptions;Bénévoles actifs;< 5'))
    for (const title of [
      'Demandes par semaine',
      'Demandes par catégorie',
      'Demandes et bénévoles par commune',
    ])
      assert.equal(lines[lines.indexOf(title) - 1], '', title)
    assert.ok(lines.includes('02/02/2026;2026-02-02;6;4;2'))
    // the categories of Caen only: the childcare asks were in Bayeux
    assert.equal(lines.filter((l) => l.includes('HYPERLINK')).length, 0)
    assert.ok(lines.includes('Caen;14118;6;4;2;< 5'))
    assert.ok(lines.includes('Hérouville-Saint-Clair;14327;0;0;0;7'))
    const whole = (await client.get(`${BILAN}/export.csv`)).body.split('\r\n')
    assert.ok(whole.includes(`"'=HYPERLINK(""http://evil.test"";""x"")";2;1;50;0`))
    const [entry] = await auditOf(t, 'statistics.exported')
    assert.equal(entry?.actorId, w.coordinator.id)
    assert.equal(entry?.territoryId, w.calvados.id)
    assert.deepEqual(entry?.details, {
      format: 'csv',
      from: '2025-04',
      to: '2026-03',
      commune: '14118',
      category: '',
    })
  })

  it('writes a workbook with a sheet per table, numbers and dates typed, neutralised, and audits it', async () => {
    const client = await w.staff(w.administrator)
    const res = await client.get(`${BILAN}/export.xlsx?du=2026-01&au=2026-03&categorie=${w.childcare.id}`)
    assert.equal(res.statusCode, 200)
    assert.equal(
      res.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.match(
      res.headers['content-disposition'] as string,
      new RegExp(`^attachment; filename="bilan-${w.calvados.slug}-2026-01-2026-03\\.xlsx"`),
    )
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      ['Chiffres clés', 'Demandes par semaine', 'Demandes par catégorie', 'Demandes et bénévoles par commu'],
    )
    const headline = workbook.getWorksheet('Chiffres clés')!
    const posted = headline
      .getRows(2, headline.rowCount - 1)!
      .find((r) => r.getCell(2).value === 'Demandes publiées')!
    assert.equal(posted.getCell(3).value, 2)
    assert.equal(posted.getCell(3).type, ExcelJS.ValueType.Number)
    const volunteers = headline
      .getRows(2, headline.rowCount - 1)!
      .find((r) => r.getCell(2).value === 'Bénévoles actifs')!
    assert.equal(volunteers.getCell(3).value, '< 5')
    const weeks = workbook.getWorksheet('Demandes par semaine')!
    assert.equal(weeks.getCell('A2').type, ExcelJS.ValueType.Date)
    assert.equal(weeks.getCell('A2').numFmt, 'dd/mm/yyyy')
    assert.equal(weeks.getCell('B2').value, '2026-01-05')
    const categories = workbook.getWorksheet('Demandes par catégorie')!
    // the breakdown by category shows every category, the one filtered on included
    assert.equal(categories.getCell('A3').value, `'=HYPERLINK("http://evil.test";"x")`)
    assert.equal(categories.getCell('A3').type, ExcelJS.ValueType.String)
    const entries = await auditOf(t, 'statistics.exported')
    assert.deepEqual(entries.find((e) => e.actorId === w.administrator.id)?.details, {
      format: 'xlsx',
      from: '2026-01',
      to: '2026-03',
      commune: '',
      category: w.childcare.id,
    })
  })

  it('exports nothing and audits nothing for a filter it refuses, nor for those without the permission', async () => {
    const before = (await auditOf(t, 'statistics.exported')).length
    const coordinator = await w.staff(w.coordinator)
    const refused = await coordinator.get(`${BILAN}/export.csv?du=2026-03&au=2026-01`)
    assert.equal(refused.statusCode, 400)
    assert.match(refused.headers['content-type'] as string, /^text\/html/)
    assert.equal((await (await w.staff(w.moderator)).get(`${BILAN}/export.xlsx`)).statusCode, 403)
    assert.equal((await (await w.residentClient()).get(`${BILAN}/export.csv`)).statusCode, 403)
    assert.equal((await auditOf(t, 'statistics.exported')).length, before)
  })
})
