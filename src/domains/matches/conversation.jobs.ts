import type { AppServices } from '../../platform/services.ts'

export function registerConversationJobs(_services: AppServices): void {}

export async function scheduleConversationJobs(_services: AppServices): Promise<void> {}
