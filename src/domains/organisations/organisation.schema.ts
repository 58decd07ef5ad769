import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { bytea, frenchSearchVector } from '../../platform/db/column-types.ts'
import { idOf, mayBeReferenced } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

export const organisationKinds = [
  'association',
  'aid-structure',
  'producer',
  'workshop',
  'commune',
  'partner',
] as const
export type OrganisationKind = (typeof organisationKinds)[number]

/** What an aid structure is, for its badge and the directory's filter (« autre » for the rest). */
export const aidStructureTypes = ['ccas', 'food-bank', 'ehpad', 'shelter', 'school', 'other'] as const
export type AidStructureType = (typeof aidStructureTypes)[number]

/** pending → verified (staff, or a partner the territory delegates the kind to) → suspended; or refused. */
export const organisationStatuses = ['pending', 'verified', 'refused', 'suspended'] as const
export type OrganisationStatus = (typeof organisationStatuses)[number]

/** The one public way to reach the organisation, chosen by it: never a manager's own address. */
export const contactKinds = ['email', 'phone', 'website'] as const
export type ContactKind = (typeof contactKinds)[number]

export const memberRoles = ['manager', 'member'] as const
export type MemberRole = (typeof memberRoles)[number]

export const signupNoticeChoices = ['each', 'daily', 'none'] as const
export type SignupNotices = (typeof signupNoticeChoices)[number]

/**
 * An association, aid structure, producer, workshop, commune or partner of a territory. Its pin is
 * its commune's point: an organisation's street address is never placed on a map.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    /** for an aid structure only */
    aidType: text('aid_type').$type<AidStructureType>(),
    /** 14 digits, Luhn key checked (La Poste's own rule too) */
    siret: text('siret'),
    /** W and 9 digits: the national register of associations */
    rna: text('rna'),
    communeInsee: text('commune_insee').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    description: text('description').notNull(),
    contactKind: text('contact_kind').$type<ContactKind>().notNull(),
    contactValue: text('contact_value').notNull(),
    status: text('status').$type<OrganisationStatus>().notNull().default('pending'),
    /** why staff refused or suspended it, as told to its managers */
    statusReason: text('status_reason'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(idOf('accounts'), { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(idOf('accounts'), { onDelete: 'set null' }),
    searchVector: frenchSearchVector('name', 'description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('organisations_territory_status_idx').on(t.territoryId, t.status, t.name),
    index('organisations_commune_idx').on(t.territoryId, t.communeInsee),
    index('organisations_search_idx').using('gin', t.searchVector).with({ fastupdate: false }),
    // One organisation per SIRET or RNA in a territory: a second creation is told it exists.
    uniqueIndex('organisations_siret_idx')
      .on(t.territoryId, t.siret)
      .where(sql`siret is not null`),
    uniqueIndex('organisations_rna_idx').on(t.territoryId, t.rna).where(sql`rna is not null`),
    check('organisations_aid_type_check', sql`(kind = 'aid-structure') = (aid_type is not null)`),
  ],
)
mayBeReferenced(organisations)

/** Who runs an organisation. A person may belong to several; each keeps at least one manager. */
export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    role: text('role').$type<MemberRole>().notNull(),
    /** how this member hears of volunteers signing up or withdrawing: each time, a daily digest, or not */
    signupNotices: text('signup_notices').$type<SignupNotices>().notNull().default('each'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.accountId] }),
    index('organisation_members_account_idx').on(t.accountId),
  ],
)

/** An invitation by email; only the hash of its token is kept, like every link the platform sends. */
export const organisationInvitations = pgTable(
  'organisation_invitations',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').$type<MemberRole>().notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(idOf('accounts'), { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(idOf('accounts'), { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('organisation_invitations_token_idx').on(t.tokenHash),
    index('organisation_invitations_org_idx').on(t.organisationId, t.createdAt.desc()),
  ],
)

/**
 * The logo as the platform re-encoded it (WebP, bounded size): the uploaded bytes are never kept
 * nor served. `etag` is a hash of the stored bytes.
 */
export const organisationLogos = pgTable('organisation_logos', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  image: bytea('image').notNull(),
  mediaType: text('media_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  etag: text('etag').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})

/**
 * A territory lets a partner (the Chambre d'agriculture for producers, say) verify the
 * organisations of some kinds, beside its staff.
 */
export const organisationDelegations = pgTable(
  'organisation_delegations',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    /** only the partner verifies this kind: the territory's staff no longer do (producers, say) */
    exclusive: boolean('exclusive').notNull().default(false),
    grantedBy: uuid('granted_by').references(idOf('accounts'), { onDelete: 'set null' }),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.partnerId, t.kind] })],
)
