import { solveLp } from '../../platform/optimisation/highs-thread.ts'

/** A plausible pair and its score; `ask` and `volunteer` are indexes into the caller's lists. */
export interface ScoredPair {
  ask: number
  volunteer: number
  score: number
}

export interface Assignment {
  /** indexes into the pairs given, one per assigned ask */
  chosen: number[]
  totalScore: number
  solverMs: number
}

/**
 * The assignment of asks to volunteers that maximises the total score, each ask to one volunteer
 * at most and each volunteer to no more than their capacity. It is a bipartite b-matching: its
 * constraint matrix is totally unimodular, so the linear relaxation HiGHS solves has an integral
 * optimum and the simplex's vertex is an exact assignment.
 */
export async function optimalAssignment(
  pairs: readonly ScoredPair[],
  capacity: (volunteer: number) => number,
): Promise<Assignment> {
  if (pairs.length === 0) return { chosen: [], totalScore: 0, solverMs: 0 }
  const byAsk = new Map<number, number[]>()
  const byVolunteer = new Map<number, number[]>()
  pairs.forEach((p, i) => {
    byAsk.set(p.ask, [...(byAsk.get(p.ask) ?? []), i])
    byVolunteer.set(p.volunteer, [...(byVolunteer.get(p.volunteer) ?? []), i])
  })
  const lines = ['Maximize', ` obj: ${pairs.map((p, i) => `${p.score} x${i}`).join(' + ')}`, 'Subject To']
  for (const [ask, list] of byAsk) lines.push(` a${ask}: ${list.map((i) => `x${i}`).join(' + ')} <= 1`)
  for (const [volunteer, list] of byVolunteer)
    lines.push(
      ` v${volunteer}: ${list.map((i) => `x${i}`).join(' + ')} <= ${Math.max(0, capacity(volunteer))}`,
    )
  lines.push('Bounds', ...pairs.map((_, i) => ` 0 <= x${i} <= 1`), 'End')
  const solved = await solveLp(lines.join('\n'), { solver: 'simplex' })
  if (solved.status !== 'Optimal') throw new Error(`HiGHS : ${solved.status}`)
  const chosen: number[] = []
  for (const [name, value] of solved.values) if (value > 0.5) chosen.push(Number(name.slice(1)))
  chosen.sort((a, b) => a - b)
  const totalScore = chosen.reduce((sum, i) => sum + pairs[i]!.score, 0)
  return { chosen, totalScore, solverMs: solved.solverMs }
}

/** The obvious alternative, best pair first while both sides are free: the figure the optimum is compared with. */
export function greedyAssignment(
  pairs: readonly ScoredPair[],
  capacity: (volunteer: number) => number,
): Assignment {
  const order = pairs.map((_, i) => i).sort((a, b) => pairs[b]!.score - pairs[a]!.score)
  const taken = new Set<number>()
  const used = new Map<number, number>()
  const chosen: number[] = []
  for (const i of order) {
    const p = pairs[i]!
    if (taken.has(p.ask) || (used.get(p.volunteer) ?? 0) >= capacity(p.volunteer)) continue
    taken.add(p.ask)
    used.set(p.volunteer, (used.get(p.volunteer) ?? 0) + 1)
    chosen.push(i)
  }
  chosen.sort((a, b) => a - b)
  return { chosen, totalScore: chosen.reduce((sum, i) => sum + pairs[i]!.score, 0), solverMs: 0 }
}
