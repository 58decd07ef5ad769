import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  checkListing,
  expiryFrom,
  isVisibleTo,
  type Listing,
  type ListingInput,
  parseDay,
  presentListing,
} from './listing.ts'

const now = new Date('2026-03-16T09:00:00Z')
const base: ListingInput = {
  kind: 'ask',
  categoryId: 'c',
  title: ' Courses  du samedi ',
  description: 'Ligne 1\r\nLigne 2 ',
  whenKind: 'date',
  whenStart: '20/03/2026',
  whenEnd: '',
  recurrence: '',
  urgency: 'today',
  capacity: '',
  forOther: false,
  onBehalfName: 'ignoré',
  onBehalfRelation: '',
  onBehalfConsent: false,
  charter: true,
}
const keys = (input: Partial<ListingInput>) =>
  checkListing({ ...base, ...input }, now).issues.map((i) => i.key)

describe('listing rules', () => {
  it('tidies the text, keeps line breaks, reads French and ISO dates', () => {
    const { fields, issues } = checkListing(base, now)
    assert.deepEqual(issues, [])
    assert.equal(fields.title, 'Courses du samedi')
    assert.equal(fields.description, 'Ligne 1\nLigne 2')
    assert.equal(fields.whenStart?.toISOString(), '2026-03-20T12:00:00.000Z')
    assert.equal(fields.onBehalfName, null)
    assert.equal(parseDay('2026-02-30'), null)
    assert.equal(parseDay('2026-04-02')?.toISOString(), '2026-04-02T12:00:00.000Z')
  })

  it('says what is wrong with each field', () => {
    assert.deepEqual(keys({ title: 'x'.repeat(121), description: ' ' }), [
      'listing.error.tooLong',
      'listing.description.required',
    ])
    assert.deepEqual(keys({ whenStart: '01/01/2026' }), ['listing.whenStart.past'])
    assert.deepEqual(keys({ whenKind: 'period', whenEnd: '19/03/2026' }), ['listing.whenEnd.beforeStart'])
    assert.deepEqual(keys({ whenKind: 'recurring' }), ['listing.recurrence.required'])
    assert.deepEqual(keys({ urgency: '' }), ['listing.urgency.required'])
    assert.deepEqual(keys({ kind: 'offer', urgency: '' }), [])
    assert.deepEqual(keys({ forOther: true, onBehalfName: 'Marcel', onBehalfRelation: 'voisin' }), [
      'listing.onBehalfConsent.required',
    ])
    assert.deepEqual(keys({ charter: false }), ['listing.charter.required'])
  })

  it('shows held and removed listings to their author only, and contact details to no one', () => {
    const listing = {
      id: 'l',
      authorId: 'a',
      status: 'held',
      holdReasons: ['price'],
      expiresAt: expiryFrom(now),
    } as Listing
    assert.equal(isVisibleTo(listing, { accountId: 'a', moderator: false }), true)
    assert.equal(isVisibleTo(listing, { accountId: 'b', moderator: false }), false)
    assert.equal(isVisibleTo(listing, { accountId: 'b', moderator: true }), true)
    assert.equal(isVisibleTo({ ...listing, status: 'removed' }, { accountId: 'b', moderator: true }), false)
    assert.equal(isVisibleTo({ ...listing, status: 'closed' }, null), true)
    const extras = {
      category: { id: 'c', name: 'Courses', guidance: '' },
      commune: { insee: '14118', name: 'Caen' },
      author: { displayName: 'Zoé', memberSince: '2026-03' },
      distanceKm: null,
    }
    const stranger = presentListing(
      { ...listing, publishedAt: null, whenStart: null, whenEnd: null },
      null,
      extras,
    )
    assert.equal(stranger.holdReasons, undefined)
    assert.equal(stranger.expiresAt, undefined)
    assert.ok(!JSON.stringify(stranger).includes('@'))
    const own = presentListing(
      { ...listing, publishedAt: null, whenStart: null, whenEnd: null },
      { accountId: 'a' },
      extras,
    )
    assert.deepEqual(own.actions, ['edit', 'close'])
  })
})
