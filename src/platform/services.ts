import type { Config } from '../config.ts'
import type { AuditLog } from './audit/audit.ts'
import type { Clock, IdGenerator } from './clock.ts'
import type { Database } from './db/client.ts'
import type { CommuneService } from './geo/commune.service.ts'
import type { RateLimiter } from './http/rate-limit.ts'
import type { JobQueue } from './jobs/queue.ts'
import type { JobWorker } from './jobs/worker.ts'
import type { Mailer } from './mail/mailer.ts'
import type { Sms } from './sms/sms.ts'
import type { Tenancy } from './tenancy/tenancy.ts'

/**
 * Everything a route plugin may use, built once per app in app.ts (tests build their own).
 * Domains add their own services to this interface (declaration merging, as Fastify's
 * decorators do), so the platform names none of them.
 */
export interface AppServices {
  config: Config
  database: Database
  clock: Clock
  ids: IdGenerator
  tenancy: Tenancy
  communes: CommuneService
  jobs: JobQueue
  worker: JobWorker
  mailer: Mailer
  sms: Sms
  rateLimiter: RateLimiter
  audit: AuditLog
}
