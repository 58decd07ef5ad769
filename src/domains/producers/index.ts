/** What other parts of the app may use of producers: writing a producer's page for demos, tests and benches. */
export { type SeedProducer, seedProducer } from './producer-seed.ts'
