import type { Actor } from '../../../platform/auth/actor.ts'
import { browserOnly } from '../../../platform/auth/guards.ts'
import { isTokenScope, type TokenScope } from '../../../platform/auth/scopes.ts'
import { randomToken, sha256 } from '../../../platform/auth/secrets.ts'
import { notFound } from '../../../platform/http/problem.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { type Issue, ValidationError } from '../../../platform/validation.ts'
import {
  type AccessTokenRow,
  insertAccessToken,
  listAccessTokens,
  revokeAccessToken,
} from './token.repository.ts'

export const TOKEN_NAME_MAX = 60
/** Enough for a phone, a tablet and a few scripts; a cap keeps a hijacked session from minting thousands. */
export const TOKENS_MAX = 20
/** A recognisable prefix lets secret scanners (and people) tell a leaked Entraide token at a glance. */
export const TOKEN_PREFIX = 'ent_'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A token as its owner sees it in the list: never its value, which only exists at creation. */
export interface TokenView {
  id: string
  name: string
  scopes: TokenScope[]
  createdAt: Date
  lastUsedAt: Date | null
}

export interface TokenInput {
  name: string
  scopes: string[]
}

function present(row: AccessTokenRow): TokenView {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes.filter(isTokenScope),
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  }
}

export function tokenInputIssues(input: TokenInput): Issue[] {
  const issues: Issue[] = []
  const name = input.name.trim()
  if (name === '') issues.push({ field: 'name', key: 'tokens.name.required' })
  else if ([...name].length > TOKEN_NAME_MAX)
    issues.push({ field: 'name', key: 'tokens.name.tooLong', params: { max: TOKEN_NAME_MAX } })
  else if (/\p{Cc}/u.test(name)) issues.push({ field: 'name', key: 'tokens.name.characters' })
  if (input.scopes.length === 0) issues.push({ field: 'scopes', key: 'tokens.scopes.required' })
  else if (!input.scopes.every(isTokenScope)) issues.push({ field: 'scopes', key: 'tokens.scopes.unknown' })
  return issues
}

/**
 * Personal access tokens let a program (the mobile app) act for its owner on /api/v1. The value
 * is shown once; the database keeps its SHA-256 only, so a leaked table gives no working token.
 */
export class TokenService {
  constructor(private readonly services: Pick<AppServices, 'database' | 'clock' | 'ids' | 'audit'>) {}

  async list(actor: Actor | null, territory: Territory): Promise<TokenView[]> {
    const me = browserOnly(actor)
    const rows = await listAccessTokens(this.services.database.db, me.accountId, territory.id)
    return rows.map(present)
  }

  /** Throws a ValidationError when the name or scopes are wrong; the value returned is never stored. */
  async create(
    actor: Actor | null,
    territory: Territory,
    input: TokenInput,
  ): Promise<{ token: string; view: TokenView }> {
    const me = browserOnly(actor)
    const issues = tokenInputIssues(input)
    const { db } = this.services.database
    if (issues.length === 0 && (await listAccessTokens(db, me.accountId, territory.id)).length >= TOKENS_MAX)
      issues.push({ field: 'name', key: 'tokens.tooMany', params: { max: TOKENS_MAX } })
    if (issues.length > 0) throw new ValidationError(issues)
    const token = `${TOKEN_PREFIX}${randomToken()}`
    const row: AccessTokenRow = {
      id: this.services.ids(),
      accountId: me.accountId,
      territoryId: territory.id,
      name: input.name.trim(),
      tokenHash: sha256(token),
      scopes: [...new Set(input.scopes)],
      createdAt: this.services.clock.now(),
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    }
    await db.transaction(async (tx) => {
      await insertAccessToken(tx, row)
      // The scopes, not the name: the audit log keeps ids and codes, never text a person wrote.
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'token.created',
          targetId: row.id,
          details: { scopes: row.scopes.join(' ') },
        },
        tx,
      )
    })
    return { token, view: present(row) }
  }

  /** Only the owner's own token: any other id, revoked or not, is « not found ». */
  async revoke(actor: Actor | null, territory: Territory, id: string): Promise<void> {
    const me = browserOnly(actor)
    if (!UUID.test(id)) throw notFound()
    await this.services.database.db.transaction(async (tx) => {
      const revoked = await revokeAccessToken(tx, id, me.accountId, this.services.clock.now())
      if (!revoked) throw notFound()
      await this.services.audit.record(
        { territoryId: territory.id, actorId: me.accountId, action: 'token.revoked', targetId: id },
        tx,
      )
    })
  }
}
