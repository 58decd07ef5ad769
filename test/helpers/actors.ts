import type { Actor } from '../../src/platform/auth/actor.ts'

/**
 * A verified, active resident signed in from a browser, for the unit tests of who may do what;
 * each test states only what differs (`makeActor({ roles: ['administrator'] })`).
 */
export function makeActor(overrides: Partial<Actor> = {}): Actor {
  return {
    accountId: 'a',
    displayName: 'Zoé',
    email: 'zoe@exemple.test',
    verified: true,
    status: 'active',
    locale: 'fr',
    easyRead: false,
    roles: [],
    secondFactor: false,
    hasTotp: false,
    via: { kind: 'session', idHash: 'h' },
    ...overrides,
  }
}
