// The schema index drizzle-kit reads; each concept keeps its tables beside its code.

export * from '../../domains/accounts/account.schema.ts'
export * from '../../domains/categories/category.schema.ts'
export * from '../../domains/listings/listing.schema.ts'
export * from '../../domains/listings/saved-search.schema.ts'
export * from '../../domains/territories/territory.schema.ts'
export * from '../audit/audit.schema.ts'
export * from '../auth/session.schema.ts'
export * from '../geo/commune.schema.ts'
export * from '../http/rate-limit.schema.ts'
export * from '../jobs/job.schema.ts'
export * from '../mail/mail.schema.ts'
export * from './reference-data.schema.ts'
