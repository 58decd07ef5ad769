import { haversineKm } from '../../platform/geo/distance.ts'
import { solveLp } from '../../platform/optimisation/highs-thread.ts'
import type { Priority } from './campaign.schema.ts'

/** A request as the allocation sees it: what is still to give, to whom, from where. */
export interface DemandLine {
  id: string
  priority: Priority
  /** asked minus already allocated */
  remaining: number
  latitude: number
  longitude: number
  /** older first when all else is equal */
  createdAt: Date
}

/** A distribution point and what it can still give (on hand minus reserved). */
export interface SupplyLine {
  id: string
  available: number
  latitude: number
  longitude: number
}

export interface AllocationInput {
  requests: DemandLine[]
  points: SupplyLine[]
}

export interface AllocationRow {
  requestId: string
  pointId: string
  quantity: number
  /** great-circle km between the request's commune and the point's */
  km: number
}

export interface SolvedAllocation {
  rows: AllocationRow[]
  /** the solver's own time, model text excluded */
  solverMs: number
  /** HiGHS's words: « Optimal », or why not */
  status: string
}

/**
 * Value of one unit by priority. Distance costs at most 1 per unit (ε = 1 / (longest trip + 1)),
 * so a unit to a higher priority always outweighs any saving in travel: 8 − 1 > 4 and 4 − 1 > 2;
 * and a general-public unit at the far end of the territory still counts (2 − 1 > 0).
 */
export const PRIORITY_WEIGHT: Record<Priority, number> = { 'front-line': 8, vulnerable: 4, general: 2 }
/** Older requests come first among equals, by less than the smallest difference of distance that matters. */
const AGE_BONUS = 0.001

export const kmBetween = (r: DemandLine, p: SupplyLine) => haversineKm(r, p)

export interface LinearModel {
  /** CPLEX LP format, as HiGHS reads it */
  lp: string
  /** column name → the pair it stands for */
  columns: Map<string, { request: number; point: number; km: number }>
}

/**
 * The linear program: x[r,p] units of point p's available stock given to request r,
 *   maximise Σ (weight(r) + age bonus(r) − ε·km(r,p))·x[r,p]
 *   with Σ_r x[r,p] ≤ available(p) and Σ_p x[r,p] ≤ remaining(r), x ≥ 0.
 * It is a transportation problem: its constraint matrix is totally unimodular, so with whole
 * stocks and quantities the simplex ends on a whole vertex and the LP relaxation is exact; the
 * reading of the solution still rounds down, which can only stay within both limits.
 */
export function buildModel(input: AllocationInput): LinearModel {
  const points = input.points.map((p, i) => ({ p, i })).filter(({ p }) => p.available > 0)
  const requests = input.requests.map((r, i) => ({ r, i })).filter(({ r }) => r.remaining > 0)
  const columns = new Map<string, { request: number; point: number; km: number }>()
  const km: number[][] = requests.map(({ r }) => points.map(({ p }) => kmBetween(r, p)))
  const longest = Math.max(0, ...km.flat())
  const epsilon = 1 / (longest + 1)
  const ages = requests.map(({ r }) => r.createdAt.getTime())
  const oldest = Math.min(...ages)
  const span = Math.max(1, Math.max(...ages) - oldest)
  const objective: string[] = []
  const byPoint: string[][] = points.map(() => [])
  const byRequest: string[][] = requests.map(() => [])
  requests.forEach(({ r, i: ri }, a) => {
    const bonus = AGE_BONUS * (1 - (r.createdAt.getTime() - oldest) / span)
    points.forEach(({ i: pi }, b) => {
      const name = `x${ri}_${pi}`
      const d = km[a]![b]!
      columns.set(name, { request: ri, point: pi, km: d })
      const coefficient = PRIORITY_WEIGHT[r.priority] + bonus - epsilon * d
      objective.push(`${coefficient.toFixed(9)} ${name}`)
      byPoint[b]!.push(name)
      byRequest[a]!.push(name)
    })
  })
  // Short lines: the LP format reader takes long ones, but a model read by a person should not need it.
  const wrap = (terms: string[]) =>
    terms.reduce((out, term, k) => out + (k === 0 ? '' : k % 8 === 0 ? '\n  + ' : ' + ') + term, '')
  const lines = ['Maximize', ` obj: ${objective.length > 0 ? wrap(objective) : '0 x_none'}`, 'Subject To']
  points.forEach(({ p, i }, b) => {
    if (byPoint[b]!.length > 0) lines.push(` p${i}: ${wrap(byPoint[b]!)} <= ${p.available}`)
  })
  requests.forEach(({ r, i }, a) => {
    if (byRequest[a]!.length > 0) lines.push(` r${i}: ${wrap(byRequest[a]!)} <= ${r.remaining}`)
  })
  if (objective.length === 0) lines.push(' none: x_none <= 0')
  lines.push('End')
  return { lp: `${lines.join('\n')}\n`, columns }
}

/** Solves the model with HiGHS on its own thread, and reads back whole quantities. */
export async function solveAllocation(input: AllocationInput): Promise<SolvedAllocation> {
  const model = buildModel(input)
  if (model.columns.size === 0) return { rows: [], solverMs: 0, status: 'Optimal' }
  // x = 0 is feasible, so the primal simplex starts from a vertex and only climbs; presolve finds
  // little to remove in a transportation problem. Both measured in bench/allocation.ts.
  const solution = await solveLp(model.lp, {
    solver: 'simplex',
    simplex_strategy: 4,
    presolve: 'off',
    log_to_console: false,
  })
  const { solverMs, status } = solution
  if (status !== 'Optimal') return { rows: [], solverMs, status }
  const rows: AllocationRow[] = []
  for (const [name, primal] of solution.values) {
    const pair = model.columns.get(name)
    if (!pair) continue
    const quantity = Math.floor(primal + 1e-6)
    if (quantity <= 0) continue
    rows.push({
      requestId: input.requests[pair.request]!.id,
      pointId: input.points[pair.point]!.id,
      quantity,
      km: pair.km,
    })
  }
  return { rows: clampToLimits(input, rows), solverMs, status }
}

/** Whatever a solver said, never more than a point holds or a request asks (rounding's last guard). */
function clampToLimits(input: AllocationInput, rows: AllocationRow[]): AllocationRow[] {
  const left = new Map(input.points.map((p) => [p.id, p.available]))
  const wants = new Map(input.requests.map((r) => [r.id, r.remaining]))
  return rows.flatMap((row) => {
    const q = Math.min(row.quantity, left.get(row.pointId) ?? 0, wants.get(row.requestId) ?? 0)
    if (q <= 0) return []
    left.set(row.pointId, left.get(row.pointId)! - q)
    wants.set(row.requestId, wants.get(row.requestId)! - q)
    return [{ ...row, quantity: q }]
  })
}

const RANK: Record<Priority, number> = { 'front-line': 0, vulnerable: 1, general: 2 }

/** Priority first, then the oldest: the order staff would serve requests by hand. */
export function servingOrder(a: DemandLine, b: DemandLine): number {
  return RANK[a.priority] - RANK[b.priority] || a.createdAt.getTime() - b.createdAt.getTime()
}

/**
 * The allocation by hand, to compare with: each request in priority order takes from the
 * nearest point that still has stock, then the next nearest, until it is served or stock runs out.
 */
export function greedyAllocation(input: AllocationInput): AllocationRow[] {
  const left = new Map(input.points.map((p) => [p.id, p.available]))
  const rows: AllocationRow[] = []
  for (const r of [...input.requests].sort(servingOrder)) {
    let wants = r.remaining
    const nearest = input.points
      .map((p) => ({ p, km: kmBetween(r, p) }))
      .sort((a, b) => a.km - b.km || a.p.id.localeCompare(b.p.id))
    for (const { p, km } of nearest) {
      if (wants <= 0) break
      const q = Math.min(wants, left.get(p.id) ?? 0)
      if (q <= 0) continue
      left.set(p.id, left.get(p.id)! - q)
      wants -= q
      rows.push({ requestId: r.id, pointId: p.id, quantity: q, km })
    }
  }
  return rows
}

export interface AllocationSummary {
  served: Record<Priority, number>
  /** Σ quantity × km: the travel of every unit served */
  unitKm: number
  /** points given more than they hold, requests given more than they ask: both empty when sound */
  overdrawnPoints: string[]
  overservedRequests: string[]
}

/** What an allocation serves by priority, how far it sends people, and whether it holds to both limits. */
export function summarise(input: AllocationInput, rows: AllocationRow[]): AllocationSummary {
  const served: Record<Priority, number> = { 'front-line': 0, vulnerable: 0, general: 0 }
  const byRequest = new Map(input.requests.map((r) => [r.id, r]))
  const givenByPoint = new Map<string, number>()
  const givenByRequest = new Map<string, number>()
  let unitKm = 0
  for (const row of rows) {
    const r = byRequest.get(row.requestId)
    if (r) served[r.priority] += row.quantity
    unitKm += row.quantity * row.km
    givenByPoint.set(row.pointId, (givenByPoint.get(row.pointId) ?? 0) + row.quantity)
    givenByRequest.set(row.requestId, (givenByRequest.get(row.requestId) ?? 0) + row.quantity)
  }
  return {
    served,
    unitKm,
    overdrawnPoints: input.points.filter((p) => (givenByPoint.get(p.id) ?? 0) > p.available).map((p) => p.id),
    overservedRequests: input.requests
      .filter((r) => (givenByRequest.get(r.id) ?? 0) > r.remaining)
      .map((r) => r.id),
  }
}
