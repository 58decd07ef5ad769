// The schema index drizzle-kit reads (drizzle.config.ts); each concept keeps its tables beside
// its code. A test checks that it exports the tables of every module and of the platform.

export * from './domains/accounts/identity/account.schema.ts'
export * from './domains/accounts/sessions/session.schema.ts'
export * from './domains/categories/category.schema.ts'
export * from './domains/listings/listing.schema.ts'
export * from './domains/listings/listing-word.schema.ts'
export * from './domains/listings/saved-search.schema.ts'
export * from './domains/matches/match.schema.ts'
export * from './domains/missions/mission.schema.ts'
export * from './domains/needs/need.schema.ts'
export * from './domains/notifications/notification.schema.ts'
export * from './domains/organisations/organisation.schema.ts'
export * from './domains/reports/report.schema.ts'
export * from './domains/volunteers/volunteer.schema.ts'
export * from './platform/db/platform.schema.ts'
