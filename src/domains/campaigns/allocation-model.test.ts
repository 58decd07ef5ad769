import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  type AllocationInput,
  buildModel,
  type DemandLine,
  greedyAllocation,
  solveAllocation,
  summarise,
} from './allocation-model.ts'

// Caen, Bayeux and Lisieux: about 27 km and 45 km apart.
const CAEN = { latitude: 49.1829, longitude: -0.3707 }
const BAYEUX = { latitude: 49.2764, longitude: -0.7024 }
const LISIEUX = { latitude: 49.1466, longitude: 0.2266 }
const day = (n: number) => new Date(Date.UTC(2026, 11, n))

const request = (id: string, priority: DemandLine['priority'], remaining: number, at = CAEN, n = 1) => ({
  id,
  priority,
  remaining,
  ...at,
  createdAt: day(n),
})

describe('the allocation’s linear program', () => {
  it('writes one column per request and point with stock, and one row per limit', () => {
    const model = buildModel({
      requests: [request('a', 'general', 3), request('b', 'general', 0)],
      points: [
        { id: 'p', available: 5, ...CAEN },
        { id: 'q', available: 0, ...BAYEUX },
      ],
    })
    assert.deepEqual([...model.columns.keys()], ['x0_0'])
    assert.match(
      model.lp,
      /^Maximize\n obj: 2\.001000000 x0_0\nSubject To\n p0: x0_0 <= 5\n r0: x0_0 <= 3\nEnd\n$/,
    )
  })

  it('serves the front line first, then the vulnerable, and leaves the general public when stock is short', async () => {
    const input: AllocationInput = {
      requests: [
        request('general', 'general', 10, CAEN, 1),
        request('front', 'front-line', 10, LISIEUX, 3),
        request('vulnerable', 'vulnerable', 10, BAYEUX, 2),
      ],
      points: [
        { id: 'caen', available: 12, ...CAEN },
        { id: 'bayeux', available: 8, ...BAYEUX },
      ],
    }
    const solved = await solveAllocation(input)
    assert.equal(solved.status, 'Optimal')
    const served = summarise(input, solved.rows)
    assert.deepEqual(served.served, { 'front-line': 10, vulnerable: 10, general: 0 })
    assert.deepEqual(served.overdrawnPoints, [])
    assert.deepEqual(served.overservedRequests, [])
    // The vulnerable request in Bayeux takes Bayeux's 8 and 2 from Caen; Lisieux's is nearer Caen.
    const of = (r: string, p: string) =>
      solved.rows.find((x) => x.requestId === r && x.pointId === p)?.quantity ?? 0
    assert.equal(of('vulnerable', 'bayeux'), 8)
    assert.equal(of('vulnerable', 'caen'), 2)
    assert.equal(of('front', 'caen'), 10)
  })

  it('sends each of two equal requests to the point in its own commune', async () => {
    const input: AllocationInput = {
      requests: [request('bayeux', 'general', 5, BAYEUX, 1), request('caen', 'general', 5, CAEN, 2)],
      points: [
        { id: 'caen', available: 5, ...CAEN },
        { id: 'bayeux', available: 5, ...BAYEUX },
      ],
    }
    const solved = await solveAllocation(input)
    assert.deepEqual(solved.rows.map((r) => `${r.requestId}@${r.pointId}=${r.quantity}`).sort(), [
      'bayeux@bayeux=5',
      'caen@caen=5',
    ])
    assert.ok(summarise(input, solved.rows).unitKm < 1e-9)
    assert.deepEqual(summarise(input, greedyAllocation(input)).served.general, 10)
  })

  it('gives nothing when there is no stock, without calling the solver', async () => {
    const solved = await solveAllocation({
      requests: [request('a', 'front-line', 4)],
      points: [{ id: 'p', available: 0, ...CAEN }],
    })
    assert.deepEqual(solved, { rows: [], solverMs: 0, status: 'Optimal' })
  })

  it('never goes beyond stock or demand in the greedy comparison either', () => {
    const input: AllocationInput = {
      requests: [request('a', 'front-line', 7), request('b', 'vulnerable', 7, BAYEUX)],
      points: [
        { id: 'caen', available: 4, ...CAEN },
        { id: 'bayeux', available: 5, ...BAYEUX },
      ],
    }
    const rows = greedyAllocation(input)
    const s = summarise(input, rows)
    assert.deepEqual(s.served, { 'front-line': 7, vulnerable: 2, general: 0 })
    assert.deepEqual([s.overdrawnPoints, s.overservedRequests], [[], []])
  })
})
