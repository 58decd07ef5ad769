import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { territories } from '../tenancy/territory.schema.ts'

/**
 * Who did what to whom, and when: logins, failures, role and status changes. Details hold ids
 * and codes only, never a password, token, email or free text written by a person.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id').references(() => territories.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    targetId: uuid('target_id'),
    details: jsonb('details').$type<Record<string, string | number | boolean>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('audit_log_territory_idx').on(t.territoryId, t.createdAt),
    index('audit_log_target_idx').on(t.targetId),
  ],
)
