import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import {
  type AccountRow,
  grantRole,
  insertAccount,
  updateAccount,
} from '../../src/domains/accounts/identity/account.repository.ts'
import { accounts, type StaffRole } from '../../src/domains/accounts/identity/account.schema.ts'
import { sessionCookieName } from '../../src/domains/accounts/sessions/auth.plugin.ts'
import { hashPassword } from '../../src/platform/auth/passwords.ts'
import { hmac, sha256 } from '../../src/platform/auth/secrets.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import type { TestApp } from './app.ts'

/** An account as the factories make it, whole, for tests to sign in with and assert on. */
export type Account = AccountRow

/** Changes an account behind the app's back, as a person could from another device meanwhile. */
export const changeAccount = updateAccount

/** When the account opted in to notices by SMS, as stored; null when it did not (or answered STOP). */
export async function smsConsentOf(t: TestApp, accountId: string): Promise<Date | null> {
  const [row] = await t.db.db
    .select({ at: accounts.smsConsentAt })
    .from(accounts)
    .where(eq(accounts.id, accountId))
  return row?.at ?? null
}

export const DEFAULT_PASSWORD = 'une phrase de passe assez longue'
let counter = 0

/** An active, verified resident of the territory, with a password; overrides for anything else. */
export async function makeAccount(
  t: TestApp,
  territory: Territory,
  overrides: Partial<AccountRow> & { password?: string; roles?: StaffRole[] } = {},
): Promise<AccountRow & { password: string }> {
  counter += 1
  const { password = DEFAULT_PASSWORD, roles = [], ...fields } = overrides
  const now = t.clock.now()
  const row = {
    id: t.app.services.ids(),
    territoryId: territory.id,
    email: `personne${counter}@exemple.test`,
    emailVerifiedAt: now,
    passwordHash: await hashPassword(password),
    displayName: `Personne ${counter}`,
    communeInsee: '14118',
    phone: null,
    smsConsentAt: null,
    locale: 'fr',
    easyRead: false,
    interests: [],
    radiusKm: 10,
    availability: [] as string[],
    languages: ['fr'],
    acceptsProposals: true,
    notifications: {},
    status: 'active' as const,
    charterVersion: '1',
    charterAcceptedAt: now,
    privacyVersion: '1',
    privacyAcceptedAt: now,
    totpSecret: null,
    totpEnabledAt: null,
    totpLastStep: null,
    lastLoginAt: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  }
  await insertAccount(t.db.db, row)
  for (const role of roles) {
    await grantRole(t.db.db, {
      accountId: row.id,
      territoryId: territory.id,
      role,
      grantedBy: null,
      grantedAt: now,
    })
  }
  return { ...row, password }
}

/**
 * A browser-like client: keeps cookies between requests, sends the territory's host, and puts
 * a valid CSRF token in every form it posts (unless told not to).
 */
export class Client {
  cookies: Record<string, string> = {}
  constructor(
    private readonly t: TestApp,
    readonly host: string,
  ) {
    this.cookies.csrf = randomBytes(32).toString('base64url')
  }

  /** Signs in without the login form, as a session created for the account (second factor given if asked). */
  async signInDirectly(
    account: { id: string; territoryId: string },
    options: { secondFactor?: boolean; staff?: boolean } = {},
  ) {
    const { token } = await this.t.app.services.sessions.start({
      accountId: account.id,
      territoryId: account.territoryId,
      kind: options.staff ? 'staff' : 'resident',
      device: 'test',
      secondFactor: options.secondFactor ?? false,
    })
    this.cookies[sessionCookieName(false)] = token
    return this
  }

  csrfToken(): string {
    const session = this.cookies[sessionCookieName(false)]
    return hmac(
      this.t.app.services.config.appSecret,
      'csrf',
      `${this.cookies.csrf}:${session ? sha256(session) : ''}`,
    )
  }

  async request(options: InjectOptions & { withoutCsrf?: boolean }) {
    const { withoutCsrf, ...rest } = options
    const method = (rest.method ?? 'GET').toUpperCase()
    let payload = rest.payload
    if (
      method !== 'GET' &&
      !withoutCsrf &&
      payload &&
      typeof payload === 'object' &&
      !Buffer.isBuffer(payload)
    ) {
      payload = { _csrf: this.csrfToken(), ...(payload as Record<string, unknown>) }
    }
    const res = await this.t.app.inject({
      ...rest,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      headers: { host: this.host, ...(rest.headers ?? {}) },
      cookies: { ...this.cookies, ...(rest.cookies ?? {}) },
    } as InjectOptions)
    for (const c of res.cookies) {
      if (c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) delete this.cookies[c.name]
      else this.cookies[c.name] = c.value
    }
    return res
  }

  get(url: string) {
    return this.request({ method: 'GET', url })
  }

  /** Posts a form as a browser does (application/x-www-form-urlencoded), CSRF field included. */
  post(url: string, form: Record<string, string | string[]>, options: { withoutCsrf?: boolean } = {}) {
    const body = new URLSearchParams()
    if (!options.withoutCsrf) body.append('_csrf', this.csrfToken())
    for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v)
    return this.request({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      withoutCsrf: true,
    })
  }
}
