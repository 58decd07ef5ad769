import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { pgTable, uuid } from 'drizzle-orm/pg-core'
import { idOf, mayBeReferenced } from './foreign-keys.ts'

describe('idOf', () => {
  it('gives the id column of a table declared as one others may point at', () => {
    const places = pgTable('places_for_a_test', { id: uuid('id').primaryKey() })
    mayBeReferenced(places)
    assert.equal(idOf('places_for_a_test')(), places.id)
  })

  it('names the table when none was declared, rather than a foreign key to nothing', () => {
    assert.throws(() => idOf('nowhere')(), /No table « nowhere » is declared mayBeReferenced/)
  })
})
