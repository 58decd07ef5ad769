import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { defaultCategorySlugs } from '../../categories/index.ts'
import { interestSlugs } from './interests.ts'

describe('interests', () => {
  // Profiles keep interests as slugs; what a person follows must name a category that exists.
  it('are the slugs of the default categories', () => {
    assert.deepEqual([...interestSlugs].sort(), [...defaultCategorySlugs].sort())
  })
})
