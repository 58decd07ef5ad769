import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hasScope } from '../../../platform/auth/scopes.ts'
import type { AccountRow } from '../identity/account.repository.ts'
import { tokenInputIssues } from '../tokens/tokens.service.ts'
import {
  checkProfileInput,
  displayNameProblem,
  formatMonth,
  normaliseDisplayName,
  normalisePhone,
  parisMonth,
  presentOwnProfile,
  presentPublicProfile,
} from './profile.ts'

const account: AccountRow = {
  id: '00000000-0000-4000-8000-000000000001',
  territoryId: '00000000-0000-4000-8000-000000000002',
  email: 'zoe@exemple.test',
  emailVerifiedAt: new Date('2026-11-02T10:00:00Z'),
  passwordHash: 'argon2id-hash',
  displayName: 'Zoé',
  communeInsee: '14047',
  phone: '+33612345678',
  smsConsentAt: null,
  locale: 'fr',
  easyRead: false,
  interests: ['gardening', 'not-a-category'],
  radiusKm: 10,
  availability: [],
  languages: ['fr'],
  acceptsProposals: true,
  notifications: { messages: 'daily' },
  status: 'active',
  charterVersion: '1',
  charterAcceptedAt: new Date('2026-11-02T10:00:00Z'),
  privacyVersion: '1',
  privacyAcceptedAt: new Date('2026-11-02T10:00:00Z'),
  totpSecret: 'sealed',
  totpEnabledAt: null,
  totpLastStep: null,
  lastLoginAt: null,
  createdAt: new Date('2026-11-02T10:00:00Z'),
  updatedAt: new Date('2026-11-02T10:00:00Z'),
}
/** The slugs of the territory's active categories, the only interests a person may pick. */
const offered = ['groceries-medicines', 'gardening', 'pets']
const bayeux = {
  insee: '14047',
  name: 'Bayeux',
  postalCodes: ['14400'],
  departement: '14',
  population: 13000,
  latitude: 49.27,
  longitude: -0.7,
}

describe('display names', () => {
  it('accepts names as people write them, accents, apostrophes and hyphens included', () => {
    for (const name of [
      'Zoé',
      "N'Diaye",
      'N’Diaye',
      'Jean-Éric',
      'Ève Le Gall',
      'Maëlys',
      'Łukasz',
      'Nguyễn',
    ])
      assert.equal(displayNameProblem(normaliseDisplayName(name)), null, name)
  })

  it('trims and joins spaces, and refuses markup, digits, empty or too long names', () => {
    assert.equal(normaliseDisplayName('  Zoé   Martin \n'), 'Zoé Martin')
    assert.equal(displayNameProblem('<script>alert(1)</script>'), 'profile.displayName.characters')
    assert.equal(displayNameProblem('Zoé 06 12 34 56 78'), 'profile.displayName.characters')
    assert.equal(displayNameProblem("-'-"), 'profile.displayName.characters')
    assert.equal(displayNameProblem(''), 'profile.displayName.required')
    assert.equal(displayNameProblem('a'.repeat(60)), null)
    assert.equal(displayNameProblem('a'.repeat(61)), 'profile.displayName.tooLong')
  })
})

describe('phone numbers', () => {
  it('writes French numbers as +33…, whatever the spacing', () => {
    for (const written of [
      '06 12 34 56 78',
      '06.12.34.56.78',
      '0612345678',
      '06-12-34-56-78',
      '+33 6 12 34 56 78',
      '+33 (0)6 12 34 56 78',
      '0033 6 12 34 56 78',
    ])
      assert.deepEqual(normalisePhone(written), { phone: '+33612345678' }, written)
  })

  it('keeps overseas and foreign numbers with their own country code', () => {
    assert.deepEqual(normalisePhone('05 90 12 34 56'), { phone: '+590590123456' })
    assert.deepEqual(normalisePhone('06 92 12 34 56'), { phone: '+262692123456' })
    assert.deepEqual(normalisePhone('+32 470 12 34 56'), { phone: '+32470123456' })
  })

  it('clears with an empty value and explains what is wrong otherwise', () => {
    assert.deepEqual(normalisePhone('   '), { phone: null })
    assert.deepEqual(normalisePhone('06 12 34'), { problem: 'profile.phone.invalid' })
    assert.deepEqual(normalisePhone('+33 6 12 34'), { problem: 'profile.phone.french' })
    assert.deepEqual(normalisePhone('+12'), { problem: 'profile.phone.international' })
    assert.deepEqual(normalisePhone('appelez-moi'), { problem: 'profile.phone.invalid' })
  })
})

describe('profile input', () => {
  it('reads only what it knows and names each field in trouble', () => {
    const { issues } = checkProfileInput(
      {
        displayName: '<b>',
        interests: ['gardening', 'casino'],
        radiusKm: 7,
        notifications: { matches: 'hourly' },
        locale: 'de',
      },
      offered,
    )
    assert.deepEqual(
      issues.map((i) => i.field),
      ['displayName', 'interests', 'radiusKm', 'notifications/matches', 'locale'],
    )
  })

  it('turns valid input into column changes, leaving out what was not sent', () => {
    const { changes, issues } = checkProfileInput(
      {
        displayName: ' Jean-Éric ',
        interests: ['gardening', 'gardening', 'pets'],
        easyRead: true,
      },
      offered,
    )
    assert.deepEqual(issues, [])
    assert.deepEqual(changes, { displayName: 'Jean-Éric', interests: ['gardening', 'pets'], easyRead: true })
  })
})

describe('presenters', () => {
  it('shows a stranger the name, the commune and the month of sign-up, nothing else', () => {
    const shown = presentPublicProfile(account, bayeux)
    assert.deepEqual(shown, { id: account.id, displayName: 'Zoé', commune: 'Bayeux', memberSince: '2026-11' })
  })

  it('shows the person their own profile without secrets, offered interests only, defaults filled in', () => {
    const own = presentOwnProfile(account, bayeux, offered)
    assert.equal(own.phone, '+33612345678')
    assert.deepEqual(own.interests, ['gardening'])
    assert.deepEqual(own.notifications, { matches: 'immediate', messages: 'daily', savedSearches: 'daily' })
    const json = JSON.stringify(own)
    assert.doesNotMatch(json, /argon2id-hash|sealed/)
  })

  it('counts the month of sign-up in Paris time and writes it in the reader’s language', () => {
    assert.equal(parisMonth(new Date('2026-11-30T23:30:00Z')), '2026-12')
    assert.equal(formatMonth('2026-11', 'fr'), 'novembre 2026')
    assert.equal(formatMonth('2026-11', 'en'), 'November 2026')
  })
})

describe('tokens', () => {
  it('needs a name and known scopes', () => {
    assert.deepEqual(
      tokenInputIssues({ name: ' ', scopes: [] }).map((i) => i.key),
      ['tokens.name.required', 'tokens.scopes.required'],
    )
    assert.deepEqual(
      tokenInputIssues({ name: 'Téléphone', scopes: ['admin'] }).map((i) => i.key),
      ['tokens.scopes.unknown'],
    )
  })

  it('gives a token only its scopes, and a browser session everything', () => {
    const base = { ...presentOwnProfile(account, null, offered), accountId: account.id }
    const token = {
      ...base,
      verified: true,
      status: 'active' as const,
      roles: [],
      secondFactor: false,
      hasTotp: false,
      via: { kind: 'token' as const, tokenId: 'x', scopes: ['profile:read'] },
    }
    assert.equal(hasScope(token, 'profile:read'), true)
    assert.equal(hasScope(token, 'profile:write'), false)
    assert.equal(hasScope({ ...token, via: { kind: 'session', idHash: 'h' } }, 'profile:write'), true)
  })
})
