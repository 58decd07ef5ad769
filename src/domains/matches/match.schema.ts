import { sql } from 'drizzle-orm'
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { idOf, mayBeReferenced } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/**
 * pending: the responder answered, the author has not decided; accepted: both agree, contacts
 * are revealed; declined: by the author; withdrawn: by the responder before acceptance;
 * cancelled: by either side after acceptance; done: the author confirmed the help was given.
 */
export const matchStatuses = ['pending', 'accepted', 'declined', 'withdrawn', 'cancelled', 'done'] as const
export type MatchStatus = (typeof matchStatuses)[number]

/** What each side chooses to show the other once the match is accepted, never before. */
export const contactChannels = ['phone', 'email'] as const
export type ContactChannel = (typeof contactChannels)[number]

/**
 * A response to a listing and the conversation that follows (« mise en relation »). The listing's
 * author and the responder are its only two parties; one response per person and listing.
 */
export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    listingId: uuid('listing_id').notNull().references(idOf('listings'), { onDelete: 'cascade' }),
    /** the listing's author, copied so that « my conversations » needs no join */
    authorId: uuid('author_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    responderId: uuid('responder_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    status: text('status').$type<MatchStatus>().notNull(),
    authorShares: text('author_shares')
      .array()
      .$type<ContactChannel[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    responderShares: text('responder_shares')
      .array()
      .$type<ContactChannel[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** the author's optional reason when declining, or either side's when cancelling */
    reason: text('reason'),
    /** who withdrew, declined or cancelled */
    endedBy: uuid('ended_by'),
    /** « aide réalisée », marked by either side, then confirmed by the author */
    doneMarkedBy: uuid('done_marked_by'),
    doneMarkedAt: timestamp('done_marked_at', { withTimezone: true }),
    thanks: text('thanks'),
    thanksPublic: boolean('thanks_public').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** the last message or change: the 7-day inactivity reminder counts from it */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /**
     * For an ask the phone line posted for someone without an account: the name and number the
     * person agreed to give the volunteer (their own, or the line's), shown instead of the
     * author's contacts once an agent accepts for them.
     */
    relayName: text('relay_name'),
    relayPhone: text('relay_phone'),
  },
  (t) => [
    uniqueIndex('matches_listing_responder_idx').on(t.listingId, t.responderId),
    index('matches_author_idx').on(t.authorId, t.lastActivityAt.desc()),
    index('matches_responder_idx').on(t.responderId, t.lastActivityAt.desc()),
    index('matches_active_idx').on(t.lastActivityAt).where(sql`status in ('pending', 'accepted')`),
  ],
)

mayBeReferenced(matches)

/** One conversation per match: plain text, « vu » once the other party has opened it. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }),
    /** set when a moderator hid the message: the conversation then shows that a message was hidden, not its text */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
  },
  (t) => [
    index('messages_match_idx').on(t.matchId, t.createdAt),
    index('messages_unseen_idx').on(t.matchId, t.senderId).where(sql`seen_at is null`),
  ],
)

/**
 * The message emails of a conversation, batched: at most one per recipient and conversation per
 * window. `mailedAt` is when the last one was written; `mailedUpTo` the last message it covered.
 */
export const conversationMailState = pgTable(
  'conversation_mail_state',
  {
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
    mailedUpTo: timestamp('mailed_up_to', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.matchId, t.recipientId] })],
)

/** A blocked person can no longer respond to the blocker's listings nor write to them. */
export const blocks = pgTable(
  'blocks',
  {
    blockerId: uuid('blocker_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.blockedId] }), index('blocks_blocked_idx').on(t.blockedId)],
)

/**
 * An ask with no response 48 hours after publication: its author got tips and coordinators see
 * it on a list until it gets a response or ends.
 */
export const listingFollowUps = pgTable(
  'listing_follow_ups',
  {
    listingId: uuid('listing_id').primaryKey().references(idOf('listings'), { onDelete: 'cascade' }),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    flaggedAt: timestamp('flagged_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('listing_follow_ups_open_idx').on(t.territoryId, t.flaggedAt).where(sql`resolved_at is null`),
  ],
)
