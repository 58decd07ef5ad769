import { sql } from 'drizzle-orm'
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { idOf } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/**
 * An in-app notification: what happened (`type`, a key of notificationTypes), the words to show
 * (`params`, plain text escaped at render) and where it leads (`link`, a path of the platform).
 * `mailedAt` is set when it went by email (at once or in the daily digest).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    type: text('type').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    link: text('link').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** daily: waiting for the digest until it is mailed */
    digestPendingAt: timestamp('digest_pending_at', { withTimezone: true }),
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_account_idx').on(t.accountId, t.createdAt.desc()),
    index('notifications_unread_idx').on(t.accountId).where(sql`read_at is null`),
    index('notifications_digest_idx').on(t.digestPendingAt).where(sql`digest_pending_at is not null`),
  ],
)
