import { type BMatchingProblem, maxWeightBMatching } from '../../platform/optimisation/b-matching.ts'
import { solveLp, solveMatching } from '../../platform/optimisation/highs-thread.ts'

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

export interface AssignmentOptions {
  /**
   * 'matching' (the default): the exact b-matching by shortest augmenting paths, on the solver's
   * thread once the problem is large enough to be worth the trip. 'highs': the same model as a
   * linear programme for HiGHS, kept to check one method against the other.
   */
  method?: 'matching' | 'highs'
}

/** Below this many pairs the matching takes well under a millisecond: not worth the solver's thread. */
const INLINE_PAIRS = 2_000
/** Scores are compared to the thousandth (scorePair gives tenths), so the matching adds whole numbers. */
const SCALE = 1000

/**
 * The assignment of asks to volunteers that maximises the total score, each ask to one volunteer
 * at most and each volunteer to no more than their capacity: a bipartite b-matching of maximum
 * weight, solved exactly (see docs/DISPATCH.md).
 */
export async function optimalAssignment(
  pairs: readonly ScoredPair[],
  capacity: (volunteer: number) => number,
  options: AssignmentOptions = {},
): Promise<Assignment> {
  if (pairs.length === 0) return { chosen: [], totalScore: 0, solverMs: 0 }
  if (options.method === 'highs') return highsAssignment(pairs, capacity)
  const problem = matchingProblem(pairs, capacity)
  let chosen: Int32Array
  let solverMs: number
  if (pairs.length <= INLINE_PAIRS) {
    const started = performance.now()
    chosen = maxWeightBMatching(problem)
    solverMs = performance.now() - started
  } else ({ chosen, solverMs } = await solveMatching(problem))
  const list = Array.from(chosen)
  return { chosen: list, totalScore: total(pairs, list), solverMs }
}

/** The pairs as the matching takes them: asks and volunteers numbered densely, scores as whole numbers. */
function matchingProblem(
  pairs: readonly ScoredPair[],
  capacity: (volunteer: number) => number,
): BMatchingProblem {
  const askNumber = new Map<number, number>()
  const volunteerNumber = new Map<number, number>()
  const capacities: number[] = []
  const left = new Int32Array(pairs.length)
  const right = new Int32Array(pairs.length)
  const weight = new Float64Array(pairs.length)
  pairs.forEach((p, e) => {
    let a = askNumber.get(p.ask)
    if (a === undefined) {
      a = askNumber.size
      askNumber.set(p.ask, a)
    }
    let v = volunteerNumber.get(p.volunteer)
    if (v === undefined) {
      v = volunteerNumber.size
      volunteerNumber.set(p.volunteer, v)
      capacities.push(Math.max(0, Math.floor(capacity(p.volunteer))))
    }
    left[e] = a
    right[e] = v
    weight[e] = Math.round(p.score * SCALE)
  })
  return {
    leftCount: askNumber.size,
    rightCount: volunteerNumber.size,
    left,
    right,
    weight,
    capacity: Int32Array.from(capacities),
  }
}

const total = (pairs: readonly ScoredPair[], chosen: readonly number[]) =>
  Math.round(chosen.reduce((sum, i) => sum + pairs[i]!.score, 0) * SCALE) / SCALE

/**
 * The same optimum as a linear programme. Its constraint matrix is totally unimodular, so the
 * simplex's vertex is integral; should a value ever come back fractional, the model is solved
 * again with binary variables rather than rounded.
 */
async function highsAssignment(
  pairs: readonly ScoredPair[],
  capacity: (volunteer: number) => number,
): Promise<Assignment> {
  const byAsk = new Map<number, number[]>()
  const byVolunteer = new Map<number, number[]>()
  pairs.forEach((p, i) => {
    const a = byAsk.get(p.ask)
    if (a) a.push(i)
    else byAsk.set(p.ask, [i])
    const v = byVolunteer.get(p.volunteer)
    if (v) v.push(i)
    else byVolunteer.set(p.volunteer, [i])
  })
  // LP format wants lines under 560 characters: long sums go on continuation lines.
  const sum = (terms: string[]) =>
    terms.reduce((text, term, i) => text + (i === 0 ? '' : i % 20 === 0 ? '\n + ' : ' + ') + term, '')
  const lines = ['Maximize', ` obj: ${sum(pairs.map((p, i) => `${p.score} x${i}`))}`, 'Subject To']
  for (const [ask, list] of byAsk) lines.push(` a${ask}: ${sum(list.map((i) => `x${i}`))} <= 1`)
  for (const [volunteer, list] of byVolunteer)
    lines.push(` v${volunteer}: ${sum(list.map((i) => `x${i}`))} <= ${Math.max(0, capacity(volunteer))}`)
  const bounds = ['Bounds']
  for (let i = 0; i < pairs.length; i++) bounds.push(` 0 <= x${i} <= 1`)
  const lp = [...lines, ...bounds].join('\n')
  const relaxed = await solveLp(`${lp}\nEnd`, { solver: 'simplex', log_to_console: false })
  if (relaxed.status !== 'Optimal') throw new Error(`HiGHS : ${relaxed.status}`)
  const integral = [...relaxed.values.values()].every((x) => Math.abs(x - Math.round(x)) < 1e-6)
  const solved = integral
    ? relaxed
    : await solveLp(`${lp}\nBinary\n${pairs.map((_, i) => ` x${i}`).join('\n')}\nEnd`, {
        log_to_console: false,
      })
  if (solved.status !== 'Optimal') throw new Error(`HiGHS : ${solved.status}`)
  const chosen: number[] = []
  for (const [name, value] of solved.values) if (value > 0.5) chosen.push(Number(name.slice(1)))
  chosen.sort((a, b) => a - b)
  return {
    chosen,
    totalScore: total(pairs, chosen),
    solverMs: relaxed.solverMs + (integral ? 0 : solved.solverMs),
  }
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
  return { chosen, totalScore: total(pairs, chosen), solverMs: 0 }
}
