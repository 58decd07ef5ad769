import type { Actor } from '../../../platform/auth/actor.ts'
import { browserOnly } from '../../../platform/auth/guards.ts'
import { sha256 } from '../../../platform/auth/secrets.ts'
import { notFound } from '../../../platform/http/problem.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { deleteOwnSession } from './own-sessions.repository.ts'

/** One of my signed-in devices, as the sessions page lists it. */
export interface SessionView {
  /** names the session in forms; derived one way from its id, so the page never shows a database key */
  ref: string
  device: string
  createdAt: Date
  lastSeenAt: Date
  current: boolean
}

export function sessionRef(idHash: string): string {
  return sha256(`session-ref:${idHash}`).slice(0, 22)
}

/**
 * A person's own sessions: see where they are signed in and sign a lost or shared device out.
 * Every session of the account is listed, on any platform of this install, since all of them
 * can act as the person.
 */
export class OwnSessions {
  constructor(private readonly services: Pick<AppServices, 'database' | 'sessions' | 'audit' | 'clock'>) {}

  async list(actor: Actor | null): Promise<SessionView[]> {
    const me = browserOnly(actor)
    const now = this.services.clock.now()
    const rows = await this.services.sessions.list(me.accountId)
    return rows
      .filter((row) => row.expiresAt > now)
      .map((row) => ({
        ref: sessionRef(row.idHash),
        device: row.device,
        createdAt: row.createdAt,
        lastSeenAt: row.lastSeenAt,
        current: row.idHash === me.via.idHash,
      }))
  }

  /** Ends one of my sessions; 404 when the reference names none of mine. Says whether it was this one. */
  async end(actor: Actor | null, territory: Territory, ref: string): Promise<{ current: boolean }> {
    const me = browserOnly(actor)
    const rows = await this.services.sessions.list(me.accountId)
    const target = rows.find((row) => sessionRef(row.idHash) === ref)
    if (!target) throw notFound()
    await this.services.database.db.transaction(async (tx) => {
      if (!(await deleteOwnSession(tx, me.accountId, target.idHash))) throw notFound()
      await this.services.audit.record(
        { territoryId: territory.id, actorId: me.accountId, action: 'session.ended', details: { count: 1 } },
        tx,
      )
    })
    return { current: target.idHash === me.via.idHash }
  }

  /** « Sign out everywhere else »: after a lost phone, or a shared computer left signed in. */
  async endOthers(actor: Actor | null, territory: Territory): Promise<number> {
    const me = browserOnly(actor)
    return this.services.database.db.transaction(async (tx) => {
      const count = await this.services.sessions.endAll(me.accountId, { except: me.via.idHash, tx })
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'session.ended',
          details: { count, others: true },
        },
        tx,
      )
      return count
    })
  }
}
