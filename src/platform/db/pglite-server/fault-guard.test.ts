import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { guardFaults } from './fault-guard.ts'

class Ended extends Error {}

/** PGlite's module object, reduced to the one call the guard wraps. */
function moduleThat(step: () => unknown) {
  const faults: Error[] = []
  const mod: Record<string, unknown> = { _PostgresMainLoopOnce: step }
  guardFaults(mod, (error) => {
    faults.push(error)
    throw new Ended()
  })
  return { run: () => (mod._PostgresMainLoopOnce as () => unknown)(), faults }
}

describe('the guard around PostgreSQL’s loop in the embedded database’s thread', () => {
  it('ends the thread on a WebAssembly fault instead of letting PGlite call again', () => {
    const m = moduleThat(() => {
      throw new WebAssembly.RuntimeError('null function or function signature mismatch')
    })
    assert.throws(m.run, Ended)
    assert.equal(m.faults[0]?.message, 'null function or function signature mismatch')
  })

  it('ends it too when the stack is exhausted inside PostgreSQL', () => {
    const m = moduleThat(() => {
      throw new RangeError('Maximum call stack size exceeded')
    })
    assert.throws(m.run, Ended)
    assert.equal(m.faults.length, 1)
  })

  it('leaves PostgreSQL’s own error jump to PGlite, and answers pass through', () => {
    const jump = Object.assign(new Error('longjmp'), { status: 1 })
    const failing = moduleThat(() => {
      throw jump
    })
    assert.throws(failing.run, (error) => error === jump)
    assert.equal(failing.faults.length, 0)
    assert.equal(moduleThat(() => 7).run(), 7)
  })

  it('refuses a PGlite that no longer has the call, rather than guarding nothing', () => {
    assert.throws(() => guardFaults({}, () => process.exit(1)), /_PostgresMainLoopOnce/)
  })
})
