import type { AppServices } from '../../platform/services.ts'
import { foldNewEvents } from './rollup.ts'

export const ROLLUP_JOB = 'statistics.rollup'
/** The figures lag the events by about a minute; a page may ask for a fold sooner (« Actualiser »). */
export const ROLLUP_INTERVAL_SECONDS = 60

export function registerStatisticsJobs(services: AppServices): void {
  services.worker.register(ROLLUP_JOB, async () => {
    // Under the interval, so a slow fold ends before the next one is due and the lease holds.
    const result = await foldNewEvents(services, { budgetMs: 45_000 })
    if (result.events > 0 || result.skipped > 0 || result.deferred)
      services.worker.logger.info(
        {
          events: result.events,
          batches: result.batches,
          skipped: result.skipped,
          cursor: result.lastEventId,
        },
        'statistics folded',
      )
  })
}

/** Called once per process start; the schedule is one row shared by all processes. */
export async function scheduleStatisticsJobs(services: AppServices): Promise<void> {
  await services.jobs.scheduleRecurring(ROLLUP_JOB, ROLLUP_INTERVAL_SECONDS)
}
