import type { Actor } from './actor.ts'

/**
 * A resident of the demonstration acting through a domain's use case while it is seeded, so that
 * demo content passes every rule a person's would. Never built from a request.
 */
export function demoActor(account: { id: string; displayName: string; email: string }): Actor {
  return {
    accountId: account.id,
    displayName: account.displayName,
    email: account.email,
    verified: true,
    status: 'active',
    locale: 'fr',
    easyRead: false,
    roles: [],
    secondFactor: false,
    hasTotp: false,
    via: { kind: 'session', idHash: 'demo' },
  }
}
