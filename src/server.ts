import type { Server, ServerResponse } from 'node:http'
import type { App } from './app.ts'
import type { BootProfile } from './platform/boot-profile.ts'
import type { Database } from './platform/db/client.ts'

/*
 * SIGTERM (orchestrators) and SIGINT (Ctrl-C) are this process's from its first line: everything
 * else loads later, by dynamic imports, because every module a file imports statically is loaded
 * before its first line runs. Without a listener Node's default ends the process by the signal,
 * which an orchestrator restarting a slow start, or a test stopping a server it thought ready,
 * reads as a crash, and which can cut the embedded database's first start in the middle.
 *
 * - A signal during the start is kept until the step under way ends, however long it takes
 *   (opening the database, which initialises it on a first start; migrations; seeding: cutting
 *   one could leave a half-made data directory), then what is open closes and the process exits 0.
 * - A signal once the server runs: it stops accepting, lets requests and jobs finish, closes the
 *   database and exits 0.
 * - Any signal after the first is logged and changes nothing: the stop under way goes on. The
 *   listeners stay (`on`, not `once`): with none left, a second signal would end the process by
 *   Node's default in the middle of closing the database.
 * - Closing for more than 25 s exits 1. SIGKILL ends the process at once.
 * - Before this file's first line runs (Node's own start, and tsx's when it runs the sources),
 *   Node's default applies: the process ends by the signal, having opened nothing.
 */
const FORCE_EXIT_MS = 25_000
const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 }

let app: App | undefined
let database: Database | undefined
let profile: BootProfile | undefined
let stopSignal: NodeJS.Signals | undefined
/** the start is over: a signal stops the server at once rather than after the current step */
let running = false
let stopping = false
/** the last step of the start that ended, named as the boot profile names it */
let lastStep = 'none'
/** set once the app exists: its answers under way end their connection */
let endKeepAlive: (() => void) | undefined

/** Through the app's logger once it exists; before, the same JSON line, at the same LOG_LEVEL. */
function log(level: 'debug' | 'info' | 'warn' | 'error', fields: Record<string, unknown>, msg: string) {
  if (app) return app.log[level](fields, msg)
  const threshold = LEVELS[process.env.LOG_LEVEL ?? 'info'] ?? Number.POSITIVE_INFINITY
  if (LEVELS[level]! < threshold) return
  const err = fields.err instanceof Error ? { err: { message: fields.err.message } } : {}
  process.stdout.write(
    `${JSON.stringify({ level: LEVELS[level], time: Date.now(), pid: process.pid, ...fields, ...err, msg })}\n`,
  )
}

function onSignal(signal: NodeJS.Signals) {
  if (stopSignal) {
    log('warn', { signal }, 'signal received again while stopping; the stop goes on')
    return
  }
  stopSignal = signal
  if (running) void stop()
  else
    log(
      'info',
      { signal, after: lastStep },
      'stop requested during the start; it stops after the current step',
    )
}
process.on('SIGTERM', onSignal)
process.on('SIGINT', onSignal)
log('debug', {}, 'starting')

/** Closes what is open, the app before the database it uses, then exits 0 (1 if closing fails). */
async function stop(): Promise<never> {
  if (!stopping) {
    stopping = true
    log('info', running ? { signal: stopSignal } : { signal: stopSignal, after: lastStep }, 'shutting down')
    if (!running) profile?.print()
    // Counted from here, not from the signal: the start's step it waited for may not be cut.
    setTimeout(() => {
      log('error', {}, `the stop took more than ${FORCE_EXIT_MS / 1000} s, exiting`)
      process.exit(1)
    }, FORCE_EXIT_MS)
    try {
      endKeepAlive?.()
      await app?.close()
      await database?.close()
      process.exit(0)
    } catch (error) {
      log('error', { err: error }, 'error during shutdown')
      process.exit(1)
    }
  }
  return new Promise<never>(() => {})
}

/**
 * Makes the answers under way when the stop begins close their connection once sent. Node's
 * close() ends only the connections idle at that moment; the others, busy then, would stay open
 * for Fastify's 72 s keep-alive and hold the stop past its 25 s. Requests arriving later on a
 * kept-alive connection get Fastify's 503 with `Connection: close`.
 */
function trackAnswers(server: Server): () => void {
  const answering = new Set<ServerResponse>()
  server.on('request', (_req, res: ServerResponse) => {
    answering.add(res)
    res.once('close', () => answering.delete(res))
  })
  return () => {
    for (const res of answering) {
      if (!res.headersSent) res.setHeader('Connection', 'close')
      // Headers gone already: the connection is idle once the body is, and closed then.
      else res.once('finish', () => setImmediate(() => server.closeIdleConnections()))
    }
  }
}

/** Each step of the start in the debug log, as it ends: where a slow or stuck start is. */
function mark(done: string) {
  profile?.mark(done)
  lastStep = done
  log('debug', { step: done }, 'start step done')
}

/** Between two steps of the start: a stop asked meanwhile happens here, with what is open so far. */
async function checkpoint(): Promise<void> {
  if (stopSignal) await stop()
}

async function step(done: string): Promise<void> {
  mark(done)
  await checkpoint()
}

/**
 * Everything else the start needs, imported while the database opens: loading the app's few
 * hundred modules then overlaps with the database's own start instead of preceding it.
 */
async function loadApp() {
  const [app, demo, categories, moderation, modules, migrate, maintenance, statistics] = await Promise.all([
    import('./app.ts'),
    import('./demo.ts'),
    import('./domains/categories/category.service.ts'),
    import('./domains/moderation/index.ts'),
    import('./modules.ts'),
    import('./platform/db/migrate.ts'),
    import('./platform/maintenance.ts'),
    import('./domains/statistics/index.ts'),
  ])
  return {
    buildApp: app.buildApp,
    seedDemo: demo.seedDemo,
    ensureDefaultCategories: categories.ensureDefaultCategories,
    backfillReviewQueue: moderation.backfillReviewQueue,
    backfillStatEvents: statistics.backfillStatEvents,
    modules: modules.modules,
    migrate: migrate.migrate,
    scheduleMaintenance: maintenance.scheduleMaintenance,
  }
}

async function main() {
  const [{ bootProfile }, { ConfigError, loadConfig }, { openDatabase }, checksums, startup] =
    await Promise.all([
      import('./platform/boot-profile.ts'),
      import('./config.ts'),
      import('./platform/db/client.ts'),
      import('./platform/db/migration-checksums.ts'),
      import('./platform/db/startup.ts'),
    ])
  profile = bootProfile()
  await step('modules')
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(78) // EX_CONFIG: the operator must fix the environment; restarting will not help
    }
    throw error
  }
  if (config.env === 'development' && !config.push) {
    // Push works out of the box in development: a key pair made once, kept beside the embedded database.
    const { developmentPushKeys } = await import('./platform/push/development-keys.ts')
    const dir = config.database.kind === 'pglite' ? config.database.dir : './data/pglite'
    config = { ...config, push: await developmentPushKeys(dir, config.mailFrom) }
  }
  await step('config')

  // The app's modules load while the database starts, once its thread is started: loaded
  // before, they kept the main thread busy, and the database's own first steps waited for them.
  let loading: ReturnType<typeof loadApp> | undefined
  const startLoading = () => {
    loading ??= loadApp()
    // A failed import is reported where it is awaited, after the database's own failures.
    loading.catch(() => {})
    return loading
  }
  try {
    database = await openDatabase(config.database, { onStarted: startLoading })
  } catch (error) {
    const failure = await startup.explainStartFailure(error, config.database)
    if (!failure) throw error
    console.error(failure.message)
    process.exit(failure.status)
  }
  await step('open database')
  const {
    backfillReviewQueue,
    backfillStatEvents,
    buildApp,
    ensureDefaultCategories,
    migrate,
    modules,
    scheduleMaintenance,
    seedDemo,
  } = await startLoading()
  await step('app modules')
  try {
    await migrate(database, { mark })
  } catch (error) {
    if (error instanceof checksums.MigrationChangedError) {
      console.error(error.message)
      await database.close()
      process.exit(78) // a migration file changed after it ran: a person must decide, not a restart
    }
    throw error
  }
  await checkpoint()
  // A server for tests may run from a clone whose client was never built: no test loads the files.
  app = await buildApp({ config, database, requireBuiltClient: config.env !== 'test' })
  endKeepAlive = trackAnswers(app.server)
  await step('build app')
  // Territories created before categories existed get the defaults once.
  await ensureDefaultCategories(app.services)
  await step('default categories')

  if (config.seedDemo) {
    const demo = await seedDemo(app.services, modules)
    if (demo) {
      const { platformName } = demo.territory
      app.log.info(`Territoire de démonstration créé : ${platformName}`)
      console.log(
        [
          '',
          `  ${platformName} est prêt sur http://localhost:${config.port}`,
          '  Courriels envoyés par la plateforme (développement) : /dev/emails',
          '  Comptes de démonstration (page « Se connecter ») :',
          // staff have no second factor yet: the visitor must know their first sign-in asks for one
          ...demo.accounts.flatMap((a) =>
            a.role
              ? [
                  `    ${a.displayName} (${a.role}) : ${a.email} / ${a.password}`,
                  '    (première connexion : la double authentification est à activer avec une application TOTP)',
                ]
              : [`    ${a.displayName} : ${a.email} / ${a.password}`],
          ),
          '',
        ].join('\n'),
      )
    }
    await step('demo')
  }
  // What was held or reported before the moderation queue existed joins it once; later starts add nothing.
  await backfillReviewQueue(app.services)
  await step('review queue')
  // Rows written before the domains recorded the bilan's events get theirs, once; later starts read one row.
  await backfillStatEvents(app.services)
  await step('bilan events')

  await app.listen({ host: config.host, port: config.port })
  await step('ready and listening')
  // Route schemas compile at their route's first request (http/lazy-schemas.ts says why).
  if (config.jobs.enabled) {
    // A signal meanwhile waits for these steps: they query the database the stop closes.
    await scheduleMaintenance(app.services)
    for (const module of modules) await module.schedule?.(app.services)
    app.services.worker.start()
    mark('jobs scheduled')
  }
  // Nothing is awaited between this check and `running`: a signal is either seen here or stops a running server.
  if (stopSignal) await stop()
  running = true
  profile?.print()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
