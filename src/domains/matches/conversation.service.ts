import { type Actor, can } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import type { TokenScope } from '../../platform/auth/scopes.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { Limit } from '../../platform/http/rate-limit.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { accountCard } from '../accounts/index.ts'
import { listingById } from '../listings/index.ts'
import { queuePush } from '../notifications/index.ts'
import { queueMessageMail } from './conversation.jobs.ts'
import { findMatchForParty, type MatchRow, otherParty } from './match.repository.ts'
import type { MatchStatus } from './match.schema.ts'
import {
  blocksBetween,
  deleteBlock,
  insertBlock,
  listMessages,
  type MessageRow,
  markSeen,
  writeMessage,
} from './message.repository.ts'

export const MESSAGE_MAX = 2000
/** A conversation shows its latest messages; mutual aid rarely needs more. */
export const MESSAGES_SHOWN = 300
/** Per account, all conversations together: enough for a lively exchange, not for spam. */
export const MESSAGE_RATE: Limit = { max: 60, windowMs: 3_600_000 }
/** A conversation stays open while the match lives, and for a last word once the help is done. */
const WRITABLE: readonly MatchStatus[] = ['pending', 'accepted', 'done']

export interface MessageView {
  id: string
  mine: boolean
  /** null when the phone line wrote it: see ConversationView.otherName */
  senderName: string | null
  body: string
  createdAt: Date
  /** for my own messages: the other party opened the conversation since */
  seen: boolean
  /** a moderator hid it: its text is not shown, the conversation says so */
  hidden: boolean
}

/** Why the reader cannot write: the match ended, a block (either way), or an unverified address. */
export type ClosedReason = 'declined' | 'withdrawn' | 'cancelled' | 'blocked' | 'blockedByMe' | 'unverified'

export interface ConversationView {
  matchId: string
  messages: MessageView[]
  /** false once the match ended, or when one party blocked the other */
  canWrite: boolean
  /** I blocked the other party (the page then offers to unblock) */
  blockedByMe: boolean
  /** why canWrite is false, in a word the page turns into a sentence */
  closed: ClosedReason | null
  /**
   * the other party's display name; null for the volunteer of an ask the phone line posted, who
   * deals with the line and never learns the name of the agent behind it
   */
  otherName: string | null
  /** older messages exist beyond the MESSAGES_SHOWN shown */
  truncated: boolean
}

export type SendResult =
  | { kind: 'sent'; message: MessageView }
  /** bad text: nothing was written */
  | { kind: 'invalid'; issues: Issue[] }
  /** the conversation is closed to this writer: nothing was written */
  | { kind: 'refused'; reason: ClosedReason }

/** Trimmed, with the line breaks a browser sends as CR LF kept as plain line breaks. */
export function checkMessage(raw: string): { text: string; issues: Issue[] } {
  const text = raw.replace(/\r\n?/g, '\n').trim()
  if (text === '') return { text, issues: [{ field: 'body', key: 'conversation.body.required' }] }
  if (text.length > MESSAGE_MAX)
    return {
      text,
      issues: [{ field: 'body', key: 'conversation.body.tooLong', params: { max: MESSAGE_MAX } }],
    }
  return { text, issues: [] }
}

type Blocks = { byMe: boolean; byOther: boolean }
const blocksOf = (db: DbOrTx, match: MatchRow, me: Actor) =>
  blocksBetween(db, me.accountId, otherParty(match, me.accountId))

function closedReason(match: MatchRow, me: Actor, blocked: Blocks): ClosedReason | null {
  if (!WRITABLE.includes(match.status)) return match.status as ClosedReason
  if (blocked.byMe) return 'blockedByMe'
  if (blocked.byOther) return 'blocked'
  return can(me, 'verified') ? null : 'unverified'
}

/** Messages of a match between its two parties; anyone else finds nothing (404). */
export class ConversationService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** The match if the actor is one of its parties in this territory, else 404, before anything else. */
  async party(actor: Actor | null, territory: Territory, matchId: string, scope: TokenScope) {
    const me = signedIn(actor, scope)
    const match = await findMatchForParty(this.#db, territory.id, matchId, me.accountId)
    if (!match) throw notFound()
    return { me, match }
  }

  /**
   * The conversation as `actor` sees it, for the match page (whose route found the match with
   * findMatchForParty); checked again here. Opening it marks the other party's messages « vu ».
   * `listing.relayed`: whether the phone line posted the ask, from the caller's own reading.
   */
  async forPage(
    actor: Actor,
    territory: Territory,
    match: MatchRow,
    listing: { relayed: boolean },
  ): Promise<ConversationView> {
    const isParty = actor.accountId === match.authorId || actor.accountId === match.responderId
    if (match.territoryId !== territory.id || !isParty) throw notFound()
    // The author of a relayed ask is the agent who typed it: its volunteer sees the line instead,
    // so the agent's account is not even read.
    const theLine = listing.relayed && actor.accountId === match.responderId
    const now = this.services.clock.now()
    await markSeen(this.#db, match.id, actor.accountId, now)
    const [{ rows, truncated }, other, blocked] = await Promise.all([
      listMessages(this.#db, match.id, MESSAGES_SHOWN),
      theLine ? null : accountCard(this.#db, otherParty(match, actor.accountId)),
      blocksOf(this.#db, match, actor),
    ])
    const closed = closedReason(match, actor, blocked)
    const names = { mine: actor.displayName, theirs: theLine ? null : (other?.displayName ?? '') }
    return {
      matchId: match.id,
      messages: rows.map((m) => this.#present(m, actor.accountId, names)),
      canWrite: closed === null,
      blockedByMe: blocked.byMe,
      closed,
      otherName: names.theirs,
      truncated,
    }
  }

  /** For the conversation page and the API: the access check, then the view (which marks « vu »). */
  async open(actor: Actor | null, territory: Territory, matchId: string) {
    const { me, match } = await this.party(actor, territory, matchId, 'listings:read')
    const listing = await listingById(this.#db, territory.id, match.listingId)
    const relayed = { relayed: listing?.relayed ?? false }
    return { match, title: listing?.title ?? '', view: await this.forPage(me, territory, match, relayed) }
  }

  /**
   * Saves a message and, in the same transaction, the job that will email it (batched), so a
   * message is never saved without its email nor an email written for a message that was not.
   * The write itself checks that the sender is a party, the match open and nobody blocked: the
   * match is read only when that check fails, to say why (404 to anyone else, first).
   */
  async send(actor: Actor | null, territory: Territory, matchId: string, raw: string): Promise<SendResult> {
    const me = signedIn(actor, 'listings:write')
    const { text, issues } = checkMessage(raw)
    if (!can(me, 'verified') || issues.length > 0) {
      await this.party(me, territory, matchId, 'listings:write')
      if (!can(me, 'verified')) throw new HttpError(403, 'verification-required')
      return { kind: 'invalid', issues }
    }
    return this.#db.transaction(async (tx): Promise<SendResult> => {
      const id = this.services.ids()
      const now = this.services.clock.now()
      const input = { id, territoryId: territory.id, matchId, senderId: me.accountId, body: text, now }
      const written = await writeMessage(tx, { ...input, statuses: WRITABLE })
      if (!written) {
        // Nothing was written: a stranger finds nothing; a party hears why it is closed.
        const current = await findMatchForParty(tx, territory.id, matchId, me.accountId)
        if (!current) throw notFound()
        const reason = closedReason(current, me, await blocksOf(tx, current, me)) ?? 'cancelled'
        return { kind: 'refused', reason }
      }
      await queueMessageMail(this.services, tx, {
        match: { id: matchId, territoryId: territory.id },
        recipientId: written.recipientId,
        messageId: id,
        state: written.state,
        now: written.createdAt,
      })
      // Its devices hear of it at once, without the words or the sender: the page shows those.
      await queuePush(this.services, tx, {
        territory,
        accountId: written.recipientId,
        type: 'messages',
        message: 'notifications.push.message',
        params: {},
        link: `/mises-en-relation/${matchId}#conversation`,
        group: `conversation:${matchId}`,
      })
      // Counted with the message, so a refused or mistyped one costs nothing; past the limit the
      // error takes the message back.
      await this.services.rateLimiter.hit(`conversation:message:${me.accountId}`, MESSAGE_RATE, tx)
      const row: MessageRow = {
        id,
        territoryId: territory.id,
        matchId,
        senderId: me.accountId,
        body: text,
        createdAt: written.createdAt,
        seenAt: null,
        hiddenAt: null,
      }
      return { kind: 'sent', message: this.#present(row, me.accountId, { mine: me.displayName, theirs: '' }) }
    })
  }

  /**
   * The other party of this match may no longer write to me nor respond to my listings. Any
   * signed-in party may block, verified or not: safety needs no paperwork.
   */
  async block(actor: Actor | null, territory: Territory, matchId: string): Promise<MatchRow> {
    const { me, match } = await this.party(actor, territory, matchId, 'listings:write')
    await insertBlock(this.#db, {
      blockerId: me.accountId,
      blockedId: otherParty(match, me.accountId),
      territoryId: territory.id,
      createdAt: this.services.clock.now(),
    })
    return match
  }

  async unblock(actor: Actor | null, territory: Territory, matchId: string): Promise<MatchRow> {
    const { me, match } = await this.party(actor, territory, matchId, 'listings:write')
    await deleteBlock(this.#db, me.accountId, otherParty(match, me.accountId))
    return match
  }

  /** The other party's name, for the confirmation before blocking; null for the phone line. */
  async otherName(actor: Actor | null, territory: Territory, matchId: string): Promise<string | null> {
    const { me, match } = await this.party(actor, territory, matchId, 'listings:read')
    const responder = me.accountId === match.responderId
    if (responder && (await listingById(this.#db, territory.id, match.listingId))?.relayed) return null
    return (await accountCard(this.#db, otherParty(match, me.accountId)))?.displayName ?? ''
  }

  #present(m: MessageRow, me: string, names: { mine: string; theirs: string | null }): MessageView {
    const mine = m.senderId === me
    return {
      id: m.id,
      mine,
      senderName: mine ? names.mine : names.theirs,
      body: m.hiddenAt ? '' : m.body,
      createdAt: m.createdAt,
      seen: m.seenAt !== null,
      hidden: m.hiddenAt !== null,
    }
  }
}
