import { randomToken, sha256 } from '../../../platform/auth/secrets.ts'
import type { Clock } from '../../../platform/clock.ts'
import type { Database, DbOrTx } from '../../../platform/db/client.ts'
import {
  deleteAccountSessions,
  deleteExpiredSessions,
  deleteSession,
  findSession,
  findSessionWithAccount,
  insertSession,
  listAccountSessions,
  type SessionRow,
  touchSession,
} from './session.repository.ts'

const MINUTE = 60_000
const DAY = 1440 * MINUTE

/**
 * Residents often share a tablet at home and come back days later: two weeks idle, a month at
 * most. Staff see personal data of many people: half an hour idle, a working day at most.
 */
export const LIFETIMES = {
  resident: { idleMs: 14 * DAY, absoluteMs: 30 * DAY },
  staff: { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE },
} as const

export type SessionKind = keyof typeof LIFETIMES

export interface StartedSession {
  /** the cookie value: shown to the browser once, stored only as its hash */
  token: string
  row: SessionRow
}

export class SessionStore {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async start(
    input: {
      accountId: string
      territoryId: string
      kind: SessionKind
      device: string
      secondFactor?: boolean
    },
    tx?: DbOrTx,
  ): Promise<StartedSession> {
    const token = randomToken()
    const now = this.clock.now()
    const life = LIFETIMES[input.kind]
    const row: SessionRow = {
      idHash: sha256(token),
      accountId: input.accountId,
      territoryId: input.territoryId,
      kind: input.kind,
      secondFactor: input.secondFactor ?? false,
      device: input.device.slice(0, 120),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + Math.min(life.idleMs, life.absoluteMs)),
    }
    await insertSession(tx ?? this.database.db, row)
    return { token, row }
  }

  /** The live session for a cookie on this territory, its idle deadline pushed back; null if none. */
  async resume(token: string, territoryId: string): Promise<SessionRow | null> {
    if (!/^[\w-]{43}$/.test(token)) return null
    const row = await findSession(this.database.db, sha256(token))
    return row && this.#alive(row, territoryId)
  }

  /**
   * The same, with the session's account and its staff roles read in the same statement: what
   * authentication needs on every request. The account is null when it no longer exists.
   */
  async resumeWithAccount(token: string, territoryId: string) {
    if (!/^[\w-]{43}$/.test(token)) return null
    const found = await findSessionWithAccount(this.database.db, sha256(token))
    const session = found && (await this.#alive(found.session, territoryId))
    return session && found ? { session, account: found.account, roles: found.roles } : null
  }

  async #alive(row: SessionRow, territoryId: string): Promise<SessionRow | null> {
    const { idHash } = row
    const now = this.clock.now()
    if (row.territoryId !== territoryId) return null
    const life = LIFETIMES[row.kind]
    const absoluteEnd = row.createdAt.getTime() + life.absoluteMs
    const idleEnd = row.lastSeenAt.getTime() + life.idleMs
    if (now.getTime() >= Math.min(absoluteEnd, idleEnd)) {
      await deleteSession(this.database.db, idHash)
      return null
    }
    // Writing on every request would double the load; a minute of precision is plenty.
    if (now.getTime() - row.lastSeenAt.getTime() > MINUTE) {
      const expiresAt = new Date(Math.min(absoluteEnd, now.getTime() + life.idleMs))
      await touchSession(this.database.db, idHash, now, expiresAt)
      return { ...row, lastSeenAt: now, expiresAt }
    }
    return row
  }

  /** A new id for the same person, e.g. once the second factor is given: the old cookie stops working. */
  async rotate(current: SessionRow, changes: { secondFactor?: boolean }): Promise<StartedSession> {
    await deleteSession(this.database.db, current.idHash)
    const next = await this.start({
      accountId: current.accountId,
      territoryId: current.territoryId,
      kind: current.kind,
      device: current.device,
      secondFactor: changes.secondFactor ?? current.secondFactor,
    })
    return next
  }

  /**
   * Ending sessions takes the caller's transaction, like the audit log: a change that ends them
   * (a new password, a withdrawn role) and the ending stand or fall together.
   */
  end(idHash: string, tx?: DbOrTx): Promise<void> {
    return deleteSession(tx ?? this.database.db, idHash)
  }

  /** Every session of the account, but `except` (the person's current device). */
  endAll(accountId: string, options: { except?: string; tx?: DbOrTx } = {}): Promise<number> {
    return deleteAccountSessions(options.tx ?? this.database.db, accountId, options.except)
  }

  list(accountId: string): Promise<SessionRow[]> {
    return listAccountSessions(this.database.db, accountId)
  }

  purgeExpired(): Promise<number> {
    return deleteExpiredSessions(this.database.db, this.clock.now())
  }
}

/** « Firefox sur Android »: enough to recognise a device in the list, without keeping the raw header. */
export function describeDevice(userAgent: string | undefined): string {
  const ua = userAgent ?? ''
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '?'
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '?'
  return `${browser} / ${system}`
}

declare module '../../../platform/services.ts' {
  interface AppServices {
    sessions: SessionStore
  }
}
