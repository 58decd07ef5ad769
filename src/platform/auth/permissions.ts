import type { StaffRole } from './roles.ts'

/**
 * Every route declares what it needs in `config.permission`; the app refuses to start with a
 * route that declares nothing, and a test walks them all.
 */
export const permissions = [
  /** anyone, with or without an account */
  'public',
  /** development tools (outbox of emails): such routes are not even registered in production */
  'dev',
  /** any signed-in account, verified or not, active: its own profile, sessions, tokens */
  'session',
  /** a signed-in account whose email is verified: posting, responding (later issues) */
  'verified',
  /** staff: the administration area's home, which lists what each role may do */
  'staff:area',
  /** staff: list, search, suspend and reactivate the territory's accounts */
  'account:manage',
  /** staff: invite staff and change roles */
  'staff:manage',
  /** staff: read the audit log */
  'audit:read',
  /** staff: add, edit, reorder and deactivate the territory's categories */
  'category:manage',
  /** staff: publish or reject listings the free-help rule held */
  'listing:moderate',
  /** staff: read and handle reports on listings, messages and profiles */
  'report:review',
  /** staff: mark a person as a verified volunteer (childcare, home visits), or revoke it */
  'volunteer:verify',
  /** staff: the asks no one answered within 48 hours */
  'listing:follow-up',
  /** staff: verify, refuse, suspend and reinstate organisations, and read their history */
  'organisation:verify',
  /** staff: let a partner organisation verify organisations of some kinds */
  'organisation:delegate',
  /** staff: open and run supply campaigns (points, batches received, requests, allocation, ledger) */
  'campaign:manage',
  /** staff: put a campaign or the producers' directory forward on the home page */
  'home:highlight',
  /** staff: the phone line: people without accounts, their cases, asks posted and accepted for them */
  'phone:intake',
  /** staff: calls to isolated people: callers, pairings, call campaigns */
  'calls:coordinate',
  /** staff: mass calls for volunteers by category and commune */
  'volunteers:callout',
  /** staff: switch crisis mode on and off, edit the crisis templates */
  'crisis:manage',
  /** staff: the phone line's number, hours and settings, and the help points */
  'helpline:configure',
  /** staff: the territory's settings: its logo, its institution's link, its name forms and legal details */
  'territory:configure',
  /** staff: the moderation queue: decide on held content and reports, sanction people, review appeals */
  'moderation:review',
  /** staff: the review-before-publication setting and the list of reasons moderators pick from */
  'moderation:configure',
  /** staff: propose unanswered asks to volunteers, one by one or all at once */
  'volunteers:dispatch',
  /** staff: the territory's bilan (dashboard, figures by commune and category) and its exports */
  'statistics:read',
] as const

export type Permission = (typeof permissions)[number]

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (permissions as readonly string[]).includes(value)
}

/** What everyone signed in may do; staff roles add to it, in the territories where they hold them. */
export const residentPermissions = ['public', 'session', 'verified'] as const satisfies Permission[]

export const rolePermissions = {
  moderator: ['staff:area', 'listing:moderate', 'report:review', 'organisation:verify', 'moderation:review'],
  agent: ['staff:area', 'phone:intake'],
  coordinator: [
    'staff:area',
    'volunteer:verify',
    'listing:follow-up',
    'organisation:verify',
    'campaign:manage',
    'home:highlight',
    'phone:intake',
    'calls:coordinate',
    'volunteers:callout',
    'volunteers:dispatch',
    'statistics:read',
  ],
  administrator: [
    'staff:area',
    'account:manage',
    'staff:manage',
    'audit:read',
    'category:manage',
    'listing:moderate',
    'report:review',
    'volunteer:verify',
    'listing:follow-up',
    'organisation:verify',
    'organisation:delegate',
    'campaign:manage',
    'home:highlight',
    'phone:intake',
    'calls:coordinate',
    'volunteers:callout',
    'crisis:manage',
    'helpline:configure',
    'territory:configure',
    'moderation:review',
    'moderation:configure',
    'volunteers:dispatch',
    'statistics:read',
  ],
} as const satisfies Record<StaffRole, Permission[]>

/** Permissions that only staff roles grant: they also need a second factor in the session. */
export const staffOnly = new Set<Permission>(Object.values(rolePermissions).flat())
