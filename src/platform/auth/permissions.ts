/**
 * Every route declares what it needs in `config.permission`; a test walks all routes and
 * fails on one that declares nothing. The accounts work adds role permissions to this list.
 */
export const permissions = [
  /** anyone, with or without an account */
  'public',
  /** development tools (outbox of emails): such routes are not even registered in production */
  'dev',
] as const

export type Permission = (typeof permissions)[number]

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (permissions as readonly string[]).includes(value)
}
