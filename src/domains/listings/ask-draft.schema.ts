import { index, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core'
import { idOf } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'
import type { AskAnswers } from './ask-steps.ts'

/**
 * The answers of an ask being written one question per page, kept on the server so that « Retour »
 * and « Modifier » are plain links (no JavaScript, nothing personal in an address). A draft is its
 * author's alone; publishing deletes it, and so does deleting the account.
 */
export const listingDrafts = pgTable(
  'listing_drafts',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<AskAnswers>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('listing_drafts_account_idx').on(t.accountId, t.updatedAt)],
)
