import type { Config } from '../config.ts'
import type { TerritoryService } from '../domains/territories/territory.service.ts'
import type { AuditLog } from './audit/audit.ts'
import type { SessionStore } from './auth/sessions.ts'
import type { Clock, IdGenerator } from './clock.ts'
import type { Database } from './db/client.ts'
import type { CommuneService } from './geo/commune.service.ts'
import type { RateLimiter } from './http/rate-limit.ts'
import type { JobQueue } from './jobs/queue.ts'
import type { JobWorker } from './jobs/worker.ts'
import type { Mailer } from './mail/mailer.ts'

/** Everything a route plugin may use, built once per app in app.ts (tests build their own). */
export interface AppServices {
  config: Config
  database: Database
  clock: Clock
  ids: IdGenerator
  territories: TerritoryService
  communes: CommuneService
  jobs: JobQueue
  worker: JobWorker
  mailer: Mailer
  sessions: SessionStore
  rateLimiter: RateLimiter
  audit: AuditLog
}
