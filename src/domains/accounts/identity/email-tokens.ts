import { randomToken, sha256 } from '../../../platform/auth/secrets.ts'
import type { Clock, IdGenerator } from '../../../platform/clock.ts'
import type { Database, DbOrTx } from '../../../platform/db/client.ts'
import type { EmailTokenPurpose } from './account.schema.ts'
import {
  consumeEmailToken,
  type EmailTokenRow,
  findLiveEmailToken,
  insertEmailToken,
  voidEmailTokens,
} from './email-token.repository.ts'

const HOUR = 3_600_000

/**
 * A reset link opens the account to whoever holds it: one hour. Confirming an address is less
 * dangerous and people read their mail later in the day: a day. Staff invitations: a week.
 */
export const TOKEN_LIFETIMES_MS = {
  verify: 24 * HOUR,
  reset: HOUR,
  'email-change': 24 * HOUR,
  invite: 7 * 24 * HOUR,
} as const satisfies Record<EmailTokenPurpose, number>

/** What a link carries: 256 random bits, URL-safe. Anything else is refused before a database read. */
const TOKEN_SHAPE = /^[\w-]{43}$/

export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_SHAPE.test(value)
}

export interface IssueInput {
  purpose: EmailTokenPurpose
  territoryId: string
  accountId: string | null
  /** the address the link is sent to, checked again when it is used */
  email: string
}

/**
 * Single-use links sent by email. The database keeps only their SHA-256: someone who reads a
 * backup cannot reset a password with what they find there.
 */
export class EmailTokens {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Returns the token to put in the link; it is not kept anywhere in clear. */
  async issue(input: IssueInput, tx: DbOrTx = this.database.db): Promise<string> {
    const token = randomToken()
    const now = this.clock.now()
    await insertEmailToken(tx, {
      id: this.ids(),
      tokenHash: sha256(token),
      purpose: input.purpose,
      territoryId: input.territoryId,
      accountId: input.accountId,
      email: input.email,
      role: null,
      invitedBy: null,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIMES_MS[input.purpose]),
      usedAt: null,
      createdAt: now,
    })
    return token
  }

  /** The link's row if it can still be used, without using it. */
  peek(purpose: EmailTokenPurpose, token: unknown, territoryId: string): Promise<EmailTokenRow | null> {
    if (!isTokenShaped(token)) return Promise.resolve(null)
    return findLiveEmailToken(this.database.db, sha256(token), purpose, territoryId, this.clock.now())
  }

  /** Uses the link: null when it is unknown, already used, expired or for another platform. */
  consume(
    purpose: EmailTokenPurpose,
    token: unknown,
    territoryId: string,
    tx: DbOrTx = this.database.db,
  ): Promise<EmailTokenRow | null> {
    if (!isTokenShaped(token)) return Promise.resolve(null)
    return consumeEmailToken(tx, sha256(token), purpose, territoryId, this.clock.now())
  }

  voidAll(accountId: string, purpose: EmailTokenPurpose, tx: DbOrTx = this.database.db): Promise<void> {
    return voidEmailTokens(tx, accountId, purpose, this.clock.now())
  }
}
