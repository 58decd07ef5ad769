import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { territories } from '../../../platform/tenancy/territory.schema.ts'
import { accounts } from '../identity/account.schema.ts'
import type { NotificationType } from '../profile/profile.ts'

/**
 * A device (a browser on a phone or a computer) that receives Web Push for an account: where the
 * push service takes the messages (`endpoint`, unique: one browser, one row), the browser's keys
 * that encrypt them, and the notification types the person wants there. Goes with the account.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull().unique(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    types: jsonb('types').$type<NotificationType[]>().notNull(),
    /** « Chrome / Android », as the sessions list shows it, to recognise the device; never the raw header */
    device: text('device').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    /** failed sends since the last success (a push service down, not a subscription gone) */
    failureCount: integer('failure_count').notNull().default(0),
  },
  (t) => [index('push_subscriptions_account_idx').on(t.accountId)],
)
