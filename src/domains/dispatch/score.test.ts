import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { availabilityShare, HALF_DAYS, isHalfDay, type PairFacts, scorePair, WEIGHTS } from './score.ts'

/** The best pair there is: next door, all free half-days, quick to answer, nothing in progress. */
const perfect: PairFacts = {
  distanceKm: 0,
  radiusKm: 10,
  categoryMatch: true,
  availabilityShare: 1,
  verified: true,
  openMatches: 0,
  answerRate: 1,
  medianAnswerHours: 2,
  languageMatch: true,
}
const points = (facts: Partial<PairFacts>, criterion: string) =>
  scorePair({ ...perfect, ...facts }).parts.find((p) => p.criterion === criterion)!.points

describe('the score of a pair', () => {
  it('gives a perfect pair 100 points, one part per criterion, the weights summing to 100', () => {
    const { score, parts } = scorePair(perfect)
    assert.equal(score, 100)
    assert.deepEqual(
      parts.map((p) => [p.criterion, p.points]),
      Object.entries(WEIGHTS),
    )
  })

  it('gives distance points falling to none at the edge of the volunteer’s radius', () => {
    assert.equal(points({ distanceKm: 0 }, 'distance'), 30)
    assert.equal(points({ distanceKm: 3 }, 'distance'), 21)
    assert.equal(points({ distanceKm: 10 }, 'distance'), 0)
    assert.equal(points({ distanceKm: 14 }, 'distance'), 0)
    assert.equal(scorePair({ ...perfect, distanceKm: 3.4 }).parts[0]!.value, '3')
  })

  it('counts the category, verification and language only when they hold', () => {
    assert.equal(points({ categoryMatch: false }, 'category'), 0)
    assert.equal(points({ verified: false }, 'verified'), 0)
    assert.equal(points({ languageMatch: false }, 'language'), 0)
    assert.equal(
      scorePair({ ...perfect, categoryMatch: false, verified: false, languageMatch: false }).score,
      70,
    )
  })

  it('gives availability its share of the ask’s half-days', () => {
    assert.equal(points({ availabilityShare: 0.5 }, 'availability'), 7.5)
    assert.equal(points({ availabilityShare: 0 }, 'availability'), 0)
  })

  it('lowers the load points with each match in progress, to none from three', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 5].map((openMatches) => points({ openMatches }, 'load')),
      [10, 6.7, 3.3, 0, 0],
    )
  })

  it('weighs the answer rate and the answer delay in responsiveness', () => {
    assert.equal(points({ answerRate: 0.4, medianAnswerHours: 2 }, 'responsiveness'), 8.7)
    assert.equal(points({ answerRate: 1, medianAnswerHours: 48 }, 'responsiveness'), 12.8)
    assert.equal(points({ answerRate: 1, medianAnswerHours: 100 }, 'responsiveness'), 10.5)
    assert.equal(scorePair({ ...perfect, answerRate: 0.8 }).parts[5]!.value, '80')
  })

  it('neither rewards nor punishes what is unknown: half the points of availability and responsiveness', () => {
    assert.equal(points({ availabilityShare: null }, 'availability'), WEIGHTS.availability / 2)
    assert.equal(
      points({ answerRate: null, medianAnswerHours: null }, 'responsiveness'),
      WEIGHTS.responsiveness / 2,
    )
    const unknown = scorePair({
      ...perfect,
      availabilityShare: null,
      answerRate: null,
      medianAnswerHours: null,
    })
    assert.equal(unknown.score, 85)
    assert.equal(unknown.parts[5]!.value, undefined)
  })

  it('is the same for the same facts', () => {
    const facts = { ...perfect, distanceKm: 4.2, openMatches: 1, answerRate: 0.35, medianAnswerHours: 30 }
    assert.deepEqual(scorePair(facts), scorePair({ ...facts }))
  })
})

describe('half-days', () => {
  it('are the fourteen of a week, morning and afternoon', () => {
    assert.equal(HALF_DAYS.length, 14)
    assert.deepEqual(HALF_DAYS.slice(0, 3), ['mon-am', 'mon-pm', 'tue-am'])
    assert.ok(isHalfDay('sun-pm'))
    assert.ok(!isHalfDay('sun-evening'))
    assert.ok(!isHalfDay(3))
  })

  it('share what the ask wants that the volunteer is free on, unknown when either side said nothing', () => {
    assert.equal(availabilityShare(['mon-am', 'tue-pm'], ['tue-pm', 'sat-am']), 0.5)
    assert.equal(availabilityShare(['mon-am'], ['mon-am']), 1)
    assert.equal(availabilityShare([], ['mon-am']), null)
    assert.equal(availabilityShare(['mon-am'], []), null)
  })
})
