import { sql } from 'drizzle-orm'
import {
  bigserial,
  check,
  date,
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
import { bytea } from '../../platform/db/column-types.ts'
import { idOf } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/** What a campaign gathers: masks in 2020, school kits at the start of a school year. */
export const campaignItems = ['masks', 'visors', 'gowns', 'bags', 'school-kits', 'other'] as const
export type CampaignItem = (typeof campaignItems)[number]

/** draft (staff prepare it) → open (makers and requesters join) → closed (nothing new). */
export const campaignStatuses = ['draft', 'open', 'closed'] as const
export type CampaignStatus = (typeof campaignStatuses)[number]

/**
 * A supply campaign, run by the territory's staff or by the organisation they delegate it to.
 * Makers hand batches over at collection points; requesters collect at distribution points.
 */
export const supplyCampaigns = pgTable(
  'supply_campaigns',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    /** the organisation the staff delegated the campaign to; its managers run it beside staff */
    organisationId: uuid('organisation_id').references(idOf('organisations'), { onDelete: 'set null' }),
    item: text('item').$type<CampaignItem>().notNull(),
    title: text('title').notNull(),
    /** the pattern or standard, in words (« masque barrière, norme AFNOR Spec S76-001 ») */
    specification: text('specification').notNull(),
    targetQuantity: integer('target_quantity').notNull(),
    /** « masques », « kits » */
    unit: text('unit').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status').$type<CampaignStatus>().notNull(),
    createdBy: uuid('created_by').references(idOf('accounts'), { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('supply_campaigns_territory_idx').on(t.territoryId, t.status, t.startsOn.desc()),
    check('supply_campaigns_target_check', sql`target_quantity between 1 and 1000000`),
    check('supply_campaigns_dates_check', sql`ends_on >= starts_on`),
  ],
)

/** The specification's attachment (a PDF, or an image re-encoded to WebP), type- and size-checked. */
export const supplyCampaignFiles = pgTable(
  'supply_campaign_files',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => supplyCampaigns.id, { onDelete: 'cascade' }),
    /** the name shown on the download link, cleaned of paths and controls */
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    content: bytea('content').notNull(),
    size: integer('size').notNull(),
    etag: text('etag').notNull(),
    uploadedBy: uuid('uploaded_by').references(idOf('accounts'), { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('supply_campaign_files_campaign_idx').on(t.campaignId, t.createdAt),
    check('supply_campaign_files_type_check', sql`media_type in ('application/pdf', 'image/webp')`),
    check('supply_campaign_files_size_check', sql`size between 1 and 5242880`),
  ],
)

/** A point collects makers' batches, distributes to requesters, or both. */
export const pointRoles = ['collection', 'distribution', 'both'] as const
export type PointRole = (typeof pointRoles)[number]

export const supplyPoints = pgTable(
  'supply_points',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => supplyCampaigns.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').$type<PointRole>().notNull(),
    communeInsee: text('commune_insee').notNull(),
    /** the commune's point: travel is reckoned between communes, never from a street address */
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    address: text('address').notNull(),
    /** « mardi et jeudi, 14 h – 18 h » */
    hours: text('hours').notNull(),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('supply_points_campaign_idx').on(t.campaignId, t.position)],
)

export const makerKinds = ['person', 'association', 'workshop'] as const
export type MakerKind = (typeof makerKinds)[number]

/** A person, or an association or workshop one of its members speaks for, making for a campaign. */
export const supplyMakers = pgTable(
  'supply_makers',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => supplyCampaigns.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(idOf('organisations'), { onDelete: 'cascade' }),
    kind: text('kind').$type<MakerKind>().notNull(),
    communeInsee: text('commune_insee').notNull(),
    weeklyCapacity: integer('weekly_capacity').notNull(),
    /** made and not yet handed over, as the maker says */
    stockHeld: integer('stock_held').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('supply_makers_person_idx').on(t.campaignId, t.accountId).where(sql`organisation_id is null`),
    uniqueIndex('supply_makers_organisation_idx')
      .on(t.campaignId, t.organisationId)
      .where(sql`organisation_id is not null`),
    index('supply_makers_account_idx').on(t.accountId),
    check(
      'supply_makers_quantities_check',
      sql`weekly_capacity between 0 and 1000000 and stock_held between 0 and 1000000`,
    ),
    check('supply_makers_kind_check', sql`(kind = 'person') = (organisation_id is null)`),
  ],
)

/** declared by the maker → confirmed by staff on receipt (maybe for fewer), or refused. */
export const batchStatuses = ['declared', 'confirmed', 'refused'] as const
export type BatchStatus = (typeof batchStatuses)[number]

export const supplyBatches = pgTable(
  'supply_batches',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => supplyCampaigns.id, { onDelete: 'cascade' }),
    makerId: uuid('maker_id')
      .notNull()
      .references(() => supplyMakers.id, { onDelete: 'cascade' }),
    pointId: uuid('point_id')
      .notNull()
      .references(() => supplyPoints.id),
    quantity: integer('quantity').notNull(),
    status: text('status').$type<BatchStatus>().notNull(),
    receivedQuantity: integer('received_quantity'),
    refusalReason: text('refusal_reason'),
    handedOn: date('handed_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(idOf('accounts'), { onDelete: 'set null' }),
  },
  (t) => [
    index('supply_batches_maker_idx').on(t.makerId, t.createdAt.desc()),
    index('supply_batches_point_idx').on(t.pointId, t.status, t.createdAt),
    check(
      'supply_batches_quantity_check',
      sql`quantity between 1 and 1000000 and (received_quantity is null or received_quantity between 1 and quantity)`,
    ),
  ],
)

/** front-line (carers, pharmacies) first, then vulnerable people, then the general public. */
export const priorities = ['front-line', 'vulnerable', 'general'] as const
export type Priority = (typeof priorities)[number]

export const requesterKinds = ['person', 'aid-structure', 'ehpad', 'school', 'pharmacy', 'other'] as const
export type RequesterKind = (typeof requesterKinds)[number]

/** open → allocated (in part or whole) → collected; or cancelled by the requester, refused by staff. */
export const requestStatuses = ['open', 'allocated', 'collected', 'cancelled', 'refused'] as const
export type RequestStatus = (typeof requestStatuses)[number]

export const supplyRequests = pgTable(
  'supply_requests',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => supplyCampaigns.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(idOf('organisations'), { onDelete: 'set null' }),
    requesterKind: text('requester_kind').$type<RequesterKind>().notNull(),
    quantity: integer('quantity').notNull(),
    /** as asked; staff may raise `priority` above it, with a reason kept in the audit log */
    requestedPriority: text('requested_priority').$type<Priority>().notNull(),
    priority: text('priority').$type<Priority>().notNull(),
    preferredPointId: uuid('preferred_point_id').references(() => supplyPoints.id, { onDelete: 'set null' }),
    communeInsee: text('commune_insee').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    /** why it is needed, read by staff only */
    note: text('note').notNull().default(''),
    status: text('status').$type<RequestStatus>().notNull(),
    /** why staff refused it, as the requester is told on his page and by mail */
    statusReason: text('status_reason'),
    /** kept with the allocations in the same transaction */
    allocated: integer('allocated').notNull().default(0),
    collected: integer('collected').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('supply_requests_campaign_idx').on(t.campaignId, t.status, t.createdAt),
    index('supply_requests_account_idx').on(t.accountId, t.createdAt.desc()),
    check(
      'supply_requests_quantity_check',
      sql`quantity between 1 and 1000000 and allocated between 0 and quantity and collected between 0 and allocated`,
    ),
  ],
)

/** A proposal the solver made: staff adjust its rows, then apply it or set it aside. */
export const proposalStatuses = ['draft', 'applied', 'discarded'] as const
export type ProposalStatus = (typeof proposalStatuses)[number]

export const supplyProposals = pgTable(
  'supply_proposals',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => supplyCampaigns.id, { onDelete: 'cascade' }),
    status: text('status').$type<ProposalStatus>().notNull(),
    /** the solver's own time, shown to staff */
    solverMs: doublePrecision('solver_ms').notNull(),
    /** the solver's status (« Optimal ») */
    solverStatus: text('solver_status').notNull(),
    createdBy: uuid('created_by').references(idOf('accounts'), { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('supply_proposals_campaign_idx').on(t.campaignId, t.createdAt.desc())],
)

/** proposed (a row of a draft proposal) → confirmed (stock reserved, requester told) → collected; or cancelled. */
export const allocationStatuses = ['proposed', 'confirmed', 'collected', 'cancelled'] as const
export type AllocationStatus = (typeof allocationStatuses)[number]

export const supplyAllocations = pgTable(
  'supply_allocations',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => supplyCampaigns.id, { onDelete: 'cascade' }),
    proposalId: uuid('proposal_id').references(() => supplyProposals.id, { onDelete: 'set null' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => supplyRequests.id, { onDelete: 'cascade' }),
    pointId: uuid('point_id')
      .notNull()
      .references(() => supplyPoints.id),
    quantity: integer('quantity').notNull(),
    status: text('status').$type<AllocationStatus>().notNull(),
    /** when the requester may come (from that date, at the point's hours) */
    collectFrom: date('collect_from', { mode: 'string' }),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(idOf('accounts'), { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('supply_allocations_proposal_idx').on(t.proposalId),
    index('supply_allocations_request_idx').on(t.requestId),
    index('supply_allocations_point_idx').on(t.pointId, t.status),
    check('supply_allocations_quantity_check', sql`quantity between 1 and 1000000`),
  ],
)

/**
 * Every movement of stock at a point, append-only: a trigger refuses updates and deletes (but the
 * blanking of `recorded_by` when an account is erased), and keeps `supply_stock` as the sum.
 *   received     on hand +q            (a batch confirmed at a collection point)
 *   allocated    reserved +q           (an allocation confirmed)
 *   released     reserved −q           (an allocation cancelled)
 *   handed-out   on hand −q, reserved −q
 *   lost         on hand −q
 *   correction   on hand ±q            (a new entry that names the one it corrects)
 */
export const ledgerMovements = [
  'received',
  'allocated',
  'released',
  'handed-out',
  'lost',
  'correction',
] as const
export type LedgerMovement = (typeof ledgerMovements)[number]

export const supplyLedger = pgTable(
  'supply_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => supplyCampaigns.id),
    pointId: uuid('point_id')
      .notNull()
      .references(() => supplyPoints.id),
    movement: text('movement').$type<LedgerMovement>().notNull(),
    onHandDelta: integer('on_hand_delta').notNull(),
    reservedDelta: integer('reserved_delta').notNull(),
    batchId: uuid('batch_id').references(() => supplyBatches.id),
    allocationId: uuid('allocation_id').references(() => supplyAllocations.id),
    correctsId: integer('corrects_id'),
    reason: text('reason').notNull().default(''),
    recordedBy: uuid('recorded_by').references(idOf('accounts'), { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('supply_ledger_campaign_idx').on(t.campaignId, t.id),
    index('supply_ledger_point_idx').on(t.pointId, t.id),
    check(
      'supply_ledger_delta_check',
      sql`abs(on_hand_delta) <= 1000000 and abs(reserved_delta) <= 1000000 and (on_hand_delta <> 0 or reserved_delta <> 0)`,
    ),
    check(
      'supply_ledger_shape_check',
      sql`(movement = 'received' and on_hand_delta > 0 and reserved_delta = 0)
        or (movement = 'allocated' and on_hand_delta = 0 and reserved_delta > 0)
        or (movement = 'released' and on_hand_delta = 0 and reserved_delta < 0)
        or (movement = 'handed-out' and on_hand_delta < 0 and reserved_delta = on_hand_delta)
        or (movement = 'lost' and on_hand_delta < 0 and reserved_delta = 0)
        or (movement = 'correction' and reserved_delta = 0 and corrects_id is not null)`,
    ),
  ],
)

/**
 * The sum of the ledger per point, kept by its trigger in the same statement: the checks make a
 * movement that would take stock below zero (or reserve more than is there) fail whole.
 */
export const supplyStock = pgTable(
  'supply_stock',
  {
    pointId: uuid('point_id')
      .notNull()
      .references(() => supplyPoints.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => supplyCampaigns.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.pointId] }),
    index('supply_stock_campaign_idx').on(t.campaignId),
    check('supply_stock_never_negative', sql`on_hand >= 0 and reserved >= 0 and reserved <= on_hand`),
  ],
)
