import type { AppServices } from '../../platform/services.ts'
import { endDueSuspensions } from './sanction-life.service.ts'

/** Suspensions whose time is up are lifted within five minutes; a sign-in before that lifts its own. */
export const SUSPENSIONS_END_JOB = 'moderation.suspensions-end'

export function registerSanctionJobs(services: AppServices): void {
  services.worker.register(SUSPENSIONS_END_JOB, async () => {
    await endDueSuspensions(services)
  })
}

/** Called once per process start; the schedule is shared, so several processes run it once per slot. */
export async function scheduleSanctionJobs(services: AppServices): Promise<void> {
  await services.jobs.scheduleRecurring(SUSPENSIONS_END_JOB, 300)
}
