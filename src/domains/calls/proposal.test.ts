import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type CallerCandidate, rankCallers, timesMatch } from './proposal.ts'

const caller = (id: string, over: Partial<CallerCandidate> = {}): CallerCandidate => ({
  id,
  name: id,
  communes: [],
  languages: ['fr'],
  availability: null,
  capacity: 3,
  load: 0,
  distanceKm: 50,
  ...over,
})
const person = { communeInsee: '14118', language: 'fr', preferredTimes: null }
const ids = (list: ReturnType<typeof rankCallers>) => list.map((p) => p.caller.id)

describe('proposing callers for a person', () => {
  it('puts a caller of the same commune first, then the nearest', () => {
    const ranked = rankCallers(person, [
      caller('far', { distanceKm: 40 }),
      caller('near', { distanceKm: 8 }),
      caller('same', { communes: ['14118'], distanceKm: 0 }),
      caller('unknown', { distanceKm: null }),
    ])
    assert.deepEqual(ids(ranked), ['same', 'near', 'far', 'unknown'])
    assert.equal(ranked[0]!.sameCommune, true)
  })

  it('prefers a shared language among callers equally near', () => {
    const ranked = rankCallers({ ...person, language: 'ar' }, [
      caller('fr-only', { distanceKm: 5 }),
      caller('speaks-ar', { languages: ['fr', 'ar'], distanceKm: 9 }),
    ])
    assert.deepEqual(ids(ranked), ['speaks-ar', 'fr-only'])
    assert.equal(ranked[0]!.sharedLanguage, true)
  })

  it('but a caller of the same commune still comes before a farther one who shares the language', () => {
    const ranked = rankCallers({ ...person, language: 'ar' }, [
      caller('speaks-ar', { languages: ['ar'], distanceKm: 25 }),
      caller('same', { communes: ['14118'], distanceKm: 0 }),
    ])
    assert.deepEqual(ids(ranked), ['same', 'speaks-ar'])
  })

  it('then times that fit, then the lightest load', () => {
    const ranked = rankCallers({ ...person, preferredTimes: 'le matin, en semaine' }, [
      caller('evenings', { availability: 'le soir', distanceKm: 5 }),
      caller('busy-mornings', { availability: 'Matin', load: 2, distanceKm: 5 }),
      caller('free-mornings', { availability: 'tous les matins', load: 0, distanceKm: 6 }),
    ])
    assert.deepEqual(ids(ranked), ['free-mornings', 'busy-mornings', 'evenings'])
    assert.equal(ranked[2]!.timesMatch, false)
  })

  it('leaves out callers who have no room and breaks ties by id', () => {
    const ranked = rankCallers(person, [
      caller('b', { distanceKm: 3 }),
      caller('full', { load: 3, capacity: 3, communes: ['14118'] }),
      caller('a', { distanceKm: 3 }),
    ])
    assert.deepEqual(ids(ranked), ['a', 'b'])
  })

  it('reads moments of the day without accents or case', () => {
    assert.equal(timesMatch('Après midi', 'l’apres-midi en semaine'), true)
    assert.equal(timesMatch('week end', 'le week-end'), true)
    assert.equal(timesMatch('le matin', 'le soir'), false)
    assert.equal(timesMatch(null, 'le soir'), true)
    assert.equal(timesMatch('quand vous voulez', 'le soir'), true)
  })
})
