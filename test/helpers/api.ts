import { insertAccessToken } from '../../src/domains/accounts/tokens/token.repository.ts'
import { randomToken, sha256 } from '../../src/platform/auth/secrets.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import type { TestApp } from './app.ts'

/**
 * A personal access token of `accountId` on `territory`, limited to `scopes`, as the account page
 * would issue it; stored hashed like a real one, so the API checks it the way it checks any other.
 */
export async function makeAccessToken(
  t: TestApp,
  territory: Territory,
  accountId: string,
  scopes: string[],
  name = 'application',
): Promise<string> {
  const token = randomToken()
  await insertAccessToken(t.db.db, {
    id: t.app.services.ids(),
    accountId,
    territoryId: territory.id,
    name,
    tokenHash: sha256(token),
    scopes,
    createdAt: t.clock.now(),
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
  })
  return token
}

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Sends a request to the JSON API of the territory answering at `host`, as an application holding
 * `token` would; `payload`, when given, goes as JSON.
 */
export function callApi(
  t: TestApp,
  { host, token }: { host: string; token: string },
  method: ApiMethod,
  url: string,
  payload?: object,
) {
  return t.app.inject({
    method,
    url,
    headers: { host, authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  })
}
