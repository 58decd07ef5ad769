import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { seedTemptingBilan } from '../../../test/helpers/bilan-public.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { solveLp } from '../../platform/optimisation/highs-thread.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { readMonthlyCells } from './publication.repository.ts'
import { publishedBilan } from './publication.service.ts'
import { ALL, cellKey, PUBLISHED_METRICS, type Publication, type PublishedMetric } from './publication.ts'

const CAEN = '14118'
const FALAISE = '14258'

/**
 * The linear programme a reader could solve for one hidden value: every published equation, the
 * published values fixed, the hidden ones at least 0. Volunteers are distinct people, so for them
 * a total lies between its largest part and the sum of its parts.
 */
function model(p: Publication, metric: PublishedMetric, target: string, sense: 'Minimize' | 'Maximize') {
  const values = p.values.get(metric)!
  const hidden = [...p.hidden.get(metric)!]
  const name = new Map(hidden.map((k, i) => [k, `x${i}`]))
  const rows: string[] = []
  // Σ (sign × member) ⋈ 0, with the published members moved to the right-hand side.
  const row = (members: [string, 1 | -1][], op: '=' | '>=' | '<=') => {
    let constant = 0
    const terms: string[] = []
    for (const [key, sign] of members) {
      if (name.has(key)) terms.push(`${sign > 0 ? '+' : '-'} ${name.get(key)}`)
      else constant += sign * values.get(key)!
    }
    if (terms.length > 0) rows.push(` c${rows.length}: ${terms.join(' ')} ${op} ${-constant}`)
  }
  for (const e of p.equations) {
    const members: [string, 1 | -1][] = [...e.parts.map((k) => [k, 1] as [string, 1]), [e.total, -1]]
    if (metric !== 'volunteers') row(members, '=')
    else {
      row(members, '>=')
      for (const part of e.parts)
        row(
          [
            [part, 1],
            [e.total, -1],
          ],
          '<=',
        )
    }
  }
  const bounds = hidden.map((k) => ` ${name.get(k)} <= 1000000`)
  return {
    lp: [sense, ` obj: ${name.get(target)}`, 'Subject To', ...rows, 'Bounds', ...bounds, 'End'].join('\n'),
    column: name.get(target)!,
  }
}

async function range(p: Publication, metric: PublishedMetric, key: string) {
  const out: number[] = []
  for (const sense of ['Minimize', 'Maximize'] as const) {
    const { lp, column } = model(p, metric, key, sense)
    const solved = await solveLp(lp, { log_to_console: false })
    assert.equal(solved.status, 'Optimal', `${metric} ${key} ${sense}: ${solved.status}\n${lp}`)
    out.push(solved.values.get(column) ?? 0)
  }
  return { min: out[0]!, max: out[1]! }
}

describe('the publication on the database', () => {
  let t: TestApp
  let calvados: Territory
  let categories: Awaited<ReturnType<typeof seedTemptingBilan>>

  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-12-07T10:00:00Z')
    calvados = await makeTerritory(t.app.services)
    categories = await seedTemptingBilan(t, calvados)
  })
  after(() => t.close())

  it('reads each month, commune and category, and the whole period, from the rollups', async () => {
    const cells = await readMonthlyCells(t.db.db, calvados.id, { from: '2026-09', to: '2026-11' })
    const find = (month: string, commune: string, category: string) =>
      cells.find((c) => c.month === month && c.commune === commune && c.category === category)?.values
    assert.deepEqual(find('2026-10', FALAISE, categories.courses.id), {
      posted: 6,
      answered: 6,
      fulfilled: 5,
      volunteers: 1,
    })
    assert.deepEqual(find('2026-09', ALL, ALL), { posted: 20, answered: 12, fulfilled: 9, volunteers: 9 })
    assert.deepEqual(find(ALL, ALL, ALL), { posted: 95, answered: 67, fulfilled: 52, volunteers: 20 })
    assert.deepEqual(find(ALL, CAEN, ALL), { posted: 64, answered: 47, fulfilled: 36, volunteers: 12 })
    assert.deepEqual(find(ALL, ALL, categories.bricolage.id), {
      posted: 1,
      answered: 0,
      fulfilled: 0,
      volunteers: 0,
    })
    assert.equal(find('2026-12', ALL, ALL), undefined, 'the month in progress is not read')
  })

  it('leaves no hidden value that the published equations pin down', async () => {
    const { publication } = await publishedBilan(t.app.services, calvados)
    let checked = 0
    for (const metric of PUBLISHED_METRICS) {
      for (const key of publication.hidden.get(metric)!) {
        const { min, max } = await range(publication, metric, key)
        const truth = publication.values.get(metric)!.get(key)!
        assert.ok(
          min <= truth + 1e-6 && truth <= max + 1e-6,
          `${metric} ${key}: ${truth} outside ${min}..${max}`,
        )
        assert.ok(
          Math.ceil(min - 1e-6) < Math.floor(max + 1e-6),
          `${metric} ${key} = ${truth}: ${min}..${max}`,
        )
        checked += 1
      }
    }
    // The tempting cells are among those hidden.
    const hidden = (metric: PublishedMetric, key: string) => publication.hidden.get(metric)!.has(key)
    assert.ok(hidden('volunteers', cellKey('2026-10', FALAISE, categories.courses.id)))
    assert.ok(hidden('posted', cellKey('2026-11', CAEN, categories.bricolage.id)))
    assert.ok(hidden('posted', cellKey(ALL, ALL, categories.bricolage.id)))
    assert.ok(checked > 10)
  })
})
