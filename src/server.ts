import { ConfigError, loadConfig } from './config.ts'
import { bootProfile } from './platform/boot-profile.ts'
import { type Database, openDatabase } from './platform/db/client.ts'
import { MigrationChangedError } from './platform/db/migration-checksums.ts'
import { explainStartFailure } from './platform/db/startup.ts'

/**
 * Everything else the start needs, imported while the database opens: loading the app's few
 * hundred modules then overlaps with the database's own start instead of preceding it.
 */
async function loadApp() {
  const [app, demo, categories, moderation, modules, migrate, maintenance] = await Promise.all([
    import('./app.ts'),
    import('./demo.ts'),
    import('./domains/categories/category.service.ts'),
    import('./domains/moderation/index.ts'),
    import('./modules.ts'),
    import('./platform/db/migrate.ts'),
    import('./platform/maintenance.ts'),
  ])
  return {
    buildApp: app.buildApp,
    seedDemo: demo.seedDemo,
    ensureDefaultCategories: categories.ensureDefaultCategories,
    backfillReviewQueue: moderation.backfillReviewQueue,
    modules: modules.modules,
    migrate: migrate.migrate,
    scheduleMaintenance: maintenance.scheduleMaintenance,
  }
}

async function main() {
  const profile = bootProfile()
  profile.mark('modules')
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
  profile.mark('config')

  const loading = loadApp()
  // A failed import is reported where it is awaited, after the database's own failures.
  loading.catch(() => {})
  let database: Database
  try {
    database = await openDatabase(config.database)
  } catch (error) {
    const failure = await explainStartFailure(error, config.database)
    if (!failure) throw error
    console.error(failure.message)
    process.exit(failure.status)
  }
  profile.mark('open database')
  const {
    backfillReviewQueue,
    buildApp,
    ensureDefaultCategories,
    migrate,
    modules,
    scheduleMaintenance,
    seedDemo,
  } = await loading
  profile.mark('app modules')
  try {
    await migrate(database, { mark: profile.mark })
  } catch (error) {
    if (error instanceof MigrationChangedError) {
      console.error(error.message)
      await database.close()
      process.exit(78) // a migration file changed after it ran: a person must decide, not a restart
    }
    throw error
  }
  // A server for tests may run from a clone whose client was never built: no test loads the files.
  const app = await buildApp({ config, database, requireBuiltClient: config.env !== 'test' })
  profile.mark('build app')
  // Territories created before categories existed get the defaults once.
  await ensureDefaultCategories(app.services)
  profile.mark('default categories')

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
                  '    (à sa première connexion, elle active la double authentification avec une application TOTP)',
                ]
              : [`    ${a.displayName} : ${a.email} / ${a.password}`],
          ),
          '',
        ].join('\n'),
      )
    }
    profile.mark('demo')
  }
  // What was held or reported before the moderation queue existed joins it once; later starts add nothing.
  await backfillReviewQueue(app.services)
  profile.mark('review queue')

  // SIGTERM (orchestrators) and SIGINT (Ctrl-C): stop accepting, let requests and jobs finish, close the database.
  let closing = false
  // A signal during the start's last steps waits for them: they query the database it closes.
  let starting: Promise<void> = Promise.resolve()
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    const force = setTimeout(() => {
      app.log.error('shutdown took more than 25 s, exiting')
      process.exit(1)
    }, 25_000)
    force.unref()
    try {
      await starting.catch(() => {})
      await app.close()
      await database.close()
      process.exit(0)
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown')
      process.exit(1)
    }
  }
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  process.once('SIGINT', () => void shutdown('SIGINT'))

  await app.listen({ host: config.host, port: config.port })
  profile.mark('ready and listening')
  // The route schemas compile at first use; the rest compile now, between requests.
  app.compileSchemas().then(
    (count) => app.log.debug({ count }, 'route schemas compiled'),
    (error) => app.log.error({ err: error }, 'a route schema does not compile'),
  )
  if (config.jobs.enabled) {
    starting = (async () => {
      await scheduleMaintenance(app.services)
      for (const module of modules) await module.schedule?.(app.services)
      app.services.worker.start()
    })()
    await starting
    profile.mark('jobs scheduled')
  }
  profile.print()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
