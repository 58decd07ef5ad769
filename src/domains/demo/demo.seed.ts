import type { TerritoryService } from '../territories/territory.service.ts'
import type { Territory } from '../territories/territory.ts'

export const DEMO_SLUG = 'calvados-demo'

/**
 * A new development database gets a demonstration territory so that `npm start` shows a living
 * platform at once. Never in production: server.ts and the CLI refuse it there.
 */
export async function seedDemo(territories: TerritoryService): Promise<Territory | null> {
  if ((await territories.count()) > 0) return null
  return territories.create({
    slug: DEMO_SLUG,
    departements: ['14'],
    officialName: 'Département du Calvados',
    platformName: 'Entraide Calvados (démo)',
    presentation: {
      fr: "Plateforme de démonstration : habitants, associations et services du Département s'y entraident gratuitement, partout dans le Calvados.",
      en: 'Demonstration platform: inhabitants, associations and the Département’s services help each other for free, all over Calvados.',
    },
    primaryColor: '#1f4e8c',
    contactEmail: 'entraide-demo@calvados.example',
    hostnames: ['localhost', '127.0.0.1', '[::1]'],
    isDemo: true,
  })
}
