/** An account is active or suspended; a suspended one keeps its data but may do nothing. */
export const accountStatuses = ['active', 'suspended'] as const
export type AccountStatus = (typeof accountStatuses)[number]

/** Staff roles, held per territory; `permissions.ts` says what each may do. */
export const roles = ['moderator', 'agent', 'coordinator', 'administrator'] as const
export type StaffRole = (typeof roles)[number]
