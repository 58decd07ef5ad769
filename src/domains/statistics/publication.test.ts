import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  ALL,
  cellKey,
  type MonthlyCell,
  PUBLISHED_METRICS,
  parisMonth,
  publish,
  publishedMonths,
} from './publication.ts'
import { publishOffThread } from './publication-thread.ts'

const cell = (
  month: string,
  commune: string,
  category: string,
  posted: number,
  volunteers = 0,
): MonthlyCell => ({
  month,
  commune,
  category,
  values: { posted, answered: 0, fulfilled: 0, volunteers },
})

/** Two months, two communes, two categories; Bayeux's single cell is small. */
const CAEN = '14118'
const BAYEUX = '14047'
const read: MonthlyCell[] = [
  cell('2026-01', CAEN, 'k1', 10, 6),
  cell('2026-01', BAYEUX, 'k1', 3, 1),
  cell('2026-02', CAEN, 'k2', 7, 5),
  // what the rollups hold for the combinations (volunteers distinct: 7 people over the period)
  cell('2026-01', ALL, ALL, 13, 7),
  cell('2026-02', ALL, ALL, 7, 5),
  cell(ALL, ALL, ALL, 20, 9),
  cell(ALL, CAEN, ALL, 17, 8),
  cell(ALL, BAYEUX, ALL, 3, 1),
  cell(ALL, ALL, 'k1', 13, 7),
  cell(ALL, ALL, 'k2', 7, 5),
  // outside the months published: the month in progress
  cell('2026-03', CAEN, 'k1', 40, 2),
]

describe('the publication', () => {
  const p = publish(['2026-01', '2026-02'], read)

  it('gives the headline, each month, each category and each commune over the months published', () => {
    assert.equal(p.headline.posted.value, 20)
    assert.equal(p.headline.volunteers.value, 9)
    assert.deepEqual(
      p.monthly.map((m) => [m.month, m.figures.posted.value]),
      [
        ['2026-01', 13],
        ['2026-02', 7],
      ],
    )
    assert.deepEqual(
      p.byCategory.map((c) => [c.category, c.figures.posted.value]),
      [
        ['k1', 13],
        ['k2', 7],
      ],
    )
    assert.deepEqual(
      p.byCommune.map((c) => [c.commune, c.figures.posted.value]),
      [
        [BAYEUX, 3],
        [CAEN, 17],
      ],
    )
    assert.deepEqual(
      p.cells.map((c) => [c.month, c.commune, c.category, c.figures.posted.value]),
      [
        ['2026-01', BAYEUX, 'k1', 3],
        ['2026-01', CAEN, 'k1', 10],
        ['2026-02', CAEN, 'k2', 7],
      ],
    )
  })

  it('lists the equations a reader could write', () => {
    const has = (total: string, parts: string[]) =>
      p.equations.some((e) => e.total === total && [...e.parts].sort().join() === [...parts].sort().join())
    const total = cellKey(ALL, ALL, ALL)
    assert.ok(has(total, [cellKey('2026-01', ALL, ALL), cellKey('2026-02', ALL, ALL)]))
    assert.ok(has(total, [cellKey(ALL, ALL, 'k1'), cellKey(ALL, ALL, 'k2')]))
    assert.ok(has(total, [cellKey(ALL, CAEN, ALL), cellKey(ALL, BAYEUX, ALL)]))
    assert.ok(
      has(cellKey('2026-01', ALL, ALL), [cellKey('2026-01', CAEN, 'k1'), cellKey('2026-01', BAYEUX, 'k1')]),
    )
    assert.ok(
      has(cellKey(ALL, ALL, 'k1'), [cellKey('2026-01', CAEN, 'k1'), cellKey('2026-01', BAYEUX, 'k1')]),
    )
    assert.ok(has(cellKey(ALL, CAEN, ALL), [cellKey('2026-01', CAEN, 'k1'), cellKey('2026-02', CAEN, 'k2')]))
    assert.equal(p.equations.length, 3 + 2 + 2 + 2)
    // Every additive equation holds on the values published.
    for (const e of p.equations) {
      const v = p.values.get('posted')!
      assert.equal(
        e.parts.reduce((sum, k) => sum + v.get(k)!, 0),
        v.get(e.total),
      )
    }
  })

  it('hides every count from 1 to 4 and leaves no equation with a single hidden member', () => {
    const bayeux = p.cells.find((c) => c.commune === BAYEUX)!
    assert.equal(bayeux.figures.posted.hidden, true)
    assert.equal(bayeux.figures.volunteers.hidden, true)
    for (const metric of PUBLISHED_METRICS) {
      const shown = new Set(
        [p.headline, ...p.monthly.map((m) => m.figures), ...p.cells.map((c) => c.figures)]
          .map((f) => f[metric])
          .filter((f) => !f.hidden)
          .map((f) => f.value),
      )
      for (const v of shown) assert.ok(v === 0 || v >= 5, `${metric}: ${v} shown`)
      const hiddenKeys = p.hidden.get(metric)!
      for (const e of p.equations) {
        const n = [e.total, ...e.parts].filter((k) => hiddenKeys.has(k)).length
        assert.notEqual(n, 1, `${metric}: ${e.total} = ${e.parts.join(' + ')} has one hidden member`)
      }
    }
  })

  it('publishes zero as 0', () => {
    assert.equal(p.headline.answered.value, 0)
    assert.equal(p.headline.answered.hidden, false)
  })

  it('is decided the same on its own thread, where the pages ask for it', async () => {
    const off = await publishOffThread({ months: ['2026-01', '2026-02'], cells: read })
    assert.deepEqual(off, p)
    assert.ok(off.hidden.get('posted') instanceof Set)
  })

  it('fails a call on its thread with the reason, and answers the next', async () => {
    await assert.rejects(
      publishOffThread({ months: ['2026-01'], cells: null as unknown as MonthlyCell[] }),
      /de la publication :/,
    )
    assert.deepEqual(await publishOffThread({ months: ['2026-01', '2026-02'], cells: read }), p)
  })
})

describe('the months published', () => {
  it('are the complete months in Europe/Paris, from the first with figures', () => {
    assert.equal(parisMonth(new Date('2026-11-30T23:30:00Z')), '2026-12')
    assert.equal(parisMonth(new Date('2026-11-30T22:30:00Z')), '2026-11')
    assert.deepEqual(publishedMonths('2025-11', '2026-02'), ['2025-11', '2025-12', '2026-01'])
    assert.deepEqual(publishedMonths('2026-02', '2026-02'), [])
    assert.deepEqual(publishedMonths(null, '2026-02'), [])
  })
})
