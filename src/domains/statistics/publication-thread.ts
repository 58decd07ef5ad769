import { threadCalls } from '../../platform/thread-calls.ts'
import type { MonthlyCell, Publication } from './publication.ts'

/** `publish`, on a thread of its own (publication-worker.ts): seconds for a large territory. */
export const publishOffThread = threadCalls<{ months: string[]; cells: MonthlyCell[] }, Publication>(
  new URL('./publication-worker.ts', import.meta.url),
  'de la publication',
)
