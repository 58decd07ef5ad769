import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Issue } from '../../platform/validation.ts'
import type { MatchRow } from './match.repository.ts'
import {
  actionsFor,
  capacityOf,
  checkReason,
  checkResponse,
  checkThanks,
  MESSAGE_MAX,
  presentMatch,
  REASON_MAX,
  revealedContacts,
} from './match.ts'

const now = new Date('2026-03-10T10:00:00Z')
const row = (overrides: Partial<MatchRow> = {}): MatchRow => ({
  id: 'm1',
  territoryId: 't1',
  listingId: 'l1',
  authorId: 'author',
  responderId: 'responder',
  status: 'pending',
  authorShares: ['phone', 'email'],
  relayName: null,
  relayPhone: null,
  responderShares: ['phone', 'email'],
  reason: null,
  endedBy: null,
  doneMarkedBy: null,
  doneMarkedAt: null,
  thanks: null,
  thanksPublic: false,
  createdAt: now,
  updatedAt: now,
  acceptedAt: null,
  endedAt: null,
  lastActivityAt: now,
  remindedAt: null,
  ...overrides,
})
const account = { phone: '+33612345678', email: 'marie@exemple.test' }
const extras = {
  listing: { id: 'l1', title: 'Courses', kind: 'ask' as const, status: 'published' as const },
  other: { id: 'responder', displayName: 'Marie' },
  response: { message: 'Bonjour', createdAt: now },
  otherAccount: account,
}

describe('matches: pure rules', () => {
  it('reads the capacity of an offer from the number its author wrote first', () => {
    assert.equal(capacityOf('offer', '2 personnes par semaine'), 2)
    assert.equal(capacityOf('offer', 'jusqu’à 3 voisins'), 3)
    assert.equal(capacityOf('offer', 'deux personnes'), 2)
    assert.equal(capacityOf('offer', 'le samedi matin'), 1)
    assert.equal(capacityOf('offer', null), 1)
    assert.equal(capacityOf('offer', '0 personne'), 1)
    assert.equal(capacityOf('offer', '2026 personnes'), 50)
    assert.equal(capacityOf('ask', '5 personnes'), 1, 'an ask takes one helper at a time')
  })

  it('gives each side its own actions in each status', () => {
    assert.deepEqual(actionsFor(row(), 'author'), ['accept', 'decline'])
    assert.deepEqual(actionsFor(row(), 'responder'), ['withdraw'])
    assert.deepEqual(actionsFor(row({ status: 'accepted' }), 'author'), ['confirm', 'cancel'])
    assert.deepEqual(actionsFor(row({ status: 'accepted' }), 'responder'), ['markDone', 'cancel'])
    assert.deepEqual(actionsFor(row({ status: 'accepted', doneMarkedBy: 'responder' }), 'responder'), [
      'cancel',
    ])
    for (const status of ['declined', 'withdrawn', 'cancelled', 'done'] as const) {
      assert.deepEqual(actionsFor(row({ status }), 'author'), [])
      assert.deepEqual(actionsFor(row({ status }), 'responder'), [])
    }
  })

  it('reveals contacts only while accepted or done, and only those the other party shared', () => {
    for (const status of ['pending', 'declined', 'withdrawn', 'cancelled'] as const)
      assert.equal(revealedContacts(row({ status }), 'author', account), null, status)
    assert.deepEqual(revealedContacts(row({ status: 'accepted' }), 'author', account), account)
    assert.deepEqual(
      revealedContacts(row({ status: 'done', authorShares: ['email'] }), 'responder', account),
      {
        email: account.email,
      },
    )
    assert.deepEqual(
      revealedContacts(row({ status: 'accepted', responderShares: ['phone'] }), 'author', {
        phone: null,
        email: 'x@y.test',
      }),
      {},
      'a phone removed from the profile since is not shown',
    )
  })

  it('presents no contacts before acceptance even when the caller loaded them', () => {
    const pending = JSON.stringify(presentMatch(row(), 'author', extras))
    assert.doesNotMatch(pending, /33612345678|marie@exemple/)
    const accepted = presentMatch(row({ status: 'accepted' }), 'author', extras)
    assert.deepEqual(accepted.contacts, account)
    assert.equal(accepted.role, 'author')
  })

  it('checks the response: a message required, at most 1,000 characters, known channels only', () => {
    assert.deepEqual(
      checkResponse({ message: '  ', shares: [] }, false).issues.map((i) => i.key),
      ['match.message.required'],
    )
    assert.deepEqual(
      checkResponse({ message: 'x'.repeat(MESSAGE_MAX + 1), shares: ['fax'] }, false).issues.map(
        (i) => i.key,
      ),
      ['match.error.tooLong', 'match.shares.invalid'],
    )
    assert.deepEqual(
      checkResponse({ message: 'Bonjour', shares: ['phone'] }, false).issues.map((i) => i.key),
      ['match.shares.noPhone'],
    )
    const ok = checkResponse({ message: ' Bonjour\r\nà bientôt ', shares: ['email', 'phone', 'email'] }, true)
    assert.deepEqual(ok, { message: 'Bonjour\nà bientôt', shares: ['phone', 'email'], issues: [] })
  })

  it('requires a reason to cancel, not to decline, and bounds thanks', () => {
    const none: Issue[] = []
    assert.equal(checkReason('', false, none), null)
    assert.equal(none.length, 0)
    const issues: Issue[] = []
    checkReason(' ', true, issues)
    checkReason('x'.repeat(REASON_MAX + 1), false, issues)
    assert.deepEqual(
      issues.map((i) => i.key),
      ['match.reason.required', 'match.error.tooLong'],
    )
    assert.deepEqual(checkThanks({ thanks: '', thanksPublic: true }, []), {
      thanks: null,
      thanksPublic: false,
    })
    assert.deepEqual(checkThanks({ thanks: ' Merci ! ', thanksPublic: true }, []), {
      thanks: 'Merci !',
      thanksPublic: true,
    })
  })
})
