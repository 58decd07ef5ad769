// The platform's own tables; the domains' come with their module descriptions (src/schema.ts).

export * from '../audit/audit.schema.ts'
export * from '../geo/commune.schema.ts'
export * from '../http/rate-limit.schema.ts'
export * from '../jobs/job.schema.ts'
export * from '../mail/mail.schema.ts'
export * from '../review/review.schema.ts'
export * from '../sms/sms.schema.ts'
export * from '../statistics/stat-event.schema.ts'
export * from '../tenancy/territory.schema.ts'
export * from './reference-data.schema.ts'
