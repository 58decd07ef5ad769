import type { AppServices } from './services.ts'

/**
 * Housekeeping that keeps personal data no longer than needed: ended sessions, and rate-limit
 * counters (keyed by hashed addresses and IPs) once their window is long past.
 */
export const MAINTENANCE_JOBS = { sessions: 'sessions.purge', rateLimits: 'rate-limits.purge' } as const

export function registerMaintenance(services: AppServices): void {
  services.worker.register(MAINTENANCE_JOBS.sessions, async () => {
    await services.sessions.purgeExpired()
  })
  services.worker.register(MAINTENANCE_JOBS.rateLimits, () => services.rateLimiter.purge())
}

/** Called once per process start; the schedule is shared, so several processes still run each job once per slot. */
export async function scheduleMaintenance(services: AppServices): Promise<void> {
  await services.jobs.scheduleRecurring(MAINTENANCE_JOBS.sessions, 3600)
  await services.jobs.scheduleRecurring(MAINTENANCE_JOBS.rateLimits, 86_400)
}
