import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import type { AccountStatus, StaffRole } from '../../../platform/auth/roles.ts'
import { mayBeReferenced } from '../../../platform/db/foreign-keys.ts'
import { territories } from '../../../platform/tenancy/territory.schema.ts'

// The platform decides permissions from roles and status, so it owns their lists.
export { type AccountStatus, accountStatuses, roles, type StaffRole } from '../../../platform/auth/roles.ts'

export type NotificationPreferences = Record<string, 'immediate' | 'daily' | 'none'>

/**
 * A person. One account may act in several territories (staff often do); it signed up on its
 * home territory, where its commune is. Identity federation (FranceConnect, staff SSO) will add
 * rows to account_identities, so the password is optional.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id),
    email: text('email').notNull(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    passwordHash: text('password_hash'),
    displayName: text('display_name').notNull(),
    communeInsee: text('commune_insee').notNull(),
    phone: text('phone'),
    locale: text('locale').notNull().default('fr'),
    easyRead: boolean('easy_read').notNull().default(false),
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    radiusKm: integer('radius_km').notNull().default(10),
    /**
     * When a volunteer is usually free, as half-days of the week: 'mon-am', 'mon-pm', … 'sun-pm'.
     * Empty means not said; coordinators' suggestions then neither favour nor exclude them.
     */
    availability: text('availability').array().notNull().default(sql`'{}'::text[]`),
    /** ISO 639-1 codes of the languages the person speaks, French first by default */
    languages: text('languages').array().notNull().default(sql`'{fr}'::text[]`),
    /** whether coordinators may propose asks to this person (« proposer une demande »); they may opt out */
    acceptsProposals: boolean('accepts_proposals').notNull().default(true),
    /** when the person asked for notices by SMS too (opt-in); null: never, or a « STOP » since */
    smsConsentAt: timestamp('sms_consent_at', { withTimezone: true }),
    notifications: jsonb('notifications').$type<NotificationPreferences>().notNull().default({}),
    status: text('status').$type<AccountStatus>().notNull().default('active'),
    charterVersion: text('charter_version').notNull(),
    charterAcceptedAt: timestamp('charter_accepted_at', { withTimezone: true }).notNull(),
    privacyVersion: text('privacy_version').notNull(),
    privacyAcceptedAt: timestamp('privacy_accepted_at', { withTimezone: true }).notNull(),
    /** AES-GCM encrypted with APP_SECRET: a database dump alone does not give the second factor */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** the last 30-second step whose code was accepted: a code (or an older one) cannot be replayed */
    totpLastStep: integer('totp_last_step'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('accounts_email_idx').on(sql`lower(${t.email})`),
    index('accounts_territory_idx').on(t.territoryId, t.createdAt),
  ],
)
mayBeReferenced(accounts)

/** Federated identities (FranceConnect, a Département's SSO) linked to an account; none yet. */
export const accountIdentities = pgTable(
  'account_identities',
  {
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] })],
)

export const emailTokenPurposes = ['verify', 'reset', 'email-change', 'invite'] as const
export type EmailTokenPurpose = (typeof emailTokenPurposes)[number]

/** Single-use links sent by email; only their SHA-256 is stored. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    purpose: text('purpose').$type<EmailTokenPurpose>().notNull(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    /** the address being verified (new email) or invited */
    email: text('email'),
    role: text('role').$type<StaffRole>(),
    invitedBy: uuid('invited_by').references(() => accounts.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('email_tokens_account_idx').on(t.accountId, t.purpose)],
)

export const roleAssignments = pgTable(
  'role_assignments',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    role: text('role').$type<StaffRole>().notNull(),
    grantedBy: uuid('granted_by').references(() => accounts.id, { onDelete: 'set null' }),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.territoryId, t.role] }),
    index('role_assignments_territory_idx').on(t.territoryId),
  ],
)

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('recovery_codes_account_idx').on(t.accountId)],
)

/** Personal access tokens for /api/v1 (a mobile app acting for its user); only the hash is kept. */
export const accessTokens = pgTable(
  'access_tokens',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    scopes: text('scopes').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('access_tokens_account_idx').on(t.accountId)],
)
