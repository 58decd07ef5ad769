import { sql } from 'drizzle-orm'
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { territories } from '../tenancy/territory.schema.ts'

/**
 * Development outbox: where mail goes when no SMTP server is configured outside production,
 * so that a developer can read what the platform would send at /dev/emails.
 */
export const devEmails = pgTable(
  'dev_emails',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id').references(() => territories.id, { onDelete: 'cascade' }),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('dev_emails_created_idx').on(t.createdAt)],
)
