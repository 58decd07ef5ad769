import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { haversineKm } from '../../platform/geo/distance.ts'
import { type AskPoint, candidatePairs, PAIR_DEFAULTS, type VolunteerPoint } from './pairs.ts'

// Caen; Hérouville-Saint-Clair about 3 km away, Bayeux about 27 km, Lisieux about 45 km.
const CAEN = { latitude: 49.1829, longitude: -0.3707 }
const HEROUVILLE = { latitude: 49.2044, longitude: -0.3253 }
const BAYEUX = { latitude: 49.2764, longitude: -0.7024 }
const LISIEUX = { latitude: 49.1466, longitude: 0.2266 }

const ask = (id: string, at = CAEN, category = 'courses', needsVerified = false): AskPoint => ({
  id,
  ...at,
  category,
  needsVerified,
})
const volunteer = (id: string, at = CAEN, over: Partial<VolunteerPoint> = {}): VolunteerPoint => ({
  id,
  ...at,
  radiusKm: 10,
  categories: new Set(['courses']),
  verified: false,
  capacity: 1,
  ...over,
})
const ids = (asks: AskPoint[], volunteers: VolunteerPoint[], options = PAIR_DEFAULTS) =>
  candidatePairs(asks, volunteers, options).map(
    (p) => `${asks[p.askIndex]!.id}→${volunteers[p.volunteerIndex]!.id}`,
  )

describe('candidate pairs', () => {
  it('keeps a volunteer within their own radius and within maxKm, nearest first', () => {
    const volunteers = [
      volunteer('bayeux-near-radius', BAYEUX, { radiusKm: 10 }),
      volunteer('bayeux-far-radius', BAYEUX, { radiusKm: 30 }),
      volunteer('herouville', HEROUVILLE, { radiusKm: 5 }),
      volunteer('lisieux', LISIEUX, { radiusKm: 60 }),
    ]
    assert.deepEqual(ids([ask('caen')], volunteers, { maxKm: 50, perAsk: 10 }), [
      'caen→herouville',
      'caen→bayeux-far-radius',
      'caen→lisieux',
    ])
    assert.deepEqual(ids([ask('caen')], volunteers, { maxKm: 20, perAsk: 10 }), ['caen→herouville'])
    const [pair] = candidatePairs([ask('caen')], volunteers, { maxKm: 20, perAsk: 10 })
    assert.equal(pair!.distanceKm, haversineKm(CAEN, HEROUVILLE))
  })

  it('keeps only volunteers who help in the category, and verified ones when the category needs it', () => {
    const volunteers = [
      volunteer('gardener', CAEN, { categories: new Set(['jardinage']) }),
      volunteer('visitor', CAEN, { categories: new Set(['visites', 'courses']) }),
      volunteer('verified-visitor', HEROUVILLE, { categories: new Set(['visites']), verified: true }),
    ]
    assert.deepEqual(ids([ask('groceries'), ask('visit', CAEN, 'visites', true)], volunteers), [
      'groceries→visitor',
      'visit→verified-visitor',
    ])
    assert.deepEqual(ids([ask('plumbing', CAEN, 'bricolage')], volunteers), [])
  })

  it('leaves out a volunteer with no capacity left', () => {
    const volunteers = [
      volunteer('full', CAEN, { capacity: 0 }),
      volunteer('free', HEROUVILLE, { capacity: 2 }),
    ]
    assert.deepEqual(ids([ask('caen')], volunteers), ['caen→free'])
  })

  it('keeps at most perAsk pairs per ask, the nearest, ties to the volunteer listed first', () => {
    const volunteers = [
      volunteer('v0', HEROUVILLE),
      volunteer('v1', CAEN),
      volunteer('v2', CAEN),
      volunteer('v3', BAYEUX, { radiusKm: 30 }),
    ]
    // Bayeux is beyond the reach of the three in Caen and Hérouville: its ask keeps only one pair.
    assert.deepEqual(ids([ask('a'), ask('b', BAYEUX)], volunteers, { maxKm: 30, perAsk: 2 }), [
      'a→v1',
      'a→v2',
      'b→v3',
    ])
    assert.deepEqual(ids([ask('a')], volunteers, { maxKm: 30, perAsk: 0 }), [])
  })

  it('finds what scanning every volunteer finds, on random asks and volunteers', () => {
    let seed = 7
    const rnd = () => {
      seed = (seed * 16_807) % 2_147_483_647
      return seed / 2_147_483_647
    }
    const categories = ['courses', 'visites', 'bricolage']
    for (let round = 0; round < 12; round++) {
      const spot = () => ({ latitude: 48.9 + rnd() * 0.6, longitude: -0.9 + rnd() * 1.2 })
      const asks = Array.from({ length: 120 }, (_, i) =>
        ask(`a${i}`, spot(), categories[Math.floor(rnd() * 3)], rnd() < 0.2),
      )
      const volunteers = Array.from({ length: 600 }, (_, i) =>
        volunteer(`v${i}`, spot(), {
          radiusKm: [2, 5, 10, 30][Math.floor(rnd() * 4)]!,
          categories: new Set([categories[Math.floor(rnd() * 3)]!]),
          verified: rnd() < 0.5,
          capacity: Math.floor(rnd() * 3),
        }),
      )
      const options = { maxKm: [5, 10, 20][round % 3]!, perAsk: [1, 5, 12, 40][round % 4]! }
      const scanned = asks.flatMap((a, askIndex) =>
        volunteers
          .map((v, volunteerIndex) => ({ askIndex, volunteerIndex, distanceKm: haversineKm(a, v) }))
          .filter(({ volunteerIndex, distanceKm }) => {
            const v = volunteers[volunteerIndex]!
            return (
              v.capacity > 0 &&
              v.categories.has(a.category) &&
              (!a.needsVerified || v.verified) &&
              distanceKm <= Math.min(options.maxKm, v.radiusKm)
            )
          })
          .sort((x, y) => x.distanceKm - y.distanceKm || x.volunteerIndex - y.volunteerIndex)
          .slice(0, options.perAsk),
      )
      assert.deepEqual(candidatePairs(asks, volunteers, options), scanned)
    }
  })
})
