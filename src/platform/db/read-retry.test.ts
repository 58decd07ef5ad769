import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isPlainRead, lostConnection } from './read-retry.ts'

describe('which statements may be sent again after the embedded database restarts', () => {
  it('takes plain reads, whatever their columns are called', () => {
    assert.equal(isPlainRead('select "id", "updated_at", "deleted_by" from "listings" where "id" = $1'), true)
    assert.equal(isPlainRead('  SELECT 1'), true)
  })

  it('never a write, a lock, a sequence or a setting, nor anything that is not a SELECT', () => {
    for (const text of [
      'insert into "messages" ("body") values ($1)',
      'update "listings" set "status" = $1',
      'delete from "sessions" where "id" = $1',
      'with moved as (delete from "jobs" returning *) select * from moved',
      'select * from "jobs" where "run_at" < now() for update skip locked',
      'select * from "cases" where "id" = $1 for no key update',
      'select * from "cases" for share',
      "select nextval('listing_number')",
      "select set_config('app.actor', $1, true)",
      'select pg_advisory_xact_lock($1)',
      'begin',
      'commit',
      undefined,
    ])
      assert.equal(isPlainRead(text), false, String(text))
  })

  it('knows a lost or refused connection from an answer of the database', () => {
    assert.equal(lostConnection(new Error('Connection terminated unexpectedly')), true)
    assert.equal(lostConnection(Object.assign(new Error('refusée'), { code: 'ECONNREFUSED' })), true)
    assert.equal(lostConnection(Object.assign(new Error('duplicate key'), { code: '23505' })), false)
    assert.equal(lostConnection(undefined), false)
  })
})
