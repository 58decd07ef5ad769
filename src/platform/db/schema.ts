// The schema index drizzle-kit reads; each concept keeps its tables beside its code.
export * from '../../domains/territories/territory.schema.ts'
export * from '../geo/commune.schema.ts'
export * from '../jobs/job.schema.ts'
export * from '../mail/mail.schema.ts'
export * from './reference-data.schema.ts'
