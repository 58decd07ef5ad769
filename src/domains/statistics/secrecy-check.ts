import type { Equation } from './suppression.ts'

/**
 * The hidden keys the published equations pin down exactly. A hidden value is fixed by the others
 * if and only if its column (its +1 in the equations it is a part of, −1 in those it totals) is
 * not a combination of the other hidden values' columns. All hidden values being positive, no
 * bound is tight, so linear algebra answers exactly what a solver would.
 *
 * The columns live in a space with one dimension per equation (a few hundred), however many values
 * are hidden: a basis is built in reduced echelon form, remembering how each basis vector is made
 * of original columns, and one random combination of the columns left out tells which basis
 * columns the others need (with probability one).
 */
export function pinnedKeys(
  hidden: Set<string>,
  equations: Equation[],
  random: () => number = Math.random,
): string[] {
  const rows = equations.length
  const columns = columnsOf(hidden, equations)
  const basis: { pivot: number; vector: Float64Array; made: Float64Array }[] = []
  const pivotOwner = new Map<number, number>()
  const chosen: string[] = []
  const leftOut: Map<number, number>[] = []
  for (const [key, entries] of columns) {
    const vector = new Float64Array(rows)
    for (const [row, value] of entries) vector[row] = (vector[row] as number) + value
    const steps: [number, number][] = []
    for (const [row] of entries) {
      const owner = pivotOwner.get(row)
      if (owner === undefined) continue
      const factor = vector[row] as number
      if (factor === 0) continue
      const b = basis[owner] as (typeof basis)[number]
      for (let i = 0; i < rows; i++) vector[i] = (vector[i] as number) - factor * (b.vector[i] as number)
      steps.push([owner, factor])
    }
    let pivot = -1
    let largest = 1e-9
    for (let i = 0; i < rows; i++)
      if (Math.abs(vector[i] as number) > largest) {
        largest = Math.abs(vector[i] as number)
        pivot = i
      }
    if (pivot < 0) {
      leftOut.push(entries)
      continue
    }
    // Only a column that joins the basis needs to remember what it is made of.
    const made = new Float64Array(rows + 1)
    made[chosen.length] = 1
    for (const [owner, factor] of steps) {
      const b = basis[owner] as (typeof basis)[number]
      for (let i = 0; i < made.length; i++) made[i] = (made[i] as number) - factor * (b.made[i] as number)
    }
    const scale = vector[pivot] as number
    for (let i = 0; i < rows; i++) vector[i] = (vector[i] as number) / scale
    for (let i = 0; i < made.length; i++) made[i] = (made[i] as number) / scale
    for (const other of basis) {
      const factor = other.vector[pivot] as number
      if (factor === 0) continue
      for (let i = 0; i < rows; i++)
        other.vector[i] = (other.vector[i] as number) - factor * (vector[i] as number)
      for (let i = 0; i < made.length; i++)
        other.made[i] = (other.made[i] as number) - factor * (made[i] as number)
    }
    pivotOwner.set(pivot, basis.length)
    basis.push({ pivot, vector, made })
    chosen.push(key)
  }
  // A random mix of the left-out columns, written on the chosen ones: a chosen column none of them
  // needs is independent of all the others, so its value is pinned.
  const mix = new Float64Array(rows)
  for (const entries of leftOut) {
    const weight = 1 + random()
    for (const [row, value] of entries) mix[row] = (mix[row] as number) + weight * value
  }
  const needs = new Float64Array(rows + 1)
  for (const b of basis) {
    const coordinate = mix[b.pivot] as number
    if (coordinate === 0) continue
    for (let i = 0; i < needs.length; i++)
      needs[i] = (needs[i] as number) + coordinate * (b.made[i] as number)
  }
  return chosen.filter((_, i) => Math.abs(needs[i] as number) < 1e-7)
}

/** Each hidden key's column: +1 in the equations it is a part of, −1 in those it is the total of. */
function columnsOf(hidden: Set<string>, equations: Equation[]): Map<string, Map<number, number>> {
  const columns = new Map<string, Map<number, number>>()
  const add = (key: string, row: number, value: number) => {
    if (!hidden.has(key)) return
    const column = columns.get(key) ?? new Map<number, number>()
    column.set(row, (column.get(row) ?? 0) + value)
    columns.set(key, column)
  }
  equations.forEach((equation, row) => {
    for (const part of equation.parts) add(part, row, 1)
    add(equation.total, row, -1)
  })
  return columns
}
