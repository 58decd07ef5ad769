import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { safeErrorMessage } from './job-error.ts'

describe('safe error messages', () => {
  it('masks email addresses that servers quote in their refusals', () => {
    const message = safeErrorMessage(
      new Error('450 Mailbox <marie.dupont@exemple.fr> unavailable; cc jean@x.org'),
    )
    assert.doesNotMatch(message, /marie|dupont|jean@|exemple\.fr/)
    assert.match(message, /450 Mailbox/)
  })

  it('keeps the message only, on one line and short', () => {
    const message = safeErrorMessage(new Error(`first line\nsecond ${'x'.repeat(2000)}`))
    assert.ok(message.length <= 500)
    assert.doesNotMatch(message, /\n/)
  })

  it('describes what is not an Error', () => {
    assert.equal(safeErrorMessage('plain'), 'plain')
    assert.equal(safeErrorMessage({ secret: 'x' }), 'unknown error')
  })
})
