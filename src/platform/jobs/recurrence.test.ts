import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { currentSlot, slotKey } from './recurrence.ts'

describe('recurring slots', () => {
  const start = new Date('2026-03-16T00:00:00Z')

  it('runs the slot that is due and schedules the next one', () => {
    const { slot, next } = currentSlot(start, 3600, new Date('2026-03-16T00:10:00Z'))
    assert.equal(slot.toISOString(), '2026-03-16T00:00:00.000Z')
    assert.equal(next.toISOString(), '2026-03-16T01:00:00.000Z')
  })

  it('runs once for the latest slot after a long stop, not once per missed slot', () => {
    const { slot, next } = currentSlot(start, 3600, new Date('2026-03-17T05:30:00Z'))
    assert.equal(slot.toISOString(), '2026-03-17T05:00:00.000Z')
    assert.equal(next.toISOString(), '2026-03-17T06:00:00.000Z')
  })

  it('names each slot, so two processes enqueueing it collide', () => {
    assert.equal(slotKey('purge', start), 'purge:2026-03-16T00:00:00.000Z')
  })
})
