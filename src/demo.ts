import { writeStatEvents } from './domains/statistics/index.ts'
import type { DemoAccount, DomainModule } from './platform/modules.ts'
import type { AppServices } from './platform/services.ts'
import type { Territory } from './platform/tenancy/territory.ts'

export interface Demo {
  territory: Territory
  /** who a visitor may sign in as, for the terminal */
  accounts: DemoAccount[]
}

/**
 * A new development database gets a demonstration territory so that `npm start` shows a living
 * platform at once: each module fills it with its own data (residents with a few asks and offers,
 * an administrator who enrols her second factor at her first sign-in). Null when a territory
 * exists already. Never in production: server.ts and the CLI refuse it there.
 */
export async function seedDemo(
  services: AppServices,
  modules: readonly DomainModule[],
): Promise<Demo | null> {
  if ((await services.territories.count()) > 0) return null
  const territory = await services.territories.create({
    slug: 'calvados-demo',
    departements: ['14'],
    officialName: 'Département du Calvados',
    platformName: 'Entraide Calvados (démo)',
    presentation: {
      fr: 'Plateforme de démonstration : habitants, associations et services du Département s’y entraident gratuitement, partout dans le Calvados.',
      en: 'Demonstration platform: inhabitants, associations and the Département’s services help each other for free, all over Calvados.',
    },
    primaryColor: '#1f4e8c',
    contactEmail: 'entraide-demo@calvados.example',
    hostnames: ['localhost', '127.0.0.1', '[::1]'],
    isDemo: true,
  })
  const accounts: DemoAccount[] = []
  // in module order, so that the listings find the residents the accounts seeded
  for (const module of modules) accounts.push(...((await module.demo?.(services, territory)) ?? []))
  // Modules seed rows as they would stand (some backdated, some written around the services): the
  // bilan's events come from the rows themselves, with their dates, whatever ran before.
  await writeStatEvents(services.database.db)
  return { territory, accounts }
}
