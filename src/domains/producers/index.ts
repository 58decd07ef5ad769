/**
 * What other parts of the app may use of producers: the organisation page's block for a producer,
 * and writing a producer's page for demos, tests and benches.
 */

export { producersSection } from './producer-section.tsx'
export { type SeedProducer, seedProducer } from './producer-seed.ts'
