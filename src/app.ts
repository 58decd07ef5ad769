import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import { authentication } from './domains/accounts/sessions/auth.plugin.ts'
import { SessionStore } from './domains/accounts/sessions/session-store.ts'
import { CategoryCache } from './domains/categories/category-cache.ts'
import { territoryLogoImage } from './domains/territories/index.ts'
import { TerritoryService } from './domains/territories/territory.service.ts'
import { installModules, modules } from './modules.ts'
import { AuditLog } from './platform/audit/audit.ts'
import { accessProblem, type RouteAccess } from './platform/auth/policy.ts'
import { type Clock, type IdGenerator, randomIds, systemClock } from './platform/clock.ts'
import type { Database } from './platform/db/client.ts'
import { communeApi } from './platform/geo/commune.api.ts'
import { communePages } from './platform/geo/commune.pages.tsx'
import { CommuneService } from './platform/geo/commune.service.ts'
import { access } from './platform/http/access.ts'
import { controlCharacters } from './platform/http/control-characters.ts'
import { csrf } from './platform/http/csrf.ts'
import { delivery } from './platform/http/delivery.ts'
import { registerErrorHandling } from './platform/http/errors.ts'
import { healthRoutes } from './platform/http/health.ts'
import { lazySchemas } from './platform/http/lazy-schemas.ts'
import { LoadShedder, loadShedding } from './platform/http/load-shedding.ts'
import { loggerOptions } from './platform/http/logging.ts'
import { metrics } from './platform/http/metrics.ts'
import { openApi } from './platform/http/openapi.ts'
import { PageCache, pageCacheLookup } from './platform/http/page-cache.ts'
import { RateLimiter } from './platform/http/rate-limit.ts'
import { requestContext } from './platform/http/request-context.ts'
import { securityHeaders } from './platform/http/security-headers.ts'
import { installablePages } from './platform/installable/installable.pages.tsx'
import { pageMarkers } from './platform/installable/page-markers.ts'
import { JobQueue } from './platform/jobs/queue.ts'
import { JobWorker } from './platform/jobs/worker.ts'
import { devEmailPages } from './platform/mail/dev-outbox.pages.tsx'
import { Mailer } from './platform/mail/mailer.ts'
import { registerMaintenance } from './platform/maintenance.ts'
import { reviewCount } from './platform/review/review-count.plugin.ts'
import type { AppServices } from './platform/services.ts'
import { devSmsPages } from './platform/sms/dev-sms.pages.tsx'
import { Sms } from './platform/sms/sms.ts'
import { smsInboundApi } from './platform/sms/sms-inbound.api.ts'
import { Tenancy } from './platform/tenancy/tenancy.ts'

export interface AppOptions {
  config: Config
  database: Database
  clock?: Clock
  ids?: IdGenerator
  /** false silences request logs (tests); otherwise JSON logs at the configured level */
  logger?: boolean
  /** the built public folder; tests serve one they built elsewhere */
  publicDir?: string
  /**
   * Refuse to start when the client was never built (the server does): pages would name files
   * that do not exist. Apps built by tests need no built files.
   */
  requireBuiltClient?: boolean
}

export type App = FastifyInstance & { services: AppServices }
export interface RouteEntry extends RouteAccess {
  method: string
  url: string
}

export const publicDir = fileURLToPath(new URL('../public', import.meta.url))

export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database } = options
  const clock = options.clock ?? systemClock
  const ids = options.ids ?? randomIds
  const development = config.env === 'development'

  const schemas = lazySchemas()
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.logLevel),
    schemaController: { compilersFactory: schemas.compilersFactory },
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 256 * 1024,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>()

  const tenancy = new Tenancy(database, clock, config.defaultTerritory)
  const territories = new TerritoryService(database, clock, ids, tenancy)
  const jobs = new JobQueue(database, clock, ids)
  const worker = new JobWorker(database, clock, {
    pollMs: config.jobs.pollMs,
    concurrency: config.jobs.concurrency,
    logger: app.log,
  })
  const mailer = new Mailer({ config, database, clock, ids, jobs, worker })
  const sms = new Sms({ config, database, clock, jobs, worker })
  const communes = new CommuneService()
  const categoryCache = new CategoryCache(database, clock)
  const sessions = new SessionStore(database, clock)
  const rateLimiter = new RateLimiter(database, clock)
  const audit = new AuditLog(database, clock, ids)
  const services: AppServices = {
    config,
    database,
    clock,
    ids,
    tenancy,
    territories,
    communes,
    categoryCache,
    jobs,
    worker,
    mailer,
    sms,
    sessions,
    rateLimiter,
    audit,
  }
  app.decorate('services', services)
  app.decorate('compileSchemas', schemas.compileAll)
  installModules(modules)
  registerMaintenance(services)
  for (const module of modules) module.jobs?.(services)
  const routeTable: RouteEntry[] = []
  app.decorate('routeTable', routeTable)

  // Every route says who may call it and with which token scope; a test walks them all.
  // Plugin-made routes are public files.
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { permission?: unknown; scope?: unknown; territory?: boolean }
    if (
      config.permission === undefined &&
      (route.url.startsWith('/static') || route.url.startsWith('/api/docs'))
    ) {
      route.config = { ...config, permission: 'public', scope: null, territory: false }
    }
    const declared = (route.config ?? {}) as { permission?: unknown; scope?: unknown }
    const problem = accessProblem(declared)
    if (problem) throw new Error(`route ${route.method} ${route.url} ${problem}`)
    const { permission, scope } = declared as RouteAccess
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, permission, scope })
  })

  const https = config.publicUrl?.startsWith('https://') ?? false
  const shedder = new LoadShedder({ ...config.shedding, pool: database.pool })
  await app.register(cookie)
  // first after the cookies (the language): an overloaded process refuses before any database work
  await app.register(loadShedding, { shedder })
  await app.register(formbody)
  await app.register(securityHeaders, { https })
  await app.register(metrics, {
    token: config.metricsToken,
    listen: config.metricsListen,
    database,
    jobs,
    shedder,
    sms: services.sms,
  })
  // before the territory and the session are read: a page every visitor gets alike needs neither
  const pageCache = new PageCache(config.pageCacheMs)
  await app.register(pageCacheLookup, { cache: pageCache })
  await app.register(requestContext, { tenancy, devTools: config.env !== 'production' })
  await app.register(authentication, services)
  // what modules add to every request once the actor is known (e.g. the unread notifications)
  for (const module of modules)
    for (const plugin of module.requestPlugins ?? []) await app.register(plugin, services)
  await app.register(reviewCount, services)
  await app.register(pageMarkers, { secret: config.appSecret })
  await app.register(access)
  await app.register(csrf, { secureCookies: https, secret: config.appSecret })
  registerErrorHandling(app, {
    development,
    dataDir:
      database.kind === 'pglite' && config.database.kind === 'pglite' ? config.database.dir : undefined,
  })
  await app.register(controlCharacters)
  // static files, compression, cache headers: before the routes it compresses
  await app.register(delivery, {
    publicDir: options.publicDir ?? publicDir,
    env: config.env,
    requireBuiltClient: options.requireBuiltClient ?? false,
    pageCache,
  })
  await app.register(openApi, { config })

  await app.register(healthRoutes, services)
  await app.register(communeApi, services)
  await app.register(communePages, services)
  // the icons are drawn from the territory's logo, which the territories domain keeps
  await app.register(installablePages, {
    ...services,
    territoryLogo: (territoryId: string) => territoryLogoImage(database.db, territoryId),
  })
  for (const module of modules) for (const routes of module.routes) await app.register(routes, services)
  const smsStopped = modules.flatMap((module) => (module.smsStopped ? [module.smsStopped] : []))
  await app.register(smsInboundApi(smsStopped), services)
  if (config.env !== 'production') {
    await app.register(devEmailPages, services)
    await app.register(devSmsPages, services)
  }

  app.addHook('onClose', async () => {
    await worker.stop()
  })
  return app as unknown as App
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices
    /** every registered route and the access it declared, for the test that walks them */
    routeTable: RouteEntry[]
    /** compiles the route schemas not used yet (they compile at first use); resolves to their number */
    compileSchemas(): Promise<number>
  }
  interface FastifyContextConfig {
    permission?: import('./platform/auth/permissions.ts').Permission
    /** the token scope the route needs; null when no token may act there (see auth/policy.ts) */
    scope?: import('./platform/auth/scopes.ts').TokenScope | null
  }
}
