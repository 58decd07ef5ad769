import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** Texts a territory writes in both languages; French is required, English falls back to it. */
export type LocalisedText = { fr: string; en?: string }

/**
 * Which new listings a moderator reads before they are published: every one, only the first ones
 * of a new account (the default), or none (the free-help rule still holds money wording).
 */
export const reviewPolicies = ['all', 'first-listings', 'none'] as const
export type ReviewPolicy = (typeof reviewPolicies)[number]

/**
 * The forms French needs to speak of the territory: « le Calvados », « du Calvados », « dans le
 * Calvados », « le Département du Calvados »… A name pasted into a sentence breaks its grammar
 * (« de Entraide Calvados »), so sentences take the form they need from here.
 */
export const nameFormKeys = [
  'area',
  'areaOf',
  'areaIn',
  'institution',
  'institutionOf',
  'institutionTo',
] as const
export type TerritoryNameForms = Record<(typeof nameFormKeys)[number], string>

/**
 * What the legal notice, the privacy notice and the accessibility statement are filled from, as
 * administrators write it in the territory's settings; a missing one shows as « to complete ».
 */
export const legalDetailKeys = [
  'publisherAddress',
  'publicationDirector',
  'hostName',
  'hostAddress',
  'dpoContact',
  'retentionAccounts',
  'retentionListings',
  'retentionMessages',
  'retentionPhone',
  'statementDate',
  'auditDate',
  'auditRate',
  'auditor',
  'derogations',
] as const
export type LegalDetailKey = (typeof legalDetailKeys)[number]
export type TerritoryLegalDetails = Partial<Record<LegalDetailKey, string>>

export const territories = pgTable('territories', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  departements: text('departements').array().notNull(),
  officialName: text('official_name').notNull(),
  platformName: text('platform_name').notNull(),
  presentation: jsonb('presentation').$type<LocalisedText>().notNull(),
  logoUrl: text('logo_url'),
  /** the institution's own site, linked from the header and the legal notice */
  institutionUrl: text('institution_url'),
  /** stored forms; a missing one is derived from the names (platform/tenancy/name-forms.ts) */
  nameForms: jsonb('name_forms').$type<Partial<TerritoryNameForms>>(),
  legalDetails: jsonb('legal_details').$type<TerritoryLegalDetails>(),
  primaryColor: text('primary_color').notNull(),
  contactEmail: text('contact_email').notNull(),
  legalNotice: jsonb('legal_notice').$type<LocalisedText>().notNull(),
  charter: jsonb('charter').$type<LocalisedText>().notNull(),
  crisisMode: boolean('crisis_mode').notNull().default(false),
  /** the banner's message while a crisis is on, set and cleared with `crisis_mode` */
  crisisMessage: jsonb('crisis_message').$type<LocalisedText>(),
  /** the Département's phone line, E.164, shown wherever the platform says how to get help */
  helplinePhone: text('helpline_phone'),
  /** « du lundi au vendredi, de 9 h à 17 h » */
  helplineHours: jsonb('helpline_hours').$type<LocalisedText>(),
  reviewPolicy: text('review_policy').$type<ReviewPolicy>().notNull().default('first-listings'),
  /** after how many hours an ask nobody answered comes up in the coordinators' dispatch list */
  dispatchDelayHours: integer('dispatch_delay_hours').notNull().default(48),
  /** SMS the platform may send per Paris day; past it they are held back (cost control) */
  smsDailyCap: integer('sms_daily_cap').notNull().default(200),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
})

export const territoryHosts = pgTable(
  'territory_hosts',
  {
    hostname: text('hostname').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
  },
  (t) => [index('territory_hosts_territory_idx').on(t.territoryId)],
)
