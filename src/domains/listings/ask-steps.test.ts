import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  type AskAnswers,
  firstUnanswered,
  nextSlug,
  previousSlug,
  stepBySlug,
  stepsFor,
  withoutStale,
} from './ask-steps.ts'

const step = (slug: string) => stepBySlug(slug)!

describe('the pages of an ask', () => {
  it('asks a follow-up question only when an answer calls for it', () => {
    const slugs = (a: AskAnswers) => stepsFor(a).map((s) => s.slug)
    assert.deepEqual(slugs({}), ['aide', 'description', 'commune', 'quand', 'urgence', 'pour-qui'])
    assert.deepEqual(slugs({ whenKind: 'period', forWhom: 'other' }), [
      'aide',
      'description',
      'commune',
      'quand',
      'periode',
      'urgence',
      'pour-qui',
      'personne',
    ])
    assert.ok(slugs({ whenKind: 'date' }).includes('date'))
    assert.ok(slugs({ whenKind: 'recurring' }).includes('rythme'))
  })

  it('goes forward page by page, or back to the check page once it was reached', () => {
    const answers: AskAnswers = { categoryId: 'c', whenKind: 'date' }
    assert.equal(nextSlug(step('quand'), answers, false), 'date')
    assert.equal(nextSlug(step('date'), answers, false), 'urgence')
    const whole: AskAnswers = {
      categoryId: 'c',
      title: 't',
      description: 'd',
      communeInsee: '14047',
      whenKind: 'flexible',
      urgency: 'week',
      forWhom: 'self',
    }
    assert.equal(firstUnanswered(whole), null)
    assert.equal(nextSlug(step('pour-qui'), whole, false), 'verifier')
    assert.equal(nextSlug(step('description'), whole, true), 'verifier')
    assert.equal(
      nextSlug(step('quand'), { ...whole, whenKind: 'date' }, true),
      'date',
      'the new follow-up first',
    )
  })

  it('goes back to the page before, or to the check page', () => {
    assert.equal(previousSlug(step('aide'), {}, false), null)
    assert.equal(previousSlug(step('urgence'), { whenKind: 'recurring' }, false), 'rythme')
    assert.equal(previousSlug(step('urgence'), { whenKind: 'flexible' }, false), 'quand')
    assert.equal(previousSlug(step('urgence'), {}, true), 'verifier')
    assert.equal(previousSlug('check', { forWhom: 'other' }, false), 'personne')
  })

  it('drops the answers of follow-ups that no longer apply', () => {
    const answers = withoutStale({
      whenKind: 'flexible',
      whenStart: '2026-04-02',
      recurrence: 'le mardi',
      forWhom: 'self',
      onBehalfName: 'Marcel',
      onBehalfConsent: true,
      commune: 'Bayeux (14400)',
    })
    assert.deepEqual(answers, { whenKind: 'flexible', forWhom: 'self', commune: 'Bayeux (14400)' })
  })
})
