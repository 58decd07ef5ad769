import type { AppServices } from '../../../platform/services.ts'

/** Ended sessions are deleted hourly: a session row says when and from which device someone was here. */
export const SESSION_PURGE_JOB = 'sessions.purge'

export function registerSessionJobs(services: AppServices): void {
  services.worker.register(SESSION_PURGE_JOB, async () => {
    await services.sessions.purgeExpired()
  })
}

/** Called once per process start; the schedule is shared, so several processes still run it once per slot. */
export async function scheduleSessionJobs(services: AppServices): Promise<void> {
  await services.jobs.scheduleRecurring(SESSION_PURGE_JOB, 3600)
}
