// TEMPORARY local stand-in (not committed) until main has the rollup job.
import type { AppServices } from '../../platform/services.ts'
export async function refreshFigures(_services: AppServices): Promise<void> {}
