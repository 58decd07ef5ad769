import type { AppServices } from '../../platform/services.ts'

export function registerNotificationJobs(_services: AppServices): void {}

export async function scheduleNotificationJobs(_services: AppServices): Promise<void> {}
