/** The bilan sits at the top of the domains: nothing uses it; it reads the platform's stat events. */
export type { BilanFigures, BilanFilter } from './figures.ts'
/** The events of rows written before the domains recorded them: once at start, and for the demonstration. */
export { backfillStatEvents, writeStatEvents } from './stat-backfill.ts'
