import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import fastifyStatic from '@fastify/static'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import { authentication } from './domains/accounts/auth.plugin.ts'
import { identityPages } from './domains/accounts/identity.pages.tsx'
import { profileApi } from './domains/accounts/profile.api.ts'
import { profilePages } from './domains/accounts/profile.pages.tsx'
import { secondFactorPages } from './domains/accounts/second-factor.pages.tsx'
import { signUpPages } from './domains/accounts/signup.pages.tsx'
import { staffPages } from './domains/accounts/staff.pages.tsx'
import { categoryApi } from './domains/categories/category.api.ts'
import { categoryPages } from './domains/categories/category.pages.tsx'
import { registerAlertJobs } from './domains/listings/alerts.jobs.ts'
import { listingApi } from './domains/listings/listing.api.ts'
import { registerListingJobs } from './domains/listings/listing.jobs.ts'
import { listingPages } from './domains/listings/listing.pages.tsx'
import { savedSearchPages } from './domains/listings/saved-search.pages.tsx'
import { searchApi } from './domains/listings/search.api.ts'
import { searchPages } from './domains/listings/search.pages.tsx'
import { conversationApi } from './domains/matches/conversation.api.ts'
import { registerConversationJobs } from './domains/matches/conversation.jobs.ts'
import { conversationPages } from './domains/matches/conversation.pages.tsx'
import { registerFollowUpJobs } from './domains/matches/follow-up.jobs.ts'
import { followUpPages } from './domains/matches/follow-up.pages.tsx'
import { matchApi } from './domains/matches/match.api.ts'
import { listingResponses, matchPages } from './domains/matches/match.pages.tsx'
import { notificationApi } from './domains/notifications/notification.api.ts'
import { registerNotificationJobs } from './domains/notifications/notification.jobs.ts'
import { notificationPages } from './domains/notifications/notification.pages.tsx'
import { unreadCount } from './domains/notifications/unread.plugin.ts'
import { reportApi } from './domains/reports/report.api.ts'
import { reportPages } from './domains/reports/report.pages.tsx'
import { territoryApi } from './domains/territories/territory.api.ts'
import { territoryPages } from './domains/territories/territory.pages.tsx'
import { TerritoryService } from './domains/territories/territory.service.ts'
import { volunteerPages } from './domains/volunteers/volunteer.pages.tsx'
import { AuditLog } from './platform/audit/audit.ts'
import { isPermission, type Permission } from './platform/auth/permissions.ts'
import { SessionStore } from './platform/auth/sessions.ts'
import { type Clock, type IdGenerator, randomIds, systemClock } from './platform/clock.ts'
import type { Database } from './platform/db/client.ts'
import { communeApi } from './platform/geo/commune.api.ts'
import { communePages } from './platform/geo/commune.pages.tsx'
import { CommuneService } from './platform/geo/commune.service.ts'
import { csrf } from './platform/http/csrf.ts'
import { registerErrorHandling } from './platform/http/errors.ts'
import { healthRoutes } from './platform/http/health.ts'
import { loggerOptions } from './platform/http/logging.ts'
import { openApi } from './platform/http/openapi.ts'
import { RateLimiter } from './platform/http/rate-limit.ts'
import { requestContext } from './platform/http/request-context.ts'
import { securityHeaders } from './platform/http/security-headers.ts'
import { JobQueue } from './platform/jobs/queue.ts'
import { JobWorker } from './platform/jobs/worker.ts'
import { devEmailPages } from './platform/mail/dev-outbox.pages.tsx'
import { Mailer } from './platform/mail/mailer.ts'
import { registerMaintenance } from './platform/maintenance.ts'
import type { AppServices } from './platform/services.ts'

export interface AppOptions {
  config: Config
  database: Database
  clock?: Clock
  ids?: IdGenerator
  /** false silences request logs (tests); otherwise JSON logs at the configured level */
  logger?: boolean
}

export type App = FastifyInstance & { services: AppServices }
export interface RouteEntry {
  method: string
  url: string
  permission: Permission
}

export const publicDir = fileURLToPath(new URL('../public', import.meta.url))

export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database } = options
  const clock = options.clock ?? systemClock
  const ids = options.ids ?? randomIds
  const development = config.env === 'development'

  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 256 * 1024,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>()

  const territories = new TerritoryService(database, clock, ids, config.defaultTerritory)
  const jobs = new JobQueue(database, clock, ids)
  const worker = new JobWorker(database, clock, {
    pollMs: config.jobs.pollMs,
    concurrency: config.jobs.concurrency,
    logger: app.log,
  })
  const mailer = new Mailer({ config, database, clock, ids, jobs, worker })
  const communes = new CommuneService(database)
  const sessions = new SessionStore(database, clock)
  const rateLimiter = new RateLimiter(database, clock)
  const audit = new AuditLog(database, clock, ids)
  const services: AppServices = {
    config,
    database,
    clock,
    ids,
    territories,
    communes,
    jobs,
    worker,
    mailer,
    sessions,
    rateLimiter,
    audit,
  }
  app.decorate('services', services)
  registerMaintenance(services)
  registerListingJobs(services)
  registerAlertJobs(services)
  registerConversationJobs(services)
  registerFollowUpJobs(services)
  registerNotificationJobs(services)
  const routeTable: RouteEntry[] = []
  app.decorate('routeTable', routeTable)

  // Every route says who may call it; a test walks them all. Plugin-made routes are public files.
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { permission?: unknown; territory?: boolean }
    if (
      config.permission === undefined &&
      (route.url.startsWith('/static') || route.url.startsWith('/api/docs'))
    ) {
      route.config = { ...config, permission: 'public', territory: false }
    }
    const permission = (route.config as { permission?: unknown } | undefined)?.permission
    if (!isPermission(permission))
      throw new Error(`route ${route.method} ${route.url} declares no valid permission`)
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, permission })
  })

  const https = config.publicUrl?.startsWith('https://') ?? false
  await app.register(cookie)
  await app.register(formbody)
  await app.register(securityHeaders, { https })
  await app.register(requestContext, { territories, devTools: config.env !== 'production' })
  await app.register(authentication, services)
  await app.register(unreadCount, services)
  await app.register(csrf, { secureCookies: https, secret: config.appSecret })
  registerErrorHandling(app, { development })
  await app.register(openApi, { config })
  await app.register(fastifyStatic, { root: publicDir, prefix: '/static/', maxAge: development ? 0 : '7d' })

  await app.register(healthRoutes, services)
  await app.register(territoryPages, services)
  await app.register(signUpPages, services)
  await app.register(identityPages, services)
  await app.register(secondFactorPages, services)
  await app.register(staffPages, services)
  await app.register(profilePages, services)
  await app.register(profileApi, services)
  await app.register(territoryApi, services)
  await app.register(categoryPages, services)
  await app.register(categoryApi, services)
  // Responses plug into the listing pages here: matches build on listings, never the other way.
  await app.register(listingPages, { ...services, responses: listingResponses(services) })
  await app.register(listingApi, services)
  await app.register(searchPages, services)
  await app.register(savedSearchPages, services)
  await app.register(searchApi, services)
  await app.register(communeApi, services)
  await app.register(communePages, services)
  await app.register(matchPages, services)
  await app.register(matchApi, services)
  await app.register(conversationPages, services)
  await app.register(conversationApi, services)
  await app.register(notificationPages, services)
  await app.register(notificationApi, services)
  await app.register(reportPages, services)
  await app.register(reportApi, services)
  await app.register(volunteerPages, services)
  await app.register(followUpPages, services)
  if (config.env !== 'production') await app.register(devEmailPages, services)

  app.addHook('onClose', async () => {
    await worker.stop()
  })
  return app as unknown as App
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices
    /** every registered route and the permission it declared, for the test that walks them */
    routeTable: RouteEntry[]
  }
  interface FastifyContextConfig {
    permission?: import('./platform/auth/permissions.ts').Permission
  }
}
