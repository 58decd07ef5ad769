import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type Assignment, greedyAssignment, optimalAssignment, type ScoredPair } from './assignment.ts'

/** mulberry32: the same instances on every run. */
function seeded(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Random pairs between `asks` asks and `volunteers` volunteers, scores in tenths as scorePair gives them. */
function instance(rnd: () => number, asks: number, volunteers: number, density: number) {
  const pairs: ScoredPair[] = []
  for (let a = 0; a < asks; a++)
    for (let v = 0; v < volunteers; v++)
      if (rnd() < density) pairs.push({ ask: a, volunteer: v, score: Math.round(rnd() * 1000) / 10 })
  const capacities = Array.from({ length: volunteers }, () => Math.floor(rnd() * 3))
  return { pairs, capacity: (v: number) => capacities[v]! }
}

/** Every way to give each ask one of its pairs or none, within capacities: the best total. */
function bruteForce(pairs: readonly ScoredPair[], capacity: (v: number) => number): number {
  const asks = [...new Set(pairs.map((p) => p.ask))]
  const left = new Map<number, number>()
  const best = (k: number): number => {
    if (k === asks.length) return 0
    let top = best(k + 1)
    for (const p of pairs) {
      if (p.ask !== asks[k]) continue
      const used = left.get(p.volunteer) ?? 0
      if (used >= capacity(p.volunteer)) continue
      left.set(p.volunteer, used + 1)
      top = Math.max(top, p.score + best(k + 1))
      left.set(p.volunteer, used)
    }
    return top
  }
  return best(0)
}

function assertFeasible(pairs: readonly ScoredPair[], result: Assignment, capacity: (v: number) => number) {
  const asks = new Set<number>()
  const load = new Map<number, number>()
  for (const i of result.chosen) {
    const p = pairs[i]!
    assert.ok(!asks.has(p.ask), `ask ${p.ask} given twice`)
    asks.add(p.ask)
    load.set(p.volunteer, (load.get(p.volunteer) ?? 0) + 1)
  }
  for (const [v, n] of load) assert.ok(n <= capacity(v), `volunteer ${v} over capacity`)
  const sum = result.chosen.reduce((s, i) => s + pairs[i]!.score, 0)
  assert.ok(Math.abs(sum - result.totalScore) < 1e-6)
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6

describe('the optimal assignment', () => {
  it('finds the brute-force optimum on 600 small random instances', async () => {
    const rnd = seeded(14)
    for (let n = 0; n < 600; n++) {
      const { pairs, capacity } = instance(rnd, 2 + Math.floor(rnd() * 5), 2 + Math.floor(rnd() * 4), 0.7)
      const optimal = await optimalAssignment(pairs, capacity)
      assertFeasible(pairs, optimal, capacity)
      const best = bruteForce(pairs, capacity)
      assert.ok(close(optimal.totalScore, best), `instance ${n}: ${optimal.totalScore} ≠ ${best}`)
    }
  })

  it('is never below the greedy assignment, and is strictly above it where taking the best pair first blocks two others', async () => {
    const rnd = seeded(59)
    for (let n = 0; n < 200; n++) {
      const { pairs, capacity } = instance(rnd, 8, 6, 0.4)
      const optimal = await optimalAssignment(pairs, capacity)
      const greedy = greedyAssignment(pairs, capacity)
      assertFeasible(pairs, greedy, capacity)
      assert.ok(optimal.totalScore >= greedy.totalScore - 1e-9)
    }
    // Jeanne's ask suits Karim best (90) and Lucie nearly as well (80); Paul's suits only Karim (70).
    const pairs: ScoredPair[] = [
      { ask: 0, volunteer: 0, score: 90 },
      { ask: 0, volunteer: 1, score: 80 },
      { ask: 1, volunteer: 0, score: 70 },
    ]
    const one = () => 1
    assert.deepEqual(greedyAssignment(pairs, one), { chosen: [0], totalScore: 90, solverMs: 0 })
    const optimal = await optimalAssignment(pairs, one)
    assert.deepEqual(optimal.chosen, [1, 2])
    assert.equal(optimal.totalScore, 150)
  })

  it('gives a volunteer up to their capacity, none to a volunteer with no capacity left', async () => {
    const pairs: ScoredPair[] = [
      { ask: 0, volunteer: 7, score: 50 },
      { ask: 1, volunteer: 7, score: 60 },
      { ask: 2, volunteer: 7, score: 40 },
      { ask: 2, volunteer: 9, score: 95 },
    ]
    const result = await optimalAssignment(pairs, (v) => (v === 7 ? 2 : 0))
    assert.deepEqual(result.chosen, [0, 1])
    assert.equal(result.totalScore, 110)
    assert.deepEqual(await optimalAssignment([], () => 1), { chosen: [], totalScore: 0, solverMs: 0 })
  })

  it('agrees with HiGHS on problems large enough to go to the solver’s thread', async () => {
    const rnd = seeded(62)
    for (let n = 0; n < 3; n++) {
      const { pairs, capacity } = instance(rnd, 300, 150, 0.06)
      assert.ok(pairs.length > 2000)
      const matching = await optimalAssignment(pairs, capacity)
      const highs = await optimalAssignment(pairs, capacity, { method: 'highs' })
      assertFeasible(pairs, matching, capacity)
      assertFeasible(pairs, highs, capacity)
      assert.ok(close(matching.totalScore, highs.totalScore), `${matching.totalScore} ≠ ${highs.totalScore}`)
    }
  })
})
