import { deleteDevEmailsBefore } from './mail/dev-outbox.repository.ts'
import type { AppServices } from './services.ts'
import { deleteDevSmsBefore } from './sms/sms.repository.ts'

/**
 * Housekeeping that keeps personal data no longer than needed: rate-limit counters (keyed by
 * hashed addresses and IPs) once their window is long past, and the development outboxes, which
 * hold real addresses and phone numbers wherever a non-production server is tried by real people
 * (a staging server, a training session). Domains purge their own data (ended sessions: accounts).
 */
export const MAINTENANCE_JOBS = {
  rateLimits: 'rate-limits.purge',
  devOutboxes: 'dev-outboxes.purge',
} as const

/** How long a mail or an SMS stays readable at /dev/emails and /dev/sms. */
export const DEV_OUTBOX_DAYS = 7

export function registerMaintenance(services: AppServices): void {
  services.worker.register(MAINTENANCE_JOBS.rateLimits, () => services.rateLimiter.purge())
  services.worker.register(MAINTENANCE_JOBS.devOutboxes, async () => {
    const before = new Date(services.clock.now().getTime() - DEV_OUTBOX_DAYS * 86_400_000)
    const { db } = services.database
    const emails = await deleteDevEmailsBefore(db, before)
    const sms = await deleteDevSmsBefore(db, before)
    if (emails + sms > 0) services.worker.logger.info({ emails, sms }, 'development outboxes purged')
  })
}

/** Called once per process start; the schedule is shared, so several processes still run each job once per slot. */
export async function scheduleMaintenance(services: AppServices): Promise<void> {
  await services.jobs.scheduleRecurring(MAINTENANCE_JOBS.rateLimits, 86_400)
  await services.jobs.scheduleRecurring(MAINTENANCE_JOBS.devOutboxes, 86_400)
}
