import type { AppServices } from '../../platform/services.ts'

export function registerFollowUpJobs(_services: AppServices): void {}

export async function scheduleFollowUpJobs(_services: AppServices): Promise<void> {}
