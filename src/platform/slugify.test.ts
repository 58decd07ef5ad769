import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { slugify } from './slugify.ts'

describe('slugify', () => {
  it('makes slugs from names', () => {
    assert.equal(slugify('Entraide Calvados (démo)'), 'entraide-calvados-demo')
    assert.equal(slugify('Lozère Entraidons-nous !'), 'lozere-entraidons-nous')
  })

  it('keeps at most 40 characters and never ends on a dash', () => {
    assert.equal(slugify(`${'a'.repeat(39)} b`), 'a'.repeat(39))
  })
})
