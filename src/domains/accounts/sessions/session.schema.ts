import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { territories } from '../../../platform/tenancy/territory.schema.ts'
import { accounts } from '../identity/account.schema.ts'

/**
 * Server-side sessions: the cookie holds 256 random bits, the table only their SHA-256, so a
 * leaked table cannot be replayed. Kept in PostgreSQL so that any app process can serve any request.
 */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    /** 'staff' sessions are short-lived; set at login, and any change of roles ends the sessions */
    kind: text('kind').$type<'resident' | 'staff'>().notNull(),
    /** the second factor was given in this session (staff permissions need it) */
    secondFactor: boolean('second_factor').notNull().default(false),
    /** a short description of the device (« Firefox sur Android »), to recognise it in the list */
    device: text('device').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId), index('sessions_expires_idx').on(t.expiresAt)],
)
