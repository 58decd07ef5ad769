import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { idOf, mayBeReferenced } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/** What a volunteer may receive once the person accepts their help: their own phone, or the line's. */
export const sharedContacts = ['own-phone', 'line'] as const
export type SharedContact = (typeof sharedContacts)[number]

/**
 * A person the Département's phone line knows, most often without an account: what the agent
 * typed during the call, and the consent read to them, word for word. Calls to isolated people
 * register the same records. Only agents and coordinators read them, and every reading is audited.
 */
export const phonePeople = pgTable(
  'phone_people',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** E.164, parsed from any French way of writing it */
    phone: text('phone').notNull(),
    communeInsee: text('commune_insee').notNull(),
    address: text('address'),
    /** « le matin, pas avant 9 h » */
    callTimes: text('call_times'),
    /** « sa fille Nadia décroche souvent » */
    answeredBy: text('answered_by'),
    /** what the volunteer may receive once the person accepts their help */
    sharedContact: text('shared_contact').$type<SharedContact>().notNull().default('line'),
    /** the consent as it was read to the person, the moment and the agent (or the person online) */
    consentWording: text('consent_wording').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    consentBy: uuid('consent_by').references(idOf('accounts'), { onDelete: 'set null' }),
    /** a withdrawn consent takes the person out of every list and call in the same transaction */
    consentWithdrawnAt: timestamp('consent_withdrawn_at', { withTimezone: true }),
    /**
     * The person agreed to receive SMS about their cases: the wording read, when and by which agent.
     * Null when they did not, or answered « STOP » since.
     */
    smsConsentWording: text('sms_consent_wording'),
    smsConsentAt: timestamp('sms_consent_at', { withTimezone: true }),
    smsConsentBy: uuid('sms_consent_by').references(idOf('accounts'), { onDelete: 'set null' }),
    /** set when the person signs up and staff link the record to their account */
    accountId: uuid('account_id').references(idOf('accounts'), { onDelete: 'set null' }),
    /** accent- and case-free « prénom nom », kept by the database for searching by name */
    searchName: text('search_name')
      .notNull()
      .generatedAlwaysAs(sql`immutable_unaccent(lower(first_name || ' ' || last_name))`),
    createdBy: uuid('created_by').references(idOf('accounts'), { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('phone_people_name_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('phone_people_phone_idx').on(t.territoryId, t.phone),
    index('phone_people_commune_idx').on(t.territoryId, t.communeInsee),
    index('phone_people_account_idx').on(t.accountId),
    check('phone_people_consent_filled', sql`length(trim(${t.consentWording})) > 0`),
  ],
)
mayBeReferenced(phonePeople)

/** Where a case comes from: a call to the line, a caller's « besoin d'aide », or an alert. */
export const caseOrigins = ['call', 'needs-help', 'concern', 'unanswered'] as const
export type CaseOrigin = (typeof caseOrigins)[number]

export const caseStatuses = ['open', 'closed'] as const
export type CaseStatus = (typeof caseStatuses)[number]

/** How a case ends; the agent picks one when closing it. */
export const caseOutcomes = [
  'helped',
  'no-longer-needed',
  'redirected',
  'no-volunteer',
  'unreachable',
  'other',
] as const
export type CaseOutcome = (typeof caseOutcomes)[number]

/**
 * A case (« dossier ») followed by the line's agents from the call to its outcome: the ask posted
 * for the person, the volunteers' responses that wait for an agent, the calls and notes. Concerns
 * raised by callers are cases too, so the agents have one queue.
 */
export const phoneCases = pgTable(
  'phone_cases',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => phonePeople.id, { onDelete: 'cascade' }),
    origin: text('origin').$type<CaseOrigin>().notNull(),
    /** the need in the agent's words (or the caller's, for a concern) */
    summary: text('summary').notNull(),
    /** the ask posted on the person's behalf, once there is one */
    listingId: uuid('listing_id').references(idOf('listings'), { onDelete: 'set null' }),
    status: text('status').$type<CaseStatus>().notNull(),
    outcome: text('outcome').$type<CaseOutcome>(),
    openedBy: uuid('opened_by').references(idOf('accounts'), { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    /** the first volunteer's response to the ask: a case without one after the delay rises in the queue */
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(idOf('accounts'), { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('phone_cases_queue_idx').on(t.territoryId, t.status, t.openedAt),
    index('phone_cases_person_idx').on(t.personId, t.openedAt.desc()),
    index('phone_cases_listing_idx').on(t.listingId),
    check(
      'phone_cases_closed_has_outcome',
      sql`(${t.status} = 'closed') = (${t.outcome} is not null and ${t.closedAt} is not null)`,
    ),
  ],
)

/** What a case's timeline records. */
export const caseEventKinds = [
  'opened',
  'call-out',
  'call-in',
  'note',
  'ask-posted',
  'response',
  'accepted',
  'declined',
  'alert',
  'closed',
  'reopened',
] as const
export type CaseEventKind = (typeof caseEventKinds)[number]

/** How a call went, for the events that are calls. */
export const callResults = ['reached', 'no-answer', 'message-left'] as const
export type CallResult = (typeof callResults)[number]

/** A case's timeline, append-only: calls made and received, notes, responses, the outcome. */
export const phoneCaseEvents = pgTable(
  'phone_case_events',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => phoneCases.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<CaseEventKind>().notNull(),
    callResult: text('call_result').$type<CallResult>(),
    note: text('note'),
    /** the match a response or a decision is about */
    matchId: uuid('match_id').references(idOf('matches'), { onDelete: 'set null' }),
    by: uuid('by').references(idOf('accounts'), { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('phone_case_events_case_idx').on(t.caseId, t.at)],
)

/** The line's own settings, per territory: after how long a case without a response rises. */
export const phoneLineSettings = pgTable(
  'phone_line_settings',
  {
    territoryId: uuid('territory_id')
      .primaryKey()
      .references(() => territories.id, { onDelete: 'cascade' }),
    unansweredAfterHours: integer('unanswered_after_hours').notNull().default(48),
    /** the consent an agent reads to a caller, editable by administrators */
    consentWording: text('consent_wording'),
    updatedBy: uuid('updated_by').references(idOf('accounts'), { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('phone_line_settings_delay', sql`${t.unansweredAfterHours} between 1 and 720`)],
)
