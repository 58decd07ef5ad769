import type { AppServices } from './services.ts'

/**
 * Housekeeping that keeps personal data no longer than needed: rate-limit counters (keyed by
 * hashed addresses and IPs) once their window is long past. Domains purge their own data
 * (ended sessions: accounts).
 */
export const MAINTENANCE_JOBS = { rateLimits: 'rate-limits.purge' } as const

export function registerMaintenance(services: AppServices): void {
  services.worker.register(MAINTENANCE_JOBS.rateLimits, () => services.rateLimiter.purge())
}

/** Called once per process start; the schedule is shared, so several processes still run each job once per slot. */
export async function scheduleMaintenance(services: AppServices): Promise<void> {
  await services.jobs.scheduleRecurring(MAINTENANCE_JOBS.rateLimits, 86_400)
}
