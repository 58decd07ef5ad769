import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { recomputableKeys } from '../../../test/helpers/secrecy.ts'
import { pinnedKeys } from './secrecy-check.ts'
import { type Equation, shown, suppress } from './suppression.ts'

/** A table months × communes × categories published as the bilan publishes it: cells and every total. */
function publication(cells: number[][][]) {
  const values = new Map<string, number>()
  const equations: Equation[] = []
  const months = cells.length
  const communes = cells[0]?.length ?? 0
  const categories = cells[0]?.[0]?.length ?? 0
  const sum = (keys: string[]) => keys.reduce((a, k) => a + (values.get(k) ?? 0), 0)
  const cellKeys: string[] = []
  for (const [m, month] of cells.entries())
    for (const [c, row] of month.entries())
      for (const [k, n] of row.entries()) {
        values.set(`${m}|${c}|${k}`, n)
        cellKeys.push(`${m}|${c}|${k}`)
      }
  const tie = (total: string, parts: string[]) => {
    values.set(total, sum(parts))
    equations.push({ total, parts })
  }
  for (let m = 0; m < months; m++)
    tie(
      `${m}|*|*`,
      cellKeys.filter((k) => k.startsWith(`${m}|`)),
    )
  for (let c = 0; c < communes; c++)
    tie(
      `P|${c}|*`,
      cellKeys.filter((k) => k.split('|')[1] === String(c)),
    )
  for (let k = 0; k < categories; k++)
    tie(
      `P|*|${k}`,
      cellKeys.filter((key) => key.split('|')[2] === String(k)),
    )
  const months_ = [...Array(months).keys()].map((m) => `${m}|*|*`)
  tie('P|*|*', months_)
  equations.push({ total: 'P|*|*', parts: [...Array(communes).keys()].map((c) => `P|${c}|*`) })
  equations.push({ total: 'P|*|*', parts: [...Array(categories).keys()].map((k) => `P|*|${k}`) })
  return { values, equations }
}

/** A deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31
    return s / 2 ** 31
  }
}

describe('statistical secrecy', () => {
  it('hides every count from 1 to 4 and shows 0 and 5', () => {
    const values = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 4],
      ['d', 5],
      ['e', 12],
    ])
    const hidden = suppress(values, [])
    assert.deepEqual([...hidden].sort(), ['b', 'c'])
    assert.equal(shown(4, true), '< 5')
    assert.equal(shown(1234, false), '1\u202f234')
  })

  it('hides a second value where a total would give the first away', () => {
    const values = new Map([
      ['total', 20],
      ['Bayeux', 3],
      ['Caen', 9],
      ['Lisieux', 8],
    ])
    const hidden = suppress(values, [{ total: 'total', parts: ['Bayeux', 'Caen', 'Lisieux'] }])
    assert.deepEqual([...hidden].sort(), ['Bayeux', 'Lisieux'], 'the smallest other value is hidden with it')
  })

  it('hides one more value where two crossing totals would give a hidden pair away', () => {
    // Bayeux's two hidden cells sit in both a row and a column with a second hidden value each,
    // yet the four published totals still fix them: the exact check finds that.
    const values = new Map([
      ['rowA', 10],
      ['rowB', 10],
      ['colX', 10],
      ['colY', 10],
      ['a', 3],
      ['b', 7],
      ['c', 7],
      ['d', 3],
    ])
    const equations = [
      { total: 'rowA', parts: ['a', 'b'] },
      { total: 'rowB', parts: ['c', 'd'] },
      { total: 'colX', parts: ['a', 'c'] },
      { total: 'colY', parts: ['b', 'd'] },
    ]
    const hidden = suppress(values, equations)
    assert.ok(hidden.has('a') && hidden.has('d'))
    assert.deepEqual(pinnedKeys(hidden, equations), [])
  })

  it('leaves a table with nothing small as it is', () => {
    const { values, equations } = publication([
      [
        [6, 7],
        [9, 10],
      ],
    ])
    assert.equal(suppress(values, equations).size, 0)
  })

  it('leaves no hidden value that the published totals fix, on tables made to tempt differencing', async () => {
    // A commune with a single volunteer, a category with one ask in one month, a month with one small cell.
    const tempting = [
      [
        [1, 0, 7],
        [6, 9, 5],
        [8, 0, 12],
      ],
      [
        [0, 0, 0],
        [7, 2, 6],
        [5, 8, 9],
      ],
    ]
    const next = random(42)
    const tables = [tempting]
    for (let t = 0; t < 40; t++)
      tables.push(
        [...Array(2 + (t % 3))].map(() =>
          [...Array(3 + (t % 4))].map(() =>
            [...Array(2 + (t % 3))].map(() => Math.floor(next() * next() * 14)),
          ),
        ),
      )
    for (const [t, cells] of tables.entries()) {
      const { values, equations } = publication(cells)
      const hidden = suppress(values, equations)
      for (const key of hidden) assert.ok((values.get(key) ?? 0) >= 0)
      for (const [key, value] of values)
        if (value >= 1 && value < 5) assert.ok(hidden.has(key), `table ${t}: ${key} = ${value} is shown`)
      assert.deepEqual(await recomputableKeys(values, equations, hidden), [], `table ${t}`)
    }
  })
})
