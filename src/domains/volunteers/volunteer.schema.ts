import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { idOf } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/**
 * Staff verified this person (identity, references, a criminal record extract for childcare) in
 * this territory, until `expiresAt`. Rows are kept when revoked: who verified whom stays on record.
 */
export const volunteerVerifications = pgTable(
  'volunteer_verifications',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    /** null when set by the command line */
    verifiedBy: uuid('verified_by').references(idOf('accounts'), { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    note: text('note'),
    revokedBy: uuid('revoked_by').references(idOf('accounts'), { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('volunteer_verifications_account_idx').on(t.territoryId, t.accountId, t.expiresAt.desc())],
)
