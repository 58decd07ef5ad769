import { pinnedKeys } from './secrecy-check.ts'

/**
 * Statistical secrecy for what the bilan publishes: no count from 1 to 4 is shown, and none can be
 * recomputed from what is shown. Pure: the publication lists its values and the sums that tie them.
 */

/** Counts below this are hidden (« secret statistique »); 0 is shown: it tells nothing about anyone. */
export const THRESHOLD = 5

/** A published total equals the sum of its parts; every key is a key of the values (absent: 0). */
export interface Equation {
  total: string
  parts: string[]
}

/**
 * The keys to hide. First every value from 1 to 4 (primary secrecy). Then, as long as some
 * equation has exactly one hidden member — whose value its others would give away — the smallest
 * visible positive member of that equation is hidden too (secondary secrecy), and the equations it
 * belongs to are looked at again. That rule is not enough where equations cross (a month's total,
 * a commune's, a category's), so the hidden values the published ones still pin down are found
 * exactly (`pinnedKeys`) and each gets one more partner, until none is left; the tests check the
 * result with a solver.
 */
export function suppress(values: Map<string, number>, equations: Equation[]): Set<string> {
  const hidden = new Set<string>()
  for (const [key, value] of values) if (value >= 1 && value < THRESHOLD) hidden.add(key)
  const equationsOf = new Map<string, number[]>()
  equations.forEach((equation, i) => {
    for (const key of members(equation)) {
      const list = equationsOf.get(key) ?? []
      list.push(i)
      equationsOf.set(key, list)
    }
  })
  const queued = new Set(equations.keys())
  const queue = [...queued]
  while (queue.length > 0) {
    const i = queue.pop() as number
    queued.delete(i)
    const all = members(equations[i] as Equation)
    if (all.filter((key) => hidden.has(key)).length !== 1) continue
    const partner = smallestVisible(all, hidden, values)
    if (partner === null) continue
    hidden.add(partner)
    for (const j of equationsOf.get(partner) ?? [])
      if (!queued.has(j)) {
        queued.add(j)
        queue.push(j)
      }
  }
  for (let round = 0; round < 1000; round++) {
    const pinned = pinnedKeys(hidden, equations)
    if (pinned.length === 0) break
    let added = 0
    for (const key of pinned) {
      const around = (equationsOf.get(key) ?? []).flatMap((i) => members(equations[i] as Equation))
      const partner = smallestVisible(around, hidden, values)
      if (partner === null) continue
      hidden.add(partner)
      added++
    }
    if (added === 0) break
  }
  return hidden
}

/** « < 5 » for a hidden value, else the number as French readers write it. */
export function shown(value: number, hidden: boolean): string {
  return hidden ? `< ${THRESHOLD}` : value.toLocaleString('fr-FR')
}

function members(equation: Equation): string[] {
  return [equation.total, ...equation.parts]
}

/** Positive values first (hiding a zero protects nothing), the smallest, so the least is lost. */
function smallestVisible(keys: string[], hidden: Set<string>, values: Map<string, number>): string | null {
  let best: string | null = null
  let bestValue = Infinity
  for (const key of keys) {
    if (hidden.has(key)) continue
    const value = values.get(key) ?? 0
    const rank = value > 0 ? value : Number.MAX_SAFE_INTEGER
    if (rank < bestValue) {
      best = key
      bestValue = rank
    }
  }
  return best
}
