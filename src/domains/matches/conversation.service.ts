import type { Actor } from '../../platform/auth/actor.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../territories/territory.ts'
import type { MatchRow } from './match.repository.ts'

export interface MessageView {
  id: string
  mine: boolean
  senderName: string
  body: string
  createdAt: Date
  /** for my own messages: the other party opened the conversation since */
  seen: boolean
}

export interface ConversationView {
  matchId: string
  messages: MessageView[]
  /** false once the match ended, or when one party blocked the other */
  canWrite: boolean
  /** I blocked the other party (the page then offers to unblock) */
  blockedByMe: boolean
}

/** Messages of a match between its two parties. */
export class ConversationService {
  constructor(private readonly services: AppServices) {}

  /** The conversation as `actor` (a party of `match`, checked by the caller) sees it; marks it seen. */
  async forPage(_actor: Actor, _territory: Territory, match: MatchRow): Promise<ConversationView> {
    void this.services
    return { matchId: match.id, messages: [], canWrite: false, blockedByMe: false }
  }
}
