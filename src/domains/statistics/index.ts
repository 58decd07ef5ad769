/** The bilan sits at the top of the domains: nothing uses it; it reads the platform's stat events. */
export type { BilanFigures, BilanFilter } from './figures.ts'
